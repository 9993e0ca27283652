package cn.jinguo.tracking;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Paging;
import cn.jinguo.notice.Notice;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import cn.jinguo.tracking.TrackingAccess.Tracked;
import cn.jinguo.tracking.TrackingDtos.Branch;
import cn.jinguo.tracking.TrackingDtos.Branches;
import cn.jinguo.tracking.TrackingDtos.Filter;
import cn.jinguo.tracking.TrackingDtos.MissingPage;
import cn.jinguo.tracking.TrackingDtos.NoticeInfo;
import cn.jinguo.tracking.TrackingDtos.ReceiptPage;
import cn.jinguo.tracking.TrackingDtos.Summary;
import cn.jinguo.tracking.TrackingQueries.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 督办 reads: the counts of a notice, per branch of the tree, the recipients' table and the missing list. */
@ApplicationScoped
public class TrackingService {
    @Inject
    EntityManager em;

    @Inject
    TrackingAccess access;

    @Transactional
    public Summary summary(String noticeId, String orgId) {
        Tracked t = access.tracked(noticeId);
        Org branch = orgId == null ? null : access.branch(t, orgId);
        Instant now = Instant.now();
        Where where = TrackingQueries.where(t, branch, null, null, now);
        Object[] row = (Object[])
                where.bind(em.createNativeQuery("select " + TrackingQueries.COUNTS + where.from() + where.sql()))
                        .setParameter("now", now)
                        .getSingleResult();
        return new Summary(
                info(t.notice()),
                t.view(),
                t.canManage(),
                branch == null ? null : branch.id.toString(),
                t.range().id.toString(),
                TrackingQueries.counts(row, 0),
                now);
    }

    /**
     * The children of {@code parentOrgId} (default: the top of the sending range) that hold receipts of the notice in
     * their subtree, each with its counts; plus the parent's own receipt as a {@code self} row, so that the rows add
     * up to the parent's counts. One GROUP BY over the receipts, whatever the number of branches.
     */
    @Transactional
    public Branches branches(String noticeId, String parentOrgId) {
        Tracked t = access.tracked(noticeId);
        Org parent = parentOrgId == null ? t.range() : access.branch(t, parentOrgId);
        Instant now = Instant.now();
        Where where = TrackingQueries.where(t, parent, null, null, now);
        // Path segment :pos of a receipt's org_path is the child it lies under ('' for the parent's own receipt); a
        // segment after it means the receipt lies deeper than the child.
        String own = "split_part(r.org_path, '/', :next) = ''";
        String sql = "with g as (select split_part(r.org_path, '/', :pos) as child,"
                + " bool_or(not " + own + ") as deeper,"
                // the branch org's own receipt (the parent's, in the self row)
                + " max(r.id) filter (where " + own + ") as own_receipt,"
                + " max(r.forwarded_notice_id) filter (where " + own + ") as forwarded, "
                + TrackingQueries.NAMED_COUNTS
                + where.from()
                + where.sql()
                + " group by 1)"
                + " select c.id, c.code, c.name, c.type, c.level, g.child, g.deeper, g.own_receipt,"
                + " case when f.status <> 'DRAFT' then g.forwarded end, "
                + TrackingQueries.G_COUNTS
                + " from g left join org c on c.id = cast(nullif(g.child, '') as bigint)"
                + " left join notice f on f.id = g.forwarded"
                + " order by g.child <> '', c.sort_order, c.code";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery(sql))
                .setParameter("pos", parent.depth + 3)
                .setParameter("next", parent.depth + 4)
                .setParameter("now", now)
                .getResultList();
        List<Branch> items = rows.stream()
                .map(r -> {
                    boolean self = "".equals(r[5]);
                    Object ownReceipt = r[7];
                    return new Branch(
                            self ? parent.id.toString() : r[0].toString(),
                            self ? parent.code : (String) r[1],
                            self ? parent.name : (String) r[2],
                            self ? parent.type : OrgType.valueOf((String) r[3]),
                            self ? parent.level : r[4] == null ? null : FederationLevel.valueOf((String) r[4]),
                            self,
                            ownReceipt != null,
                            ownReceipt == null ? null : ownReceipt.toString(),
                            Boolean.TRUE.equals(r[6]),
                            r[8] == null ? null : r[8].toString(),
                            TrackingQueries.counts(r, 9));
                })
                .toList();
        return new Branches(parent.id.toString(), parent.name, items);
    }

    @Transactional
    public ReceiptPage receipts(String noticeId, Filter filter, String orgId, String q, Paging paging) {
        Tracked t = access.tracked(noticeId);
        Org branch = orgId == null ? null : access.branch(t, orgId);
        Instant now = Instant.now();
        Where where = TrackingQueries.where(t, branch, filter, q, now);
        var items = TrackingQueries.rows(em, where, paging.size(), paging.offset())
                .map(r -> r.toReceiptRow(now))
                .toList();
        return new ReceiptPage(items, TrackingQueries.count(em, where), paging.page(), paging.size());
    }

    /** Recipients that have not submitted and are not exempt, with their contacts. */
    @Transactional
    public MissingPage missing(String noticeId, String orgId, String q, Paging paging) {
        Tracked t = access.tracked(noticeId);
        Org branch = orgId == null ? null : access.branch(t, orgId);
        Instant now = Instant.now();
        LocalDate today = BusinessTime.today();
        Where where = TrackingQueries.where(t, branch, Filter.MISSING, q, now);
        var items = TrackingQueries.rows(em, where, paging.size(), paging.offset())
                .map(r -> r.toMissingRow(today))
                .toList();
        return new MissingPage(items, TrackingQueries.count(em, where), paging.page(), paging.size());
    }

    static NoticeInfo info(Notice n) {
        return new NoticeInfo(
                n.id.toString(),
                n.docNumber,
                n.title,
                n.status,
                n.issuer.id.toString(),
                n.issuer.name,
                BusinessTime.offset(n.deadline),
                n.planRequired,
                BusinessTime.offset(n.planDeadline),
                n.parentNoticeId == null ? null : n.parentNoticeId.toString());
    }
}
