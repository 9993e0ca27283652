package cn.jinguo.notice;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Text;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.InboxSummary;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import cn.jinguo.notice.NoticeDtos.ReceiptPage;
import cn.jinguo.notice.NoticeDtos.ReceiptView;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 收文: the receipts of one org the caller belongs to, reading, signing, and re-issuing. */
@ApplicationScoped
public class InboxService {
    static final Duration DUE_SOON = Duration.ofDays(3);

    /** Inbox filters. */
    public enum Filter {
        UNSIGNED,
        DUE_SOON,
        OVERDUE
    }

    @Inject
    EntityManager em;

    @Inject
    Event<ReceiptSigned> signed;

    @Inject
    OrgRepository orgs;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    NoticeService notices;

    @Transactional
    public ReceiptPage list(String orgId, Filter filter, String issuerOrgId, String q, Paging paging) {
        Org org = inboxOrg(orgId);
        StringBuilder where = new StringBuilder(" from Receipt r join r.notice n where r.org.id = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", org.id);
        Instant now = Instant.now();
        if (filter == Filter.UNSIGNED) where.append(" and r.signedAt is null");
        if (filter == Filter.DUE_SOON) {
            where.append(" and n.status = :published and r.deadline > :now and r.deadline <= :soon");
            params.put("soon", now.plus(DUE_SOON));
        }
        if (filter == Filter.OVERDUE) where.append(" and n.status = :published and r.deadline <= :now");
        if (filter == Filter.DUE_SOON || filter == Filter.OVERDUE) {
            params.put("published", NoticeStatus.PUBLISHED);
            params.put("now", now);
        }
        if (issuerOrgId != null) {
            Long key = Ids.parseOrNull(issuerOrgId);
            where.append(" and n.issuer.id = :issuer");
            params.put("issuer", key == null ? -1L : key);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and n.searchText like :q");
            params.put("q", Text.containsPattern(q));
        }
        var select = em.createQuery("select r" + where + " order by r.deliveredAt desc, r.id desc", Receipt.class);
        var count = em.createQuery("select count(r)" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Receipt> receipts = select.setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        return new ReceiptPage(views(receipts, org), count.getSingleResult(), paging.page(), paging.size());
    }

    @Transactional
    public InboxSummary summary(String orgId) {
        Org org = inboxOrg(orgId);
        Instant now = Instant.now();
        Object[] row = (Object[]) em.createNativeQuery(
                        """
                        select count(*) filter (where r.first_read_at is null),
                               count(*) filter (where r.signed_at is null),
                               count(*) filter (where n.status = 'PUBLISHED' and r.deadline > :now and r.deadline <= :soon),
                               count(*) filter (where n.status = 'PUBLISHED' and r.deadline <= :now)
                        from receipt r join notice n on n.id = r.notice_id where r.org_id = :org""")
                .setParameter("now", now)
                .setParameter("soon", now.plus(DUE_SOON))
                .setParameter("org", org.id)
                .getSingleResult();
        return new InboxSummary(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    /** The orgs that sent notices to this inbox, most notices first: the choices of the issuer filter. */
    @Transactional
    public List<NoticeDtos.InboxIssuer> issuers(String orgId) {
        Org org = inboxOrg(orgId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select i.id, i.name, count(*) from receipt r join notice n on n.id = r.notice_id"
                                + " join org i on i.id = n.issuer_org_id where r.org_id = :org"
                                + " group by i.id, i.name order by count(*) desc, i.name limit 200")
                .setParameter("org", org.id)
                .getResultList();
        return rows.stream()
                .map(r -> new NoticeDtos.InboxIssuer(r[0].toString(), (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    /** Opening a receipt as a member of its org records the first read. */
    @Transactional
    public ReceiptView open(String receiptId) {
        Receipt r = visible(receiptId);
        if (r.firstReadAt == null && scope.actsFor(r.org.id, Permission.ORG_READ)) {
            r.firstReadAt = Instant.now();
            r.firstReadBy = caller.username();
            em.flush(); // the view's version (the ETag) is the one after this first reading
        }
        return views(List.of(r), r.org).get(0);
    }

    @Transactional
    public ReceiptView sign(String receiptId, String ifMatch) {
        Receipt r = visible(receiptId);
        if (!scope.actsFor(r.org.id, Permission.RECEIPT_SIGN))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.RECEIPT_SIGN.key);
        Versioned.checkMatch(ifMatch, r.version);
        if (r.notice.status != NoticeStatus.PUBLISHED)
            throw ApiException.conflict("NOTICE_NOT_PUBLISHED", r.notice.title);
        Instant now = Instant.now();
        // One statement decides who signed first; the loser gets 409, not a lost update.
        int won = em.createQuery(
                        """
                        update Receipt r set r.signedAt = :now, r.signedBy = :by, r.version = r.version + 1,
                               r.firstReadAt = coalesce(r.firstReadAt, :now), r.firstReadBy = coalesce(r.firstReadBy, :by)
                        where r.id = :id and r.signedAt is null""")
                .setParameter("now", now)
                .setParameter("by", caller.username())
                .setParameter("id", r.id)
                .executeUpdate();
        if (won == 0) throw ApiException.conflict("RECEIPT_ALREADY_SIGNED", r.signedBy);
        em.refresh(r);
        audit.record(
                "receipt.sign",
                "receipt",
                r.id,
                r.org.id,
                r.org.path,
                r.org.name + " 签收通知 " + r.notice.docNumber,
                Map.of("noticeId", r.notice.id.toString()));
        signed.fire(new ReceiptSigned(r.id));
        return views(List.of(r), r.org).get(0);
    }

    @Transactional
    public NoticeView forward(String receiptId) {
        return notices.forward(visible(receiptId));
    }

    /** The org whose inbox is read: one the caller belongs to (its first membership when not named). */
    private Org inboxOrg(String orgId) {
        if (orgId == null) {
            List<Long> mine = scope.memberOrgIds();
            if (mine.isEmpty()) throw ApiException.field("orgId", "NotBlank");
            return orgs.findById(mine.get(0));
        }
        Long key = Ids.parseOrNull(orgId);
        Org org = key == null ? null : orgs.findById(key);
        scope.requireVisible(org == null ? null : org.path, "ORG_NOT_FOUND", orgId);
        if (!scope.actsFor(org.id, Permission.ORG_READ)) throw ApiException.forbidden("INBOX_NOT_MEMBER", org.name);
        return org;
    }

    /** A receipt whose org is in the caller's subtree (a district may look at its townships' receipts). */
    private Receipt visible(String id) {
        Long key = Ids.parseOrNull(id);
        Receipt r = key == null ? null : em.find(Receipt.class, key);
        scope.requireVisible(r == null ? null : r.org.path, "RECEIPT_NOT_FOUND", id);
        return r;
    }

    /** What the caller may do with the receipt now, by the rules sign, forward and plan creation check. */
    private List<ReceiptAction> actions(Receipt r, Long planId) {
        if (r.notice.status != NoticeStatus.PUBLISHED) return List.of();
        List<ReceiptAction> out = new java.util.ArrayList<>(4);
        if (r.signedAt == null && scope.actsFor(r.org.id, Permission.RECEIPT_SIGN)) out.add(ReceiptAction.SIGN);
        if (r.forwardedNoticeId == null && scope.actsFor(r.org.id, Permission.NOTICE_WRITE))
            out.add(ReceiptAction.FORWARD);
        if (r.notice.planRequired && planId == null && scope.actsFor(r.org.id, Permission.PLAN_WRITE))
            out.add(ReceiptAction.FILE_PLAN);
        if (scope.actsFor(r.org.id, Permission.REPORT_WRITE)) out.add(ReceiptAction.REPORT);
        return out;
    }

    /** The package of each receipt that has one (the submission module's table; read here in one query). */
    private Map<Long, Long> packages(List<Receipt> receipts) {
        List<Long> ids = receipts.stream()
                .filter(r -> r.reportStatus != null)
                .map(r -> r.id)
                .toList();
        Map<Long, Long> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select receipt_id, id from submission where receipt_id in (:ids)")
                .setParameter("ids", ids)
                .getResultList();
        rows.forEach(row -> out.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return out;
    }

    /** The plans answering these receipts (one per receipt, cn.jinguo.plan), in one query. */
    private Map<Long, Long> plansOf(List<Receipt> receipts) {
        if (receipts.isEmpty()) return Map.of();
        Map<Long, Long> plans = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select receipt_id, id from activity_plan where receipt_id in (:ids)")
                .setParameter("ids", receipts.stream().map(r -> r.id).toList())
                .getResultList();
        rows.forEach(row -> plans.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return plans;
    }

    private List<ReceiptView> views(List<Receipt> receipts, Org org) {
        var summaries =
                notices.summaries(receipts.stream().map(r -> r.notice.id).toList());
        Map<Long, Long> packages = packages(receipts);
        Map<Long, Long> plans = plansOf(receipts);
        return java.util.stream.IntStream.range(0, receipts.size())
                .mapToObj(i -> {
                    Receipt r = receipts.get(i);
                    Long plan = plans.get(r.id);
                    return new ReceiptView(
                            r.id.toString(),
                            org.id.toString(),
                            org.name,
                            summaries.get(i),
                            r.deliveredAt,
                            BusinessTime.offset(r.deadline),
                            r.firstReadAt,
                            r.firstReadBy,
                            r.signedAt,
                            r.signedBy,
                            r.forwardedNoticeId == null ? null : r.forwardedNoticeId.toString(),
                            packages.containsKey(r.id) ? packages.get(r.id).toString() : null,
                            r.reportStatus,
                            plan == null ? null : plan.toString(),
                            r.planStatus,
                            r.exemptReason,
                            actions(r, plan),
                            r.version);
                })
                .toList();
    }
}
