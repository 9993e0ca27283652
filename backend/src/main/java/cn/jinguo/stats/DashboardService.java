package cn.jinguo.stats;

import static cn.jinguo.common.SqlValues.instant;
import static cn.jinguo.stats.StatsQueries.num;
import static cn.jinguo.stats.StatsQueries.str;

import cn.jinguo.account.DataScope;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgService;
import cn.jinguo.stats.StatsDtos.Dashboard;
import cn.jinguo.stats.StatsDtos.Issued;
import cn.jinguo.stats.StatsDtos.IssuedNotice;
import cn.jinguo.stats.StatsDtos.Review;
import cn.jinguo.stats.StatsDtos.ReviewItem;
import cn.jinguo.stats.StatsDtos.ReviewKind;
import cn.jinguo.stats.StatsDtos.Todo;
import cn.jinguo.stats.StatsDtos.TodoItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 工作台: what an org must do now, read from the receipts' progress columns (current in the same transaction as every
 * change), and the completion of the notices it issued. A fixed number of statements whatever the data: one per kind
 * of to-do (count, overdue count and the five nearest from one window query), one for reviews, two for the notices.
 */
@ApplicationScoped
public class DashboardService {
    static final int NEAREST = 5;
    static final int ISSUED = 20;

    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    OrgService orgs;

    @Inject
    StatsService stats;

    @Transactional
    public Dashboard dashboard(String orgId) {
        Org org = org(orgId);
        Instant now = Instant.now();
        return new Dashboard(
                StatsService.ref(org),
                todo(
                        """
                        select r.id, n.id as notice_id, n.doc_number, n.title, i.name, r.deadline as due, null as submission_id,
                               null as plan_id, count(*) over () as total,
                               count(*) filter (where r.deadline < :now) over () as late
                        from receipt r join notice n on n.id = r.notice_id join org i on i.id = n.issuer_org_id
                        where r.org_id = :org and r.signed_at is null and n.status = 'PUBLISHED'""",
                        org,
                        now),
                todo(
                        """
                        select r.id, n.id as notice_id, n.doc_number, n.title, i.name, n.plan_deadline as due, null as submission_id,
                               p.id as plan_id, count(*) over () as total,
                               count(*) filter (where n.plan_deadline < :now) over () as late
                        from receipt r join notice n on n.id = r.notice_id join org i on i.id = n.issuer_org_id
                        left join activity_plan p on p.receipt_id = r.id
                        where r.org_id = :org and (r.plan_status is null or r.plan_status = 'RETURNED')
                          and r.exempt_reason is null and r.submitted_at is null and n.plan_required
                          and n.status = 'PUBLISHED'""",
                        org,
                        now),
                todo(
                        """
                        select r.id, n.id as notice_id, n.doc_number, n.title, i.name, r.deadline as due, s.id as submission_id,
                               null as plan_id, count(*) over () as total,
                               count(*) filter (where r.deadline < :now) over () as late
                        from receipt r join notice n on n.id = r.notice_id join org i on i.id = n.issuer_org_id
                        left join submission s on s.receipt_id = r.id
                        where r.org_id = :org and (r.submitted_at is null or r.report_status = 'RETURNED')
                          and r.exempt_reason is null and n.status = 'PUBLISHED'""",
                        org,
                        now),
                review(org),
                issued(org, now));
    }

    /** The org asked for (404 outside the caller's subtree), or the caller's first membership. */
    private Org org(String orgId) {
        if (orgId != null && !orgId.isBlank()) return orgs.visible(orgId);
        List<Long> member = scope.memberOrgIds();
        if (!member.isEmpty()) return em.find(Org.class, member.get(0));
        return stats.branch(null);
    }

    /** Count, overdue count and the nearest {@value #NEAREST} of one kind of to-do, in one statement. */
    private Todo todo(String select, Org org, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select + " order by due nulls last, r.id limit " + NEAREST)
                .setParameter("org", org.id)
                .setParameter("now", now)
                .getResultList();
        List<TodoItem> items = rows.stream()
                .map(r -> {
                    Instant due = instant(r[5]);
                    return new TodoItem(
                            str(r[0]),
                            str(r[1]),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            BusinessTime.offset(due),
                            due != null && due.isBefore(now),
                            str(r[6]),
                            str(r[7]));
                })
                .toList();
        return rows.isEmpty() ? new Todo(0, 0, List.of()) : new Todo(num(rows.get(0)[8]), num(rows.get(0)[9]), items);
    }

    /**
     * Packages submitted answering notices the org issued or receives as 收文部门, and plans filed with it (备案单位,
     * standalone plans included): the counts and the {@value #NEAREST} waiting longest, in one statement.
     */
    private Review review(Org org) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        with waiting as (
                            select 'SUBMISSION' as kind, s.id, n.id as notice_id, n.doc_number, n.title, o.name, s.submitted_at as since
                            from submission s join notice n on n.id = s.notice_id join org o on o.id = s.org_id
                            where (n.issuer_org_id = :org or n.receiving_org_id = :org) and s.status = 'SUBMITTED'
                            union all
                            select 'PLAN', p.id, n.id, n.doc_number, p.title, o.name, p.filed_at
                            from activity_plan p join org o on o.id = p.org_id left join notice n on n.id = p.notice_id
                            where p.review_org_id = :org and p.status = 'FILED')
                        select w.*, count(*) filter (where kind = 'SUBMISSION') over (),
                               count(*) filter (where kind = 'PLAN') over ()
                        from waiting w order by since nulls last, id limit :limit""")
                .setParameter("org", org.id)
                .setParameter("limit", NEAREST)
                .getResultList();
        List<ReviewItem> items = rows.stream()
                .map(r -> new ReviewItem(
                        ReviewKind.valueOf(r[0].toString()),
                        str(r[1]),
                        str(r[2]),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        BusinessTime.offset(instant(r[6]))))
                .toList();
        return rows.isEmpty()
                ? new Review(0, 0, List.of())
                : new Review(num(rows.get(0)[7]), num(rows.get(0)[8]), items);
    }

    /** The org's published notices, nearest deadline first, and their completion from the receipts (one GROUP BY). */
    private Issued issued(Org org, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> notices = em.createNativeQuery(
                        """
                        select n.id, n.doc_number, n.title, n.deadline, count(*) over ()
                        from notice n where n.issuer_org_id = :org and n.status = 'PUBLISHED'
                        order by n.deadline nulls last, n.id limit :limit""")
                .setParameter("org", org.id)
                .setParameter("limit", ISSUED)
                .getResultList();
        if (notices.isEmpty()) return new Issued(0, List.of());
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery(
                        """
                        select r.notice_id, count(*),
                               count(*) filter (where r.exempt_reason is null),
                               count(*) filter (where r.exempt_reason is null and r.signed_at is not null),
                               count(*) filter (where r.exempt_reason is null and r.submitted_at is not null),
                               count(*) filter (where r.exempt_reason is null and r.accepted_at is not null)
                        from receipt r where r.notice_id in (:ids) group by r.notice_id""")
                .setParameter("ids", notices.stream().map(r -> num(r[0])).toList())
                .getResultList();
        Map<Long, Object[]> byNotice = new HashMap<>();
        counts.forEach(c -> byNotice.put(num(c[0]), c));
        List<IssuedNotice> items = notices.stream()
                .map(r -> {
                    Object[] c = byNotice.getOrDefault(num(r[0]), new Object[6]);
                    Instant deadline = instant(r[3]);
                    return new IssuedNotice(
                            str(r[0]),
                            (String) r[1],
                            (String) r[2],
                            BusinessTime.offset(deadline),
                            deadline != null && deadline.isBefore(now),
                            num(c[1]),
                            num(c[2]),
                            num(c[3]),
                            num(c[4]),
                            num(c[5]));
                })
                .toList();
        return new Issued(num(notices.get(0)[4]), items);
    }
}
