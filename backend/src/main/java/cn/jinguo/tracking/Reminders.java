package cn.jinguo.tracking;

import cn.jinguo.account.Caller;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Problem;
import cn.jinguo.common.SqlValues;
import cn.jinguo.common.Text;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.Receipt;
import cn.jinguo.notification.Notifications;
import cn.jinguo.org.Org;
import cn.jinguo.tracking.TrackingAccess.Tracked;
import cn.jinguo.tracking.TrackingDtos.Filter;
import cn.jinguo.tracking.TrackingDtos.ReminderKind;
import cn.jinguo.tracking.TrackingDtos.ReminderRequest;
import cn.jinguo.tracking.TrackingDtos.ReminderResult;
import cn.jinguo.tracking.TrackingDtos.ReminderView;
import cn.jinguo.tracking.TrackingDtos.SkipReason;
import cn.jinguo.tracking.TrackingDtos.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 催报 by hand, and the reminder history of a receipt. The table's unique key (receipt, kind, business day) is what
 * keeps a second reminder of a kind from going out on the same day, whoever sends it: the insert skips the rows that
 * exist, and what it skipped is reported.
 */
@ApplicationScoped
public class Reminders {
    @Inject
    EntityManager em;

    @Inject
    TrackingAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    /** The receipt columns a manual reminder looks at. */
    private record Candidate(
            long receiptId,
            long orgId,
            String orgName,
            boolean exempt,
            boolean submitted,
            boolean signed,
            boolean planOnFile,
            Instant deadline) {}

    @Transactional
    public ReminderResult remind(String noticeId, @NotNull @Valid ReminderRequest in) {
        Tracked t = access.managed(noticeId);
        if (in.kind() == ReminderKind.ESCALATION) throw ApiException.field("kind", "ManualKind");
        boolean chosen = (in.receiptIds() != null && !in.receiptIds().isEmpty())
                || (in.orgIds() != null && !in.orgIds().isEmpty());
        if (chosen == in.allMissing()) throw ApiException.field("receiptIds", "ReminderTargets");
        Notice n = t.notice();
        Instant now = Instant.now();
        List<Candidate> candidates = in.allMissing() ? allMissing(t, in.orgId(), now) : chosen(t, in);

        List<Target> skipped = new ArrayList<>();
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate c : candidates) {
            SkipReason reason = skipReason(c, in.kind(), n, now);
            if (reason == null) eligible.add(c);
            else skipped.add(target(c, reason));
        }
        LocalDate today = BusinessTime.today();
        String message = Text.blankToNull(in.message());
        Set<Long> inserted = new HashSet<>();
        if (!eligible.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(
                            """
                            insert into reminder (receipt_id, notice_id, kind, business_day, target_org_id, sent_by, message)
                            select r.id, r.notice_id, :kind, :day, r.org_id, :by, :message from receipt r where r.id in (:ids)
                            on conflict (receipt_id, kind, business_day) do nothing
                            returning receipt_id""")
                    .setParameter("kind", in.kind().name())
                    .setParameter("day", today)
                    .setParameter("by", caller.username())
                    .setParameter("message", message)
                    .setParameter(
                            "ids", eligible.stream().map(Candidate::receiptId).toList())
                    .getResultList();
            ids.forEach(id -> inserted.add(id.longValue()));
        }
        List<Target> sent = new ArrayList<>();
        for (Candidate c : eligible) {
            if (inserted.contains(c.receiptId())) sent.add(target(c, null));
            else skipped.add(target(c, SkipReason.ALREADY_TODAY));
        }
        int told = notifications.toReceiptOrgs(
                inserted, "REMINDER_" + in.kind().name(), title(in.kind(), n), body(in.kind(), n, message));
        if (!sent.isEmpty()) {
            Map<String, Object> details = new HashMap<>();
            details.put("noticeId", n.id.toString());
            details.put("kind", in.kind().name());
            details.put("sent", sent.size());
            details.put("skipped", skipped.size());
            details.put(
                    "receiptIds",
                    sent.stream().limit(200).map(Target::receiptId).toList());
            if (message != null) details.put("message", message);
            audit.record(
                    "tracking.remind",
                    "notice",
                    n.id,
                    n.issuer.id,
                    n.issuer.path,
                    label(in.kind()) + " " + sent.size() + " 个单位（" + ReceiptAdjustments.docName(n) + "）"
                            + (skipped.isEmpty() ? "" : "，跳过 " + skipped.size() + " 个"),
                    details);
        }
        return new ReminderResult(in.kind(), sent, skipped, told);
    }

    /** The reminders sent about one receipt, newest first. */
    @Transactional
    public List<ReminderView> history(String noticeId, String receiptId) {
        Tracked t = access.tracked(noticeId);
        Receipt r = access.receipt(t, receiptId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select m.id, m.kind, m.business_day, m.sent_at, m.sent_by, o.id, o.name, m.message
                        from reminder m join org o on o.id = m.target_org_id
                        where m.receipt_id = :r order by m.sent_at desc, m.id desc""")
                .setParameter("r", r.id)
                .getResultList();
        return rows.stream()
                .map(c -> new ReminderView(
                        c[0].toString(),
                        ReminderKind.valueOf((String) c[1]),
                        c[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) c[2],
                        SqlValues.instant(c[3]),
                        (String) c[4],
                        c[5].toString(),
                        (String) c[6],
                        (String) c[7]))
                .toList();
    }

    private List<Candidate> chosen(Tracked t, ReminderRequest in) {
        Set<Long> receiptIds = parseIds(in.receiptIds(), "receiptIds");
        Set<Long> orgIds = parseIds(in.orgIds(), "orgIds");
        var where = new StringBuilder(" where r.notice_id = :notice and ")
                .append(t.receipts().condition())
                .append(" and (1 = 0");
        Map<String, Object> params = new HashMap<>(t.receipts().params());
        params.put("notice", t.notice().id);
        if (!receiptIds.isEmpty()) {
            where.append(" or r.id in (:receipts)");
            params.put("receipts", receiptIds);
        }
        if (!orgIds.isEmpty()) {
            where.append(" or r.org_id in (:orgs)");
            params.put("orgs", orgIds);
        }
        where.append(")");
        List<Candidate> found = candidates(where.toString(), params);
        Set<Long> unknown = new LinkedHashSet<>(receiptIds);
        found.forEach(c -> unknown.remove(c.receiptId()));
        Set<Long> unknownOrgs = new LinkedHashSet<>(orgIds);
        found.forEach(c -> unknownOrgs.remove(c.orgId()));
        unknown.addAll(unknownOrgs);
        if (!unknown.isEmpty())
            throw ApiException.rule(
                    "TRACKING_RECEIPTS_UNKNOWN",
                    String.join(
                            "、", unknown.stream().limit(10).map(String::valueOf).toList()));
        return found;
    }

    private List<Candidate> allMissing(Tracked t, String orgId, Instant now) {
        Org branch = orgId == null ? null : access.branch(t, orgId);
        var where = TrackingQueries.where(t, branch, Filter.MISSING, null, now);
        return candidates(where.sql(), where.params());
    }

    private List<Candidate> candidates(String where, Map<String, Object> params) {
        var q = em.createNativeQuery(
                "select r.id, o.id as org_id, o.name, r.exempt_reason is not null, r.submitted_at is not null,"
                        + " r.signed_at is not null, coalesce(r.plan_status in ('FILED', 'ACKNOWLEDGED'), false),"
                        + " r.deadline"
                        + TrackingQueries.FROM
                        + where
                        + " order by o.code");
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream()
                .map(c -> new Candidate(
                        ((Number) c[0]).longValue(),
                        ((Number) c[1]).longValue(),
                        (String) c[2],
                        (Boolean) c[3],
                        (Boolean) c[4],
                        (Boolean) c[5],
                        (Boolean) c[6],
                        SqlValues.instant(c[7])))
                .toList();
    }

    private static SkipReason skipReason(Candidate c, ReminderKind kind, Notice n, Instant now) {
        if (c.exempt()) return SkipReason.EXEMPT;
        if (c.submitted()) return SkipReason.SUBMITTED;
        return switch (kind) {
            case SIGN -> c.signed() ? SkipReason.SIGNED : null;
            case PLAN -> !n.planRequired ? SkipReason.PLAN_NOT_REQUIRED : c.planOnFile() ? SkipReason.PLAN_FILED : null;
            case SUBMIT -> null;
            case OVERDUE -> c.deadline() == null || c.deadline().isAfter(now) ? SkipReason.NOT_OVERDUE : null;
            case ESCALATION -> throw new IllegalArgumentException("escalations are not sent by hand");
        };
    }

    private static Set<Long> parseIds(List<String> ids, String field) {
        Set<Long> out = new LinkedHashSet<>();
        if (ids == null) return out;
        for (String id : ids) {
            Long key = Ids.parseOrNull(id);
            if (key == null)
                throw new ApiException(
                        400, "VALIDATION_FAILED", List.of(new Problem.FieldError(field, "Id", "validation.Id")));
            out.add(key);
        }
        return out;
    }

    private static Target target(Candidate c, SkipReason reason) {
        return new Target(Long.toString(c.receiptId()), Long.toString(c.orgId()), c.orgName(), reason);
    }

    static String label(ReminderKind kind) {
        return switch (kind) {
            case SIGN -> "催签收";
            case PLAN -> "催备案";
            case SUBMIT -> "催报";
            case OVERDUE -> "逾期催报";
            case ESCALATION -> "逾期督办";
        };
    }

    static String title(ReminderKind kind, Notice n) {
        return label(kind) + "：" + n.title;
    }

    static String body(ReminderKind kind, Notice n, String message) {
        String ask =
                switch (kind) {
                    case SIGN -> "请及时签收通知 " + ReceiptAdjustments.docName(n) + "，并按时报送。";
                    case PLAN -> "请于 " + ReceiptAdjustments.format(n.planDeadline) + " 前报备活动方案。";
                    case SUBMIT -> "请在截止时间前报送 " + ReceiptAdjustments.docName(n) + " 要求的材料。";
                    case OVERDUE -> "已过报送截止时间，请尽快报送 " + ReceiptAdjustments.docName(n) + " 要求的材料。";
                    case ESCALATION -> "";
                };
        return message == null ? ask : ask + "附言：" + message;
    }
}
