package cn.jinguo.tracking;

import cn.jinguo.account.Permission;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.notification.Notifications;
import cn.jinguo.tracking.TrackingDtos.ReminderKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The scheduled reminders of every published notice, by its {@code ReminderPolicy}, on Asia/Shanghai business days:
 *
 * <ul>
 *   <li>SIGN on each "days before" day to recipients that have not signed; SUBMIT to those that signed but have not
 *       submitted; PLAN, before the plan deadline, to those with no plan on file when the notice requires one;
 *   <li>OVERDUE on each "days after" day to recipients that have not submitted;
 *   <li>ESCALATION once, from "escalate after" overdue days on, to the members of the recipient's parent org (one
 *       notification per parent and notice, listing its overdue subordinates).
 * </ul>
 *
 * Exempt and submitted recipients are never reminded, nor closed orgs. Each kind is one set-based insert into
 * {@code reminder} (the unique key skips what was sent already today, by the job or by hand, so a rerun or a second
 * instance sends nothing twice) with its notifications, in one transaction.
 */
@ApplicationScoped
public class ReminderJob {
    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    /** Days from the business day to the Shanghai date of {@code instant} (negative once it passed). */
    private static final String DAYS_LEFT = "(cast((%s at time zone 'Asia/Shanghai') as date) - cast(:today as date))";

    @Inject
    EntityManager em;

    @Inject
    Notifications notifications;

    /** A reminder just inserted, with what its notification says. */
    record Sent(long receiptId, long noticeId, long targetOrgId, String noticeTitle, String orgName, int days) {}

    @Scheduled(
            every = "${jinguo.reminders.every:1h}",
            delayed = "${jinguo.reminders.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Map<ReminderKind, Integer> sent = run(BusinessTime.today(), null);
        if (sent.values().stream().anyMatch(n -> n > 0)) LOG.infof("Reminders sent: %s", sent);
    }

    /** Sends what is due on {@code today}; {@code noticeId} limits the run to one notice (null: all). */
    public Map<ReminderKind, Integer> run(LocalDate today, Long noticeId) {
        Map<ReminderKind, Integer> counts = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            counts.put(kind, QuarkusTransaction.requiringNew().call(() -> send(kind, today, noticeId)));
        }
        return counts;
    }

    private int send(ReminderKind kind, LocalDate today, Long noticeId) {
        String base =
                """
                from receipt r join notice n on n.id = r.notice_id join org o on o.id = r.org_id
                where n.status = 'PUBLISHED' and cast(n.reminders ->> 'enabled' as boolean) and o.active
                  and r.exempt_reason is null and r.submitted_at is null
                """
                        + (noticeId == null ? "" : " and n.id = :notice ");
        String left = DAYS_LEFT.formatted("r.deadline");
        String pick =
                switch (kind) {
                    // The notice's own deadline bounds the receipts' (an extension only moves them later), so
                    // notices far from due are left out before their receipts are read.
                    case SIGN ->
                        "select r.id, r.notice_id, r.org_id, " + left + " " + base + " and r.signed_at is null"
                                + " and n.deadline < cast(:today as date) + 32"
                                + " and n.reminders -> 'daysBefore' @> to_jsonb(" + left + ")";
                    case SUBMIT ->
                        "select r.id, r.notice_id, r.org_id, " + left + " " + base + " and r.signed_at is not null"
                                + " and n.deadline < cast(:today as date) + 32"
                                + " and n.reminders -> 'daysBefore' @> to_jsonb(" + left + ")";
                    case PLAN -> {
                        String planLeft = DAYS_LEFT.formatted("n.plan_deadline");
                        yield "select r.id, r.notice_id, r.org_id, " + planLeft + " " + base
                                + " and n.plan_required and (r.plan_status is null or r.plan_status = 'RETURNED')"
                                + " and n.plan_deadline < cast(:today as date) + 32"
                                + " and n.reminders -> 'daysBefore' @> to_jsonb(" + planLeft + ")";
                    }
                    case OVERDUE ->
                        "select r.id, r.notice_id, r.org_id, -" + left + " " + base
                                + " and n.deadline < cast(:today as date) + 1"
                                + " and n.reminders -> 'daysAfter' @> to_jsonb(-" + left + ")";
                    case ESCALATION ->
                        "select r.id, r.notice_id, o.parent_id, -" + left + " " + base
                                + " and n.deadline < cast(:today as date) + 1 and o.parent_id is not null"
                                + " and -" + left + " >= cast(n.reminders ->> 'escalateAfterDays' as int)"
                                + " and not exists (select 1 from reminder e where e.receipt_id = r.id"
                                + " and e.kind = 'ESCALATION')";
                };
        var q = em.createNativeQuery(
                """
                with due (receipt_id, notice_id, target_org_id, days) as (%s),
                ins as (
                    insert into reminder (receipt_id, notice_id, kind, business_day, target_org_id)
                    select receipt_id, notice_id, :kind, :today, target_org_id from due
                    on conflict (receipt_id, kind, business_day) do nothing
                    returning receipt_id)
                select due.receipt_id, due.notice_id, due.target_org_id, n.title, o.name, due.days
                from ins join due on due.receipt_id = ins.receipt_id
                join notice n on n.id = due.notice_id join receipt r on r.id = due.receipt_id
                join org o on o.id = r.org_id"""
                        .formatted(pick));
        q.setParameter("kind", kind.name()).setParameter("today", today);
        if (noticeId != null) q.setParameter("notice", noticeId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Sent> sent = rows.stream()
                .map(c -> new Sent(
                        ((Number) c[0]).longValue(),
                        ((Number) c[1]).longValue(),
                        ((Number) c[2]).longValue(),
                        (String) c[3],
                        (String) c[4],
                        ((Number) c[5]).intValue()))
                .toList();
        notify(kind, sent);
        return sent.size();
    }

    /** One notification statement per notice and day count (per parent org and notice for escalations). */
    private void notify(ReminderKind kind, List<Sent> sent) {
        if (kind == ReminderKind.ESCALATION) {
            Map<List<Long>, List<Sent>> byParent = sent.stream()
                    .collect(Collectors.groupingBy(
                            s -> List.of(s.noticeId(), s.targetOrgId()), LinkedHashMap::new, Collectors.toList()));
            // The parent's supervisors, not every member: an escalation asks someone to chase.
            List<Notifications.OrgMessage> messages = new ArrayList<>();
            byParent.forEach((key, group) -> {
                List<String> names = new ArrayList<>();
                group.forEach(s -> names.add(s.orgName() + "（逾期 " + s.days() + " 天）"));
                messages.add(new Notifications.OrgMessage(
                        key.get(1),
                        key.get(0),
                        "下级单位逾期未报送：" + group.get(0).noticeTitle(),
                        "以下单位逾期未报送，请督促：" + String.join("、", names)));
            });
            notifications.toOrgMembers(messages, Permission.TRACKING_MANAGE, "REMINDER_ESCALATION");
            return;
        }
        Map<List<Long>, List<Sent>> groups = sent.stream()
                .collect(Collectors.groupingBy(
                        s -> List.of(s.noticeId(), (long) s.days()), LinkedHashMap::new, Collectors.toList()));
        groups.forEach((key, group) -> notifications.toReceiptOrgs(
                group.stream().map(Sent::receiptId).toList(),
                "REMINDER_" + kind.name(),
                Reminders.label(kind) + "：" + group.get(0).noticeTitle(),
                body(kind, group.get(0).days())));
    }

    private static String body(ReminderKind kind, int days) {
        return switch (kind) {
            case SIGN -> "通知尚未签收，距报送截止还有 " + days + " 天，请及时签收并按时报送。";
            case SUBMIT -> "距报送截止还有 " + days + " 天，请按通知要求按时报送。";
            case PLAN -> "距活动方案备案截止还有 " + days + " 天，请及时报备活动方案。";
            case OVERDUE -> "已逾期 " + days + " 天未报送，请尽快报送。";
            case ESCALATION -> "";
        };
    }
}
