package cn.jinguo.stats;

import static cn.jinguo.common.SqlValues.date;

import cn.jinguo.common.Paging;
import cn.jinguo.common.Text;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import cn.jinguo.stats.StatsDtos.Activity;
import cn.jinguo.stats.StatsDtos.Figures;
import cn.jinguo.stats.StatsDtos.Group;
import cn.jinguo.stats.StatsDtos.NoticeRef;
import cn.jinguo.stats.StatsDtos.StatsStatus;
import cn.jinguo.submission.SubmissionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The activities of a branch in SQL, set-based. Every query starts from the same pipeline:
 *
 * <ol>
 *   <li>{@code pkg}: the packages in view — sent by an org of the branch, or answering a notice the branch issued or
 *       receives as 收文部门 (a department sees the answers to its own notices) — in the chosen status, answering the
 *       chosen notice or any of its re-issues;
 *   <li>{@code matched}: their entries within the dates (and title search);
 *   <li>{@code activity}: each matched entry, flagged {@code counted} unless a matched entry copies it (汇总上报). A
 *       rolled-up activity is one chain of copies (village → township → district → city) with the same origin, date,
 *       title and participants; only the highest copy in view counts, so the figures never double.
 * </ol>
 */
@ApplicationScoped
class StatsQueries {
    @Inject
    EntityManager em;

    /** What to count: a branch, dates, a notice (with its re-issues), accepted only or all sent. */
    record Criteria(
            Org branch, LocalDate from, LocalDate to, Long noticeId, StatsStatus status, String q, Boolean featured) {}

    /** The totals and the four groupings, from one statement (GROUPING SETS). */
    record Grouped(
            Figures totals, List<Group> byDistrict, List<Group> byOrgType, List<Group> byMonth, List<Group> byTheme) {}

    Grouped grouped(Criteria c) {
        Map<String, Object> params = new HashMap<>();
        String sql = pipeline(c, params)
                + """
                , placed as (
                    select a.*, oo.type as org_type, to_char(a.held_on, 'YYYY-MM') as month,
                           cast(split_part(oo.path, '/', least(oo.depth,
                               case when oo.path like :branch then :depth + 1 else :depth end) + 2) as bigint) as area_id
                    from activity a join org oo on oo.id = a.origin_org_id)
                select r.*, g.name from (
                    select grouping(area_id) as g_area, grouping(org_type) as g_type, grouping(month) as g_month,
                           grouping(theme) as g_theme, area_id, org_type, month, theme,
                           count(*) filter (where counted) as activities,
                           coalesce(sum(participants) filter (where counted), 0) as participants,
                           count(distinct submission_id) as reports,
                           count(distinct origin_org_id) filter (where counted) as orgs,
                           count(*) filter (where counted and featured_at is not null) as featured
                    from placed
                    group by grouping sets ((area_id), (org_type), (month), (theme), ())) r
                left join org g on g.id = r.area_id""";
        params.put("depth", c.branch().depth);
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Figures totals = new Figures(0, 0, 0, 0, 0);
        List<Group> byDistrict = new ArrayList<>(), byType = new ArrayList<>(), byMonth = new ArrayList<>();
        List<Group> byTheme = new ArrayList<>();
        for (Object[] r : rows) {
            long activities = num(r[8]), participants = num(r[9]), reports = num(r[10]);
            if (num(r[0]) == 0) {
                byDistrict.add(new Group(str(r[4]), (String) r[13], activities, participants, reports));
            } else if (num(r[1]) == 0) {
                byType.add(new Group(str(r[5]), null, activities, participants, reports));
            } else if (num(r[2]) == 0) {
                byMonth.add(new Group(str(r[6]), null, activities, participants, reports));
            } else if (num(r[3]) == 0) {
                byTheme.add(new Group(str(r[7]), null, activities, participants, reports));
            } else {
                totals = new Figures(activities, participants, reports, num(r[11]), num(r[12]));
            }
        }
        java.util.Comparator<Group> most = java.util.Comparator.comparingLong(Group::activities)
                .reversed()
                .thenComparing(Group::key, java.util.Comparator.nullsLast(String::compareTo));
        byDistrict.sort(most);
        byTheme.sort(most);
        byMonth.sort(java.util.Comparator.comparing(Group::key));
        byType.sort(java.util.Comparator.comparing(g -> OrgType.valueOf(g.key())));
        return new Grouped(totals, byDistrict, byType, byMonth, byTheme);
    }

    /** One page of the counted activities, latest first: the rows, then the count. */
    List<Activity> page(Criteria c, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(rowsSql(c, params) + " limit :limit offset :offset");
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        return rows.stream().map(StatsQueries::activity).toList();
    }

    long count(Criteria c) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(
                pipeline(c, params) + " select count(*) from activity a where a.counted" + listFilter(c));
        params.forEach(query::setParameter);
        return num(query.getSingleResult());
    }

    /** Every counted activity, streamed from the database (for the export); closed by the caller. */
    @SuppressWarnings("unchecked")
    Stream<Activity> stream(Criteria c) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(rowsSql(c, params));
        params.forEach(query::setParameter);
        query.setHint("org.hibernate.fetchSize", 500);
        return ((Stream<Object[]>) query.getResultStream()).map(StatsQueries::activity);
    }

    /** The featured entries of the packages answering one notice (the issuer's 精选), in package order. */
    List<Activity> featured(long noticeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select e.id, s.id as submission_id, e.title, e.held_on, e.held_until, e.location, e.participants,
                               oo.id as origin_id, oo.name as origin_name,
                               (select d.name from org d where d.id = cast(split_part(oo.path, '/', least(oo.depth, 1) + 2) as bigint)),
                               so.id as reporter_id, so.name as reporter_name, n.id as notice_id, n.doc_number, n.title as notice_title,
                               s.status, e.featured_at
                        from submission_entry e join submission s on s.id = e.submission_id
                        join org oo on oo.id = e.origin_org_id join org so on so.id = s.org_id
                        join notice n on n.id = s.notice_id
                        where s.notice_id = :notice and e.featured_at is not null
                        order by so.sort_order, so.name, s.id, e.position""")
                .setParameter("notice", noticeId)
                .getResultList();
        return rows.stream().map(StatsQueries::activity).toList();
    }

    /** A medium of a featured entry: a stored file (with where its bytes are) or a URL. */
    record Medium(long entryId, String kind, String url, String title, String fileName, String storageKey) {}

    /** The media of the given entries, one query. */
    List<Medium> media(List<Long> entryIds) {
        if (entryIds.isEmpty()) return List.of();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select m.entry_id, m.kind, m.url, m.title, f.file_name, f.storage_key
                        from entry_media m left join stored_file f on f.id = m.file_id
                        where m.entry_id in (:ids) order by m.entry_id, m.position""")
                .setParameter("ids", entryIds)
                .getResultList();
        return rows.stream()
                .map(r -> new Medium(
                        num(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }

    // ---- SQL ----

    private String rowsSql(Criteria c, Map<String, Object> params) {
        return pipeline(c, params)
                + """
                 select a.id, a.submission_id, a.title, a.held_on, a.held_until, a.location, a.participants,
                        oo.id as origin_id, oo.name as origin_name, d.name as district_name,
                        rp.id as reporter_id, rp.name as reporter_name, n.id as notice_id, n.doc_number, n.title as notice_title,
                        a.status, a.featured_at
                 from activity a join org oo on oo.id = a.origin_org_id
                 join org d on d.id = cast(split_part(oo.path, '/', least(oo.depth, 1) + 2) as bigint)
                 join org rp on rp.id = a.reporter_id join notice n on n.id = a.notice_id
                 where a.counted"""
                + listFilter(c)
                + " order by a.held_on desc, a.id desc";
    }

    /** Featured applies to the copy that counts: the one the branch received (and may have featured itself). */
    private static String listFilter(Criteria c) {
        if (c.featured() == null) return "";
        return c.featured() ? " and a.featured_at is not null" : " and a.featured_at is null";
    }

    /**
     * The {@code pkg → matched → activity} CTEs. The three ways into a branch are a union, so each side uses its own
     * index (org path → submissions of those orgs; org path → notices issued or received → their submissions).
     */
    private static String pipeline(Criteria c, Map<String, Object> params) {
        params.put("branch", c.branch().path + "%");
        List<String> statuses = c.status() == StatsStatus.ACCEPTED
                ? List.of(SubmissionStatus.ACCEPTED.name())
                : List.of(SubmissionStatus.SUBMITTED.name(), SubmissionStatus.ACCEPTED.name());
        params.put("statuses", statuses);
        StringBuilder sql = new StringBuilder("with recursive ");
        String notice = "";
        if (c.noticeId() != null) {
            // The notice and every re-issue below it: a district's answers to its re-issue answer the city's notice.
            sql.append(
                    """
                    family (id, hops) as (
                        select id, 0 from notice where id = :notice
                        union all
                        select n.id, f.hops + 1 from notice n join family f on n.parent_notice_id = f.id where f.hops < 20),
                    """);
            params.put("notice", c.noticeId());
            notice = " and s.notice_id in (select id from family)";
        }
        String sent = " s.status in (:statuses)" + notice;
        sql.append("pkg (id) as (\n")
                .append(
                        "    select s.id from submission s join org so on so.id = s.org_id where so.path like :branch and")
                .append(sent)
                .append("\n    union\n")
                .append("    select s.id from submission s join notice n on n.id = s.notice_id")
                .append(" join org i on i.id = n.issuer_org_id where i.path like :branch and")
                .append(sent)
                .append("\n    union\n")
                .append("    select s.id from submission s join notice n on n.id = s.notice_id")
                .append(" join org ro on ro.id = n.receiving_org_id where ro.path like :branch and")
                .append(sent)
                .append("),\n");
        sql.append(
                """
                matched as (
                    select e.id, e.source_entry_id, e.origin_org_id, e.title, e.held_on, e.held_until, e.location,
                           e.participants, e.featured_at, s.id as submission_id, s.org_id as reporter_id, s.status,
                           s.notice_id, n.theme
                    from pkg join submission s on s.id = pkg.id join submission_entry e on e.submission_id = s.id
                    join notice n on n.id = s.notice_id
                    where true""");
        if (c.from() != null) {
            sql.append(" and e.held_on >= :from");
            params.put("from", c.from());
        }
        if (c.to() != null) {
            sql.append(" and e.held_on <= :to");
            params.put("to", c.to());
        }
        if (c.q() != null && !c.q().isBlank()) {
            // Copies keep their source's title, so a chain matches as a whole and the dedupe below still holds.
            sql.append(" and lower(e.title) like :q");
            params.put("q", Text.containsPattern(c.q()));
        }
        sql.append(
                """
                ),
                copied as (select distinct source_entry_id as id from matched where source_entry_id is not null),
                activity as (
                    -- a hash anti-join: a correlated NOT EXISTS in the select list would rescan matched per row
                    select m.*, c.id is null as counted
                    from matched m left join copied c on c.id = m.id)
                """);
        return sql.toString();
    }

    private static Activity activity(Object[] r) {
        return new Activity(
                str(r[0]),
                str(r[1]),
                (String) r[2],
                date(r[3]),
                date(r[4]),
                (String) r[5],
                r[6] == null ? null : ((Number) r[6]).intValue(),
                str(r[7]),
                (String) r[8],
                (String) r[9],
                str(r[10]),
                (String) r[11],
                new NoticeRef(str(r[12]), (String) r[13], (String) r[14]),
                SubmissionStatus.valueOf(r[15].toString()),
                r[16] != null);
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
