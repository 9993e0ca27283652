package cn.jinguo.submission;

import static cn.jinguo.common.SqlValues.instant;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Text;
import cn.jinguo.notice.NoticeDtos.NoticeRef;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.org.Org;
import cn.jinguo.plan.PlanKind;
import cn.jinguo.plan.PlanStatus;
import cn.jinguo.submission.SubmissionDtos.PlanItemRef;
import cn.jinguo.submission.SubmissionDtos.SubmissionPage;
import cn.jinguo.submission.SubmissionDtos.SubmissionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The list of packages, scoped and filtered in SQL, and the entries of one package in one query. */
@ApplicationScoped
class SubmissionQueries {
    /**
     * The plans whose items an entry of a package may realise (JPQL on {@code p}, binding :org and :notice): the
     * package org's own plans, and the plan its notice carries (the issuer's, without a receipt). Other recipients'
     * plans answer the same notice but are theirs, not this org's.
     */
    static final String REALISABLE_PLANS = "(p.org.id = :org or (p.notice.id = :notice and p.receipt is null))";

    /** The most plan items one package is offered; far more than an org plans in a year. */
    static final int PLAN_ITEM_LIMIT = 500;

    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    /**
     * Packages of orgs in the caller's subtree, and packages sent (submitted at least once) in answer to notices its
     * subtree issued or receives as 收文部门. A page is two statements: the matching ids with the total, then the page's details.
     */
    SubmissionPage list(
            String noticeId,
            String orgId,
            boolean branch,
            boolean reviewable,
            SubmissionStatus status,
            Boolean late,
            Boolean featured,
            String q,
            Paging paging) {
        DataScope.Filter own = scope.filter("s.org_path");
        DataScope.Filter issued = scope.filter("i.path");
        DataScope.Filter receiving = scope.filter("ro.path");
        // The package's receipt (for the late and featured filters) and org (for a name search) only when a filter
        // reads them: joining them for every match would read a row per package of the whole list; the page's own
        // come with its details.
        boolean byName = q != null && !q.isBlank();
        StringBuilder where = new StringBuilder(" from submission s");
        if (late != null || featured != null) where.append(" join receipt r on r.id = s.receipt_id");
        if (byName) where.append(" join org o on o.id = s.org_id");
        where.append(" join notice n on n.id = s.notice_id join org i on i.id = n.issuer_org_id")
                .append(" left join org ro on ro.id = n.receiving_org_id where (")
                .append(own.condition())
                .append(" or (s.revision > 0 and (")
                .append(issued.condition())
                .append(" or ")
                .append(receiving.condition())
                .append(")))");
        // The three filters bind the same scope parameters with the same values.
        Map<String, Object> params = new HashMap<>(own.params());
        if (noticeId != null) {
            Long key = Ids.parseOrNull(noticeId);
            where.append(" and s.notice_id = :notice");
            params.put("notice", key == null ? -1L : key);
        }
        if (orgId != null) {
            // A branch: the org and everything below it.
            Long key = Ids.parseOrNull(orgId);
            Org top = key == null ? null : em.find(Org.class, key);
            String path = top == null ? "-" : top.path;
            if (branch) {
                where.append(" and s.org_path like :branch");
                params.put("branch", path + "%");
            } else {
                where.append(" and s.org_id = :org");
                params.put("org", key == null ? -1L : key);
            }
        }
        if (reviewable) {
            // Sent, awaiting review, and answering a notice of an org the caller reviews for (as issuer or 收文部门).
            where.append(" and s.status = 'SUBMITTED'");
            if (!scope.unrestricted()) {
                List<Long> reviewing = scope.memberOrgIds(Permission.REPORT_REVIEW);
                where.append(" and (n.issuer_org_id in (:reviewing) or n.receiving_org_id in (:reviewing))");
                params.put("reviewing", reviewing.isEmpty() ? List.of(-1L) : reviewing);
            }
        }
        if (status != null) {
            where.append(" and s.status = :status");
            params.put("status", status.name());
        }
        if (late != null)
            where.append(
                    late
                            ? " and r.submitted_at > r.deadline"
                            : " and r.submitted_at is not null and (r.deadline is null or r.submitted_at <= r.deadline)");
        if (featured != null) where.append(featured ? " and r.featured_count > 0" : " and r.featured_count = 0");
        if (byName) {
            where.append(" and (lower(o.name) like :q or n.search_text like :q)");
            params.put("q", Text.containsPattern(q));
        }
        var rows = em.createNativeQuery("select s.id, count(*) over () as total" + where
                + " order by coalesce(s.submitted_at, s.updated_at) desc, s.id desc limit :limit offset :offset");
        params.forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> page = rows.setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        // The total comes with the rows (the sort reads every match anyway); only a page past the end asks again.
        long total;
        if (!page.isEmpty()) total = ((Number) page.get(0)[1]).longValue();
        else {
            var count = em.createNativeQuery("select count(*)" + where, Long.class);
            params.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
        }
        List<Long> ids = page.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, SubmissionSummary> summaries = summaries(ids);
        List<SubmissionSummary> items =
                ids.stream().map(summaries::get).filter(Objects::nonNull).toList();
        return new SubmissionPage(items, total, paging.page(), paging.size());
    }

    /** The page's packages with their notice, org, receipt and entry totals: one statement for the page. */
    private Map<Long, SubmissionSummary> summaries(List<Long> ids) {
        Map<Long, SubmissionSummary> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select s.id, n.id as notice_id, n.doc_number, n.title, i.name as issuer_name,
                               n.status as notice_status, o.id as org_id, o.name as org_name, s.status, s.revision,
                               s.submitted_at, s.reviewed_at, s.updated_at, r.deadline, r.submitted_at as first_at,
                               count(e.id), coalesce(sum(e.participants), 0), count(e.featured_at)
                        from submission s join notice n on n.id = s.notice_id join org i on i.id = n.issuer_org_id
                        join org o on o.id = s.org_id join receipt r on r.id = s.receipt_id
                        left join submission_entry e on e.submission_id = s.id
                        where s.id in (:ids) group by s.id, n.id, i.id, o.id, r.id""")
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Instant deadline = instant(r[13]), firstAt = instant(r[14]);
            out.put(
                    id,
                    new SubmissionSummary(
                            Long.toString(id),
                            new NoticeRef(
                                    r[1].toString(),
                                    (String) r[2],
                                    (String) r[3],
                                    (String) r[4],
                                    NoticeStatus.valueOf(r[5].toString())),
                            r[6].toString(),
                            (String) r[7],
                            SubmissionStatus.valueOf(r[8].toString()),
                            ((Number) r[9]).intValue(),
                            ((Number) r[15]).longValue(),
                            ((Number) r[16]).longValue(),
                            ((Number) r[17]).longValue(),
                            BusinessTime.offset(deadline),
                            firstAt,
                            instant(r[10]),
                            late(firstAt, deadline),
                            instant(r[11]),
                            instant(r[12])));
        }
        return out;
    }

    /** The package's entries with their origin orgs and media: one query. */
    List<SubmissionEntry> entries(Submission s) {
        if (s.id == null) return List.of();
        return em.createQuery(
                        """
                        select e from SubmissionEntry e join fetch e.originOrg left join fetch e.media
                        where e.submission.id = :id order by e.position""",
                        SubmissionEntry.class)
                .setParameter("id", s.id)
                .getResultList();
    }

    /**
     * The plan items an entry of the package may realise, the notice's own plans first, then by plan and item
     * position; one statement. {@code linkedOnly}: just those the package's entries name.
     */
    List<PlanItemRef> planItems(Submission s, boolean linkedOnly) {
        String linked = linkedOnly
                ? " and i.id in (select e.planItemId from SubmissionEntry e where e.submission.id = :submission)"
                : "";
        var query = em.createQuery(
                        """
                        select i.id, i.title, i.section, i.startsOn, i.endsOn, i.targetValue, i.targetUnit,
                               i.progressValue, p.id, p.title, p.status, p.notice.id, p.receipt.id
                        from PlanItem i join i.plan p where """
                                + REALISABLE_PLANS
                                + linked
                                + """
                                 order by case when p.notice.id = :notice then 0 else 1 end, p.updatedAt desc, p.id,
                                 i.position""",
                        Object[].class)
                .setParameter("org", s.org.id)
                .setParameter("notice", s.notice.id)
                .setMaxResults(PLAN_ITEM_LIMIT);
        if (linkedOnly) query.setParameter("submission", s.id);
        return query.getResultList().stream()
                .map(r -> new PlanItemRef(
                        r[0].toString(),
                        (String) r[1],
                        (String) r[2],
                        (LocalDate) r[3],
                        (LocalDate) r[4],
                        (BigDecimal) r[5],
                        (String) r[6],
                        (BigDecimal) r[7],
                        r[8].toString(),
                        (String) r[9],
                        (PlanStatus) r[10],
                        r[12] != null ? PlanKind.ANSWER : r[11] != null ? PlanKind.ISSUER : PlanKind.STANDALONE))
                .toList();
    }

    static boolean late(Instant firstSubmittedAt, Instant deadline) {
        return firstSubmittedAt != null && deadline != null && firstSubmittedAt.isAfter(deadline);
    }
}
