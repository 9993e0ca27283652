package cn.jinguo.stats;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgService;
import cn.jinguo.stats.StatsDtos.Activity;
import cn.jinguo.stats.StatsDtos.ActivityPage;
import cn.jinguo.stats.StatsDtos.OrgRef;
import cn.jinguo.stats.StatsDtos.StatsStatus;
import cn.jinguo.stats.StatsDtos.StatsView;
import cn.jinguo.stats.StatsExport.Export;
import cn.jinguo.stats.StatsExport.Pack;
import cn.jinguo.stats.StatsQueries.Criteria;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 统计: activities held, participants and reports of a branch. An org's figures cover its subtree, and the answers to
 * the notices its subtree issued or receives as 收文部门 (a department sees the work reported to it). Every activity
 * counts once, however far it was rolled up (see {@link StatsQueries}).
 */
@ApplicationScoped
public class StatsService {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    OrgService orgs;

    @Inject
    StatsQueries queries;

    @Inject
    StatsExport export;

    /** The filters as the client sent them; checked and resolved by {@link #criteria}. */
    public record Filter(String orgId, String from, String to, String noticeId, StatsStatus status) {}

    @Transactional
    public StatsView stats(Filter f) {
        Criteria c = criteria(f, null, null);
        StatsQueries.Grouped g = queries.grouped(c);
        return new StatsView(
                ref(c.branch()),
                c.from(),
                c.to(),
                c.noticeId() == null ? null : c.noticeId().toString(),
                c.status(),
                g.totals(),
                g.byDistrict(),
                g.byOrgType(),
                g.byMonth(),
                g.byTheme());
    }

    @Transactional
    public ActivityPage activities(Filter f, String q, Boolean featured, Paging paging) {
        Criteria c = criteria(f, q, featured);
        List<Activity> items = queries.page(c, paging);
        // A short first page is the whole list: no count needed.
        long total = paging.page() == 0 && items.size() < paging.size() ? items.size() : queries.count(c);
        return new ActivityPage(items, total, paging.page(), paging.size());
    }

    /** The activity list as .xlsx, every row of the filter (written inside this read transaction). */
    @Transactional
    public Export exportActivities(Filter f, String q, Boolean featured) {
        Criteria c = criteria(f, q, featured);
        Map<String, String> about = new LinkedHashMap<>();
        about.put("统计范围", c.branch().name + "（含下级，及回复其通知的报送）");
        about.put(
                "活动日期",
                (c.from() == null ? "不限" : c.from().toString()) + " 至 " + (c.to() == null ? "不限" : c.to().toString()));
        if (c.noticeId() != null) {
            Notice n = em.find(Notice.class, c.noticeId());
            about.put("通知", label(n) + "（含各级转发）");
        }
        about.put("报送状态", c.status() == StatsStatus.ACCEPTED ? "仅已采用" : "已报送（待审核和已采用）");
        if (q != null && !q.isBlank()) about.put("活动名称包含", q.strip());
        if (featured != null) about.put("精选", featured ? "仅精选" : "非精选");
        String name = c.branch().name + "-活动列表-" + cn.jinguo.common.BusinessTime.today() + ".xlsx";
        return export.activities(queries.stream(c), about, name);
    }

    /**
     * 精选素材包 of a notice: its featured entries as a workbook, their files and links. Only the issuing side (the
     * issuer's subtree or the receiving department's) may take it: 403 for a recipient, 404 for anyone who cannot read
     * the notice. The workbook is written here; the files are read from the store while the zip streams.
     */
    @Transactional
    public PackDownload featuredPack(String noticeId) {
        Notice n = readable(noticeId);
        if (!issuerSide(n)) throw ApiException.forbidden("STATS_PACK_ISSUER_ONLY", label(n));
        List<Activity> entries = queries.featured(n.id);
        Map<Long, String> folders = StatsExport.folders(entries);
        Map<String, String> about = new LinkedHashMap<>();
        about.put("通知", label(n));
        about.put("精选活动", Integer.toString(entries.size()));
        var media =
                queries.media(entries.stream().map(a -> Long.parseLong(a.id())).toList());
        var workbook = export.featuredWorkbook(entries, folders, about);
        String name = StatsExport.safe((n.docNumber == null ? n.title : n.docNumber) + "-精选活动.zip");
        return new PackDownload(new Pack(workbook, entries, folders, media), name);
    }

    /** A pack ready to stream, and the name to download it as. */
    public record PackDownload(Pack pack, String fileName) {}

    public void writePack(Pack pack, java.io.OutputStream out) throws java.io.IOException {
        export.writePack(pack, out);
    }

    // ---- rules ----

    private Criteria criteria(Filter f, String q, Boolean featured) {
        LocalDate from = date("from", f.from()), to = date("to", f.to());
        if (from != null && to != null && from.isAfter(to)) throw ApiException.field("to", "DateOrder");
        Long notice = f.noticeId() == null || f.noticeId().isBlank() ? null : readable(f.noticeId()).id;
        StatsStatus status = f.status() == null ? StatsStatus.SUBMITTED : f.status();
        return new Criteria(branch(f.orgId()), from, to, notice, status, q == null || q.isBlank() ? null : q, featured);
    }

    /** The chosen org (404 outside the caller's subtree), or the caller's top org. */
    Org branch(String orgId) {
        if (orgId != null && !orgId.isBlank()) return orgs.visible(orgId);
        if (scope.unrestricted()) {
            return em.createQuery("select o from Org o where o.parentId is null order by o.sortOrder, o.id", Org.class)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("ORG_NOT_FOUND", "root"));
        }
        List<String> roots = scope.roots();
        if (roots.isEmpty()) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.ORG_READ.key);
        String top = roots.get(0);
        String[] ids = top.split("/");
        return em.find(Org.class, Long.parseLong(ids[ids.length - 1]));
    }

    /**
     * A notice the caller may read: a draft by its issuer's subtree alone (as NoticeService.readable has it), a
     * published one by its issuing side or a recipient in the caller's subtree.
     */
    Notice readable(String id) {
        Long key = Ids.parseOrNull(id);
        Notice n = key == null ? null : em.find(Notice.class, key);
        boolean visible = n != null
                && (n.status == NoticeStatus.DRAFT ? scope.covers(n.issuer.path) : issuerSide(n) || receivedInScope(n));
        if (!visible) throw ApiException.notFound("NOTICE_NOT_FOUND", id);
        return n;
    }

    /** The issuer, or the receiving department (收文部门), is in the caller's subtree. */
    boolean issuerSide(Notice n) {
        if (scope.covers(n.issuer.path)) return true;
        Org receiving = n.receivingOrgId == null ? null : em.find(Org.class, n.receivingOrgId);
        return receiving != null && scope.covers(receiving.path);
    }

    private boolean receivedInScope(Notice n) {
        DataScope.Filter filter = scope.filter("r.org_path");
        var q = em.createNativeQuery(
                "select exists (select 1 from receipt r where r.notice_id = :id and " + filter.condition() + ")",
                Boolean.class);
        filter.params().forEach(q::setParameter);
        return (Boolean) q.setParameter("id", n.id).getSingleResult();
    }

    static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.field(field, "Date");
        }
    }

    static OrgRef ref(Org o) {
        return new OrgRef(o.id.toString(), o.name, o.type, o.depth);
    }

    static String label(Notice n) {
        return n.docNumber == null ? "“" + n.title + "”" : n.docNumber + "“" + n.title + "”";
    }
}
