package cn.jinguo.tracking;

import static cn.jinguo.common.SqlValues.instant;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Text;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import cn.jinguo.tracking.TrackingAccess.Tracked;
import cn.jinguo.tracking.TrackingDtos.Counts;
import cn.jinguo.tracking.TrackingDtos.Filter;
import cn.jinguo.tracking.TrackingDtos.MissingRow;
import cn.jinguo.tracking.TrackingDtos.Progress;
import cn.jinguo.tracking.TrackingDtos.ReceiptRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SQL of tracking, over receipts only (never a live walk of the tree): one statement for the counts of a notice
 * or a branch, one GROUP BY for a level of branches, and a page of receipt rows with their org. Conditions are built
 * here from fixed fragments; every value is a bound parameter.
 */
final class TrackingQueries {
    private TrackingQueries() {}

    /** Counted among the expected ones: not exempt. */
    private static final String E = "r.exempt_reason is null";

    /** The counts of {@link Counts}, in its order, over receipts {@code r}; binds {@code :now}. */
    static final String COUNTS = String.join(
            ",\n",
            "count(*)",
            "count(*) filter (where r.exempt_reason is not null)",
            "count(*) filter (where r.first_read_at is not null)",
            "count(*) filter (where r.signed_at is not null)",
            "count(*) filter (where " + E + " and r.plan_status in ('FILED', 'ACKNOWLEDGED'))",
            "count(*) filter (where " + E + " and r.plan_status = 'ACKNOWLEDGED')",
            "count(*) filter (where " + E + " and r.submitted_at is not null)",
            "count(*) filter (where " + E
                    + " and r.submitted_at <= coalesce(r.deadline, cast('infinity' as timestamptz)))",
            "count(*) filter (where " + E + " and r.submitted_at > r.deadline)",
            "count(*) filter (where " + E + " and r.submitted_at is null)",
            "count(*) filter (where " + E + " and r.submitted_at is null and r.deadline < :now)",
            "count(*) filter (where " + E + " and r.report_status = 'ACCEPTED')",
            "count(*) filter (where " + E + " and r.report_status = 'RETURNED')",
            "coalesce(sum(r.featured_count) filter (where " + E + "), 0)",
            "count(*) filter (where r.extension_reason is not null)");

    static final int COUNT_COLUMNS = 15;

    /** {@link #COUNTS} with the aliases k0…k14, for use inside a CTE. */
    static final String NAMED_COUNTS;

    /** The aliased counts as selected from CTE {@code g}. */
    static final String G_COUNTS;

    static {
        String[] parts = COUNTS.split(",\n");
        StringBuilder named = new StringBuilder();
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            named.append(i == 0 ? "" : ",\n").append(parts[i]).append(" as k").append(i);
            g.append(i == 0 ? "" : ", ").append("g.k").append(i);
        }
        NAMED_COUNTS = named.toString();
        G_COUNTS = g.toString();
    }

    static Counts counts(Object[] row, int from) {
        long[] v = new long[COUNT_COLUMNS];
        for (int i = 0; i < COUNT_COLUMNS; i++) v[i] = row[from + i] == null ? 0 : ((Number) row[from + i]).longValue();
        long expected = v[0] - v[1];
        double rate = expected == 0
                ? 0
                : BigDecimal.valueOf(v[6])
                        .divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP)
                        .doubleValue();
        return new Counts(
                v[0], v[1], expected, v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14],
                rate);
    }

    /** Receipts with their org, for what shows or searches the org's name. */
    static final String FROM = " from receipt r join org o on o.id = r.org_id";

    /**
     * The receipt rows a list shows: the notice, the caller's reach, a branch, a filter and a name search. All but the
     * name search read the receipt alone (its org_path places it in the tree).
     */
    record Where(String sql, Map<String, Object> params, boolean byName) {
        /** The FROM clause for counting these rows: the org only when the name search needs it. */
        String from() {
            return byName ? FROM : " from receipt r";
        }

        Query bind(Query q) {
            params.forEach(q::setParameter);
            return q;
        }
    }

    static Where where(Tracked t, Org branch, Filter filter, String q, Instant now) {
        StringBuilder sql = new StringBuilder(" where r.notice_id = :notice");
        Map<String, Object> params = new HashMap<>(t.receipts().params());
        params.put("notice", t.notice().id);
        sql.append(" and ").append(t.receipts().condition());
        if (branch != null) {
            sql.append(" and r.org_path like :under");
            params.put("under", branch.path + "%");
        }
        if (filter != null) {
            sql.append(" and ").append(condition(filter, t.notice().planRequired));
            if (filter == Filter.OVERDUE) params.put("now", now);
        }
        boolean byName = q != null && !q.isBlank();
        if (byName) {
            sql.append(" and o.search_text like :q");
            params.put("q", Text.containsPattern(q));
        }
        return new Where(sql.toString(), params, byName);
    }

    static String condition(Filter f, boolean planRequired) {
        return switch (f) {
            case UNREAD -> "r.first_read_at is null";
            case UNSIGNED -> "r.signed_at is null";
            case PLAN_MISSING ->
                planRequired
                        ? E + " and (r.plan_status is null or r.plan_status = 'RETURNED') and r.submitted_at is null"
                        : "1 = 0";
            case PLAN_FILED -> E + " and r.plan_status in ('FILED', 'ACKNOWLEDGED')";
            case MISSING -> E + " and r.submitted_at is null";
            case OVERDUE -> E + " and r.submitted_at is null and r.deadline < :now";
            case SUBMITTED -> E + " and r.submitted_at is not null";
            case ON_TIME -> E + " and r.submitted_at <= coalesce(r.deadline, cast('infinity' as timestamptz))";
            case LATE -> E + " and r.submitted_at > r.deadline";
            case ACCEPTED -> E + " and r.report_status = 'ACCEPTED'";
            case RETURNED -> E + " and r.report_status = 'RETURNED'";
            case EXEMPT -> "r.exempt_reason is not null";
            case EXTENDED -> "r.extension_reason is not null";
        };
    }

    /**
     * One row per receipt, in org code order, with its org, the org's parent and contacts, and its reminders (counted
     * for the rows of the page only). {@code limit} < 0: every row (exports stream them).
     */
    @SuppressWarnings("unchecked")
    static Stream<Row> rows(EntityManager em, Where where, int limit, int offset) {
        String page =
                """
                select r.id, o.id as org_id, o.code, o.name, o.type, o.level, par.name as parent_name, r.delivered_at,
                       r.deadline, r.first_read_at, r.signed_at, r.signed_by, r.plan_status, r.plan_filed_at,
                       r.report_status, r.submitted_at, r.accepted_at, r.featured_count, r.exempt_reason, r.exempted_at,
                       r.exempted_by, r.extension_reason, r.extended_at, r.extended_by, r.forwarded_notice_id, r.version,
                       o.contact_person, o.contact_phone, o.contact_email
                """
                        + FROM
                        + " left join org par on par.id = o.parent_id"
                        + where.sql()
                        + " order by o.code, r.id"
                        + (limit >= 0 ? " limit :limit offset :offset" : "");
        Query query = where.bind(
                em.createNativeQuery("select p.*, (select count(*) from reminder m where m.receipt_id = p.id),"
                        + " (select max(m.sent_at) from reminder m where m.receipt_id = p.id) from (" + page
                        + ") p order by p.code, p.id"));
        if (limit >= 0) query.setParameter("limit", limit).setParameter("offset", offset);
        else query.setHint("org.hibernate.fetchSize", 500); // an export streams its rows instead of holding them all
        return ((Stream<Object[]>) query.getResultStream()).map(Row::of);
    }

    static long count(EntityManager em, Where where) {
        return ((Number) where.bind(em.createNativeQuery("select count(*)" + where.from() + where.sql()))
                        .getSingleResult())
                .longValue();
    }

    /** A receipt row as read, before it becomes a table row, a missing row or a spreadsheet line. */
    record Row(
            long receiptId,
            long orgId,
            String orgCode,
            String orgName,
            OrgType orgType,
            FederationLevel orgLevel,
            String parentName,
            Instant deliveredAt,
            Instant deadline,
            Instant firstReadAt,
            Instant signedAt,
            String signedBy,
            String planStatus,
            Instant planFiledAt,
            String reportStatus,
            Instant submittedAt,
            Instant acceptedAt,
            int featuredCount,
            String exemptReason,
            Instant exemptedAt,
            String exemptedBy,
            String extensionReason,
            Instant extendedAt,
            String extendedBy,
            Long forwardedNoticeId,
            int version,
            String contactPerson,
            String contactPhone,
            String contactEmail,
            int reminderCount,
            Instant lastRemindedAt) {

        static Row of(Object[] c) {
            return new Row(
                    ((Number) c[0]).longValue(),
                    ((Number) c[1]).longValue(),
                    (String) c[2],
                    (String) c[3],
                    OrgType.valueOf((String) c[4]),
                    c[5] == null ? null : FederationLevel.valueOf((String) c[5]),
                    (String) c[6],
                    instant(c[7]),
                    instant(c[8]),
                    instant(c[9]),
                    instant(c[10]),
                    (String) c[11],
                    (String) c[12],
                    instant(c[13]),
                    (String) c[14],
                    instant(c[15]),
                    instant(c[16]),
                    ((Number) c[17]).intValue(),
                    (String) c[18],
                    instant(c[19]),
                    (String) c[20],
                    (String) c[21],
                    instant(c[22]),
                    (String) c[23],
                    c[24] == null ? null : ((Number) c[24]).longValue(),
                    ((Number) c[25]).intValue(),
                    (String) c[26],
                    (String) c[27],
                    (String) c[28],
                    ((Number) c[29]).intValue(),
                    instant(c[30]));
        }

        boolean late() {
            return submittedAt != null && deadline != null && submittedAt.isAfter(deadline);
        }

        Progress progress(Instant now) {
            if (exemptReason != null) return Progress.EXEMPT;
            if ("ACCEPTED".equals(reportStatus)) return Progress.ACCEPTED;
            if ("RETURNED".equals(reportStatus)) return Progress.RETURNED;
            if (submittedAt != null) return Progress.SUBMITTED;
            if (deadline != null && deadline.isBefore(now)) return Progress.OVERDUE;
            return Progress.PENDING;
        }

        /** Whole business days past the deadline (0 before it or once submitted). */
        int overdueDays(LocalDate today) {
            if (submittedAt != null || deadline == null) return 0;
            LocalDate due = BusinessTime.offset(deadline).toLocalDate();
            return today.isAfter(due) ? (int) (today.toEpochDay() - due.toEpochDay()) : 0;
        }

        ReceiptRow toReceiptRow(Instant now) {
            return new ReceiptRow(
                    Long.toString(receiptId),
                    Long.toString(orgId),
                    orgCode,
                    orgName,
                    orgType,
                    orgLevel,
                    parentName,
                    progress(now),
                    deliveredAt,
                    BusinessTime.offset(deadline),
                    firstReadAt,
                    signedAt,
                    signedBy,
                    planStatus,
                    planFiledAt,
                    reportStatus,
                    submittedAt,
                    late(),
                    acceptedAt,
                    featuredCount,
                    exemptReason,
                    exemptedAt,
                    exemptedBy,
                    extensionReason,
                    extendedAt,
                    extendedBy,
                    forwardedNoticeId == null ? null : forwardedNoticeId.toString(),
                    reminderCount,
                    lastRemindedAt,
                    version);
        }

        MissingRow toMissingRow(LocalDate today) {
            return new MissingRow(
                    Long.toString(receiptId),
                    Long.toString(orgId),
                    orgCode,
                    orgName,
                    parentName,
                    contactPerson,
                    contactPhone,
                    contactEmail,
                    BusinessTime.offset(deadline),
                    extensionReason != null,
                    overdueDays(today),
                    signedAt,
                    reportStatus,
                    reminderCount,
                    lastRemindedAt);
        }
    }
}
