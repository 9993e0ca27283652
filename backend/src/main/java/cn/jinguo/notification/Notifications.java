package cn.jinguo.notification;

import cn.jinguo.account.Caller;
import cn.jinguo.account.Permission;
import cn.jinguo.account.Role;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * In-app notifications, written in the transaction of the change they tell about (so they exist exactly when it
 * committed), and mailed afterwards by a background sweep that marks what it sent: a mail server that is down
 * delays mail, it never blocks or undoes a publish.
 */
@ApplicationScoped
public class Notifications {
    private static final Logger LOG = Logger.getLogger(Notifications.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "jinguo.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Schema(name = "NotificationView", description = "站内通知 / an in-app notification")
    public record NotificationView(
            @Schema(required = true) String id,
            @Schema(
                            required = true,
                            description = "NOTICE_PUBLISHED, NOTICE_WITHDRAWN, NOTICE_AMENDED; 备案 / plans: PLAN_FILED,"
                                    + " PLAN_ACKNOWLEDGED, PLAN_RETURNED; 报送 / reports: SUBMISSION_SUBMITTED,"
                                    + " SUBMISSION_ACCEPTED, SUBMISSION_RETURNED; 督办 / tracking: REMINDER_SIGN,"
                                    + " REMINDER_PLAN, REMINDER_SUBMIT, REMINDER_OVERDUE, REMINDER_ESCALATION,"
                                    + " DEADLINE_EXTENDED, EXTENSION_REVOKED, RECEIPT_EXEMPTED, EXEMPTION_REVOKED")
                    String kind,
            String noticeId,
            String receiptId,
            @Schema(description = "相关的活动方案 / the plan it is about") String planId,
            @Schema(required = true) String title,
            String body,
            @Schema(required = true) Instant createdAt,
            Instant readAt) {}

    @Schema(name = "NotificationPage", description = "一页站内通知 / a page of notifications")
    public record NotificationPage(
            @Schema(required = true) List<NotificationView> items,
            @Schema(required = true) long total,
            @Schema(required = true, description = "未读总数 / unread in all") long unread,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    /** Every enabled member of every recipient org of the notice gets one: a single insert, whatever the count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int noticeToRecipients(long noticeId, String kind, String title, String body) {
        return em.createNativeQuery(
                        """
                        insert into notification (account_id, kind, notice_id, receipt_id, title, body)
                        select distinct on (m.account_id, r.id) m.account_id, :kind, r.notice_id, r.id, :title, :body
                        from receipt r join membership m on m.org_id = r.org_id join account a on a.id = m.account_id
                        where r.notice_id = :notice and a.enabled""")
                .setParameter("kind", kind)
                .setParameter("title", cut(title, 300))
                .setParameter("body", cut(body, 500))
                .setParameter("notice", noticeId)
                .executeUpdate();
    }

    /**
     * Every enabled member of {@code orgId} whose role holds {@code permission} gets one (e.g. the reviewers of an
     * issuer when a report arrives): a single insert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toOrgMembers(
            long orgId, Permission permission, String kind, String title, String body, Long noticeId, Long receiptId) {
        return em.createNativeQuery(
                        """
                        insert into notification (account_id, kind, notice_id, receipt_id, title, body)
                        select distinct m.account_id, :kind, cast(:notice as bigint), cast(:receipt as bigint), :title, :body
                        from membership m join account a on a.id = m.account_id
                        where m.org_id = :org and m.role in (:roles) and a.enabled""")
                .setParameter("kind", kind)
                .setParameter("notice", noticeId)
                .setParameter("receipt", receiptId)
                .setParameter("title", cut(title, 300))
                .setParameter("body", cut(body, 500))
                .setParameter("org", orgId)
                .setParameter("roles", rolesHolding(permission))
                .executeUpdate();
    }

    /** A message for the members of one org; see {@link #toOrgMembers(List, Permission, String)}. */
    public record OrgMessage(long orgId, Long noticeId, String title, String body) {}

    /**
     * Each message to every enabled member of its org whose role holds {@code permission} (e.g. escalations, one per
     * parent org): a single insert for the whole batch, the messages passed as one JSON array.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toOrgMembers(List<OrgMessage> messages, Permission permission, String kind) {
        if (messages.isEmpty()) return 0;
        List<OrgMessage> rows = messages.stream()
                .map(m -> new OrgMessage(m.orgId(), m.noticeId(), cut(m.title(), 300), cut(m.body(), 500)))
                .toList();
        String array;
        try {
            array = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return em.createNativeQuery(
                        """
                        insert into notification (account_id, kind, notice_id, title, body)
                        select distinct on (m.account_id, x."orgId", x."noticeId") m.account_id, :kind, x."noticeId",
                               x.title, x.body
                        from jsonb_to_recordset(cast(:rows as jsonb))
                                 as x("orgId" bigint, "noticeId" bigint, title text, body text)
                        join membership m on m.org_id = x."orgId" join account a on a.id = m.account_id
                        where m.role in (:roles) and a.enabled""")
                .setParameter("kind", kind)
                .setParameter("rows", array)
                .setParameter("roles", rolesHolding(permission))
                .executeUpdate();
    }

    private static List<String> rolesHolding(Permission permission) {
        return Arrays.stream(Role.values())
                .filter(r -> r.permissions().contains(permission))
                .map(Role::name)
                .toList();
    }

    /**
     * Every enabled member of the org whose role holds {@code permission} gets one about the plan (filed with the org:
     * those who follow it up; the org's own plan reviewed: its plan writers): a single insert, whatever the count.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int planToOrg(
            long orgId, Permission permission, long planId, Long noticeId, String kind, String title, String body) {
        return em.createNativeQuery(
                        """
                        insert into notification (account_id, kind, notice_id, plan_id, title, body)
                        select distinct m.account_id, :kind, cast(:notice as bigint), :plan, :title, :body
                        from membership m join account a on a.id = m.account_id
                        where m.org_id = :org and m.role in (:roles) and a.enabled""")
                .setParameter("kind", kind)
                .setParameter("notice", noticeId)
                .setParameter("plan", planId)
                .setParameter("title", cut(title, 300))
                .setParameter("body", cut(body, 500))
                .setParameter("org", orgId)
                .setParameter("roles", rolesHolding(permission))
                .executeUpdate();
    }

    /** Every enabled member of the org of each receipt gets one, linked to its receipt: a single insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toReceiptOrgs(Collection<Long> receiptIds, String kind, String title, String body) {
        if (receiptIds.isEmpty()) return 0;
        return em.createNativeQuery(
                        """
                        insert into notification (account_id, kind, notice_id, receipt_id, title, body)
                        select distinct on (m.account_id, r.id) m.account_id, :kind, r.notice_id, r.id, :title, :body
                        from receipt r join membership m on m.org_id = r.org_id join account a on a.id = m.account_id
                        where r.id in (:ids) and a.enabled""")
                .setParameter("kind", kind)
                .setParameter("title", cut(title, 300))
                .setParameter("body", cut(body, 500))
                .setParameter("ids", receiptIds)
                .executeUpdate();
    }

    @Transactional
    public NotificationPage list(boolean unreadOnly, Paging paging) {
        long me = caller.account().id;
        String where = " from Notification n where n.accountId = :me" + (unreadOnly ? " and n.readAt is null" : "");
        List<NotificationView> items = em.createQuery(
                        "select n" + where + " order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("me", me)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultStream()
                .map(Notifications::view)
                .toList();
        long total = em.createQuery("select count(n)" + where, Long.class)
                .setParameter("me", me)
                .getSingleResult();
        return new NotificationPage(items, total, unread(me), paging.page(), paging.size());
    }

    @Transactional
    public long unreadCount() {
        return unread(caller.account().id);
    }

    @Transactional
    public NotificationView markRead(String id) {
        Long key = Ids.parseOrNull(id);
        Notification n = key == null ? null : em.find(Notification.class, key);
        if (n == null || n.accountId != caller.account().id) throw ApiException.notFound("NOTIFICATION_NOT_FOUND", id);
        if (n.readAt == null) n.readAt = Instant.now();
        return view(n);
    }

    @Transactional
    public int markAllRead() {
        return em.createQuery("update Notification n set n.readAt = :now where n.accountId = :me and n.readAt is null")
                .setParameter("now", Instant.now())
                .setParameter("me", caller.account().id)
                .executeUpdate();
    }

    /** Mails what has not been mailed yet, a batch at a time; accounts without an address are marked done. */
    @Scheduled(every = "${jinguo.mail.every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void mailPending() {
        sendBatch(200);
    }

    int sendBatch(int limit) {
        List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        """
                        select n.id, a.email, n.title, n.body from Notification n, Account a
                        where a.id = n.accountId and n.mailedAt is null order by n.id""",
                        Object[].class)
                .setMaxResults(limit)
                .getResultList());
        for (Object[] row : batch) {
            String to = (String) row[1];
            if (to != null && !to.isBlank()) {
                try {
                    mailer.send(Mail.withText(
                            to,
                            "【巾帼】" + row[2],
                            row[2] + "\n" + (row[3] == null ? "" : row[3]) + "\n\n请登录巾帼平台查看：" + publicUrl));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Mail to %s failed; will retry", to);
                    continue;
                }
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createQuery("update Notification n set n.mailedAt = :now where n.id = :id")
                            .setParameter("now", Instant.now())
                            .setParameter("id", row[0])
                            .executeUpdate());
        }
        return batch.size();
    }

    private long unread(long accountId) {
        return em.createQuery(
                        "select count(n) from Notification n where n.accountId = :me and n.readAt is null", Long.class)
                .setParameter("me", accountId)
                .getSingleResult();
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(
                n.id.toString(),
                n.kind,
                n.noticeId == null ? null : n.noticeId.toString(),
                n.receiptId == null ? null : n.receiptId.toString(),
                n.planId == null ? null : n.planId.toString(),
                n.title,
                n.body,
                n.createdAt,
                n.readAt);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
