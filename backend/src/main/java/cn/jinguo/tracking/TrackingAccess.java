package cn.jinguo.tracking;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.notice.Receipt;
import cn.jinguo.notice.Recipients;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import cn.jinguo.tracking.TrackingDtos.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * Who sees which part of a notice's tracking, decided in one place on top of {@link DataScope}:
 *
 * <ul>
 *   <li>the issuing side sees every recipient: whoever sees the issuer (or the receiving department) in its subtree,
 *       and the issuing side of the notice this one re-issues, up the chain (the city follows the district's re-issue;
 *       a department, the answers to its own notices);
 *   <li>a recipient sees its own branch only: the receipts in its subtree (a district the townships it was sent along
 *       with), never the others';
 *   <li>anyone else: 404, like the notice itself.
 * </ul>
 *
 * Extensions, exemptions and reminders need tracking:manage as a member of the issuer or its receiving department
 * (acting for the issuer, as publishing does): 403 for everyone else who sees the tracking.
 */
@ApplicationScoped
public class TrackingAccess {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    OrgRepository orgs;

    @Inject
    Recipients recipients;

    /**
     * A notice as the caller tracks it. {@code receipts} restricts receipts (alias {@code r}, by their org_path) to what
     * the caller sees; {@code range} is the top of the notice's sending range (the default branch root).
     */
    public record Tracked(Notice notice, View view, boolean canManage, Org range, DataScope.Filter receipts) {}

    public Tracked tracked(String noticeId) {
        Long key = Ids.parseOrNull(noticeId);
        // with its issuer: every check below reads the issuer's path
        Notice n = key == null
                ? null
                : em.createQuery("select n from Notice n join fetch n.issuer where n.id = :id", Notice.class)
                        .setParameter("id", key)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (n == null) throw ApiException.notFound("NOTICE_NOT_FOUND", noticeId);
        boolean issuerSide = issuerSide(n);
        // A draft is its issuer's alone (as NoticeService.readable has it): up the re-issue chain, it does not exist.
        boolean visible = n.status == NoticeStatus.DRAFT
                ? scope.unrestricted() || scope.covers(n.issuer.path)
                : issuerSide || receivesInScope(n);
        if (!visible) throw ApiException.notFound("NOTICE_NOT_FOUND", noticeId);
        if (n.status == NoticeStatus.DRAFT) throw ApiException.conflict("TRACKING_NOTICE_DRAFT", n.title);
        boolean manage = scope.actsFor(n.issuer.id, Permission.TRACKING_MANAGE)
                || (n.receivingOrgId != null && scope.actsFor(n.receivingOrgId, Permission.TRACKING_MANAGE));
        DataScope.Filter filter = issuerSide ? new DataScope.Filter("1 = 1", Map.of()) : scope.filter("r.org_path");
        return new Tracked(n, issuerSide ? View.ISSUER : View.BRANCH, manage, recipients.sendingRoot(n.issuer), filter);
    }

    /** Like {@link #tracked} but 403 unless the caller may change the tracking (extend, exempt, remind). */
    public Tracked managed(String noticeId) {
        Tracked t = tracked(noticeId);
        if (!t.canManage()) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.TRACKING_MANAGE.key);
        if (t.notice().status != NoticeStatus.PUBLISHED)
            throw ApiException.conflict("TRACKING_NOTICE_NOT_OPEN", t.notice().title);
        return t;
    }

    /**
     * A branch org named by the client: inside the notice's sending range and, for a recipient, in or above its own
     * subtree (so a district may count from the city down to itself, never a sibling). 404 otherwise.
     */
    public Org branch(Tracked t, String orgId) {
        Long key = Ids.parseOrNull(orgId);
        Org org = key == null ? null : orgs.findById(key);
        if (org == null || !org.path.startsWith(t.range().path)) throw ApiException.notFound("ORG_NOT_FOUND", orgId);
        if (t.view() == View.BRANCH
                && !scope.covers(org.path)
                && scope.roots().stream().noneMatch(root -> root.startsWith(org.path)))
            throw ApiException.notFound("ORG_NOT_FOUND", orgId);
        return org;
    }

    /** A receipt of the tracked notice the caller sees. */
    public Receipt receipt(Tracked t, String receiptId) {
        Long key = Ids.parseOrNull(receiptId);
        Receipt r = key == null ? null : em.find(Receipt.class, key);
        if (r == null || !r.notice.id.equals(t.notice().id) || (t.view() == View.BRANCH && !scope.covers(r.org.path)))
            throw ApiException.notFound("RECEIPT_NOT_FOUND", receiptId);
        return r;
    }

    /** The issuer or receiving department of the notice, or of any notice up its re-issue chain, is in scope. */
    private boolean issuerSide(Notice n) {
        if (scope.unrestricted()) return true;
        if (scope.covers(n.issuer.path)) return true;
        @SuppressWarnings("unchecked")
        List<String> paths = em.createNativeQuery(
                        """
                        with recursive chain (id, parent_id, issuer_org_id, receiving_org_id, hops) as (
                            select id, parent_notice_id, issuer_org_id, receiving_org_id, 0 from notice where id = :id
                            union all
                            select p.id, p.parent_notice_id, p.issuer_org_id, p.receiving_org_id, c.hops + 1
                            from notice p join chain c on p.id = c.parent_id where c.hops < 20)
                        select o.path from chain c join org o on o.id = c.issuer_org_id or o.id = c.receiving_org_id""")
                .setParameter("id", n.id)
                .getResultList();
        return paths.stream().anyMatch(scope::covers);
    }

    private boolean receivesInScope(Notice n) {
        DataScope.Filter filter = scope.filter("r.org_path");
        var q = em.createNativeQuery(
                "select exists (select 1 from receipt r where r.notice_id = :id and " + filter.condition() + ")",
                Boolean.class);
        filter.params().forEach(q::setParameter);
        return (Boolean) q.setParameter("id", n.id).getSingleResult();
    }
}
