package cn.jinguo.tracking;

import cn.jinguo.account.Caller;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.Receipt;
import cn.jinguo.notification.Notifications;
import cn.jinguo.tracking.TrackingAccess.Tracked;
import cn.jinguo.tracking.TrackingDtos.ExemptionRequest;
import cn.jinguo.tracking.TrackingDtos.ExtensionRequest;
import cn.jinguo.tracking.TrackingDtos.ReceiptRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 延期 and 免报 of one recipient, by the issuing side: the receipt, its audit event and the org's notification change
 * in one transaction, so the tracking counts move exactly when the decision is committed.
 */
@ApplicationScoped
public class ReceiptAdjustments {
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    /**
     * Extends (or re-extends) the org's deadline: after the notice's own deadline and, for a re-issue, not after the
     * deadline the issuer itself received.
     */
    @Transactional
    public ReceiptRow extend(String noticeId, String receiptId, String ifMatch, @NotNull @Valid ExtensionRequest in) {
        Tracked t = access.managed(noticeId);
        Receipt r = access.receipt(t, receiptId);
        Versioned.checkMatch(ifMatch, r.version);
        Notice n = t.notice();
        if (r.exemptReason != null) throw ApiException.conflict("TRACKING_RECEIPT_EXEMPT", r.org.name);
        Instant deadline = BusinessTime.instant(in.deadline());
        if (n.deadline != null && !deadline.isAfter(n.deadline))
            throw ApiException.rule("TRACKING_EXTENSION_NOT_AFTER_DEADLINE", format(n.deadline));
        Instant limit = issuersOwnDeadline(n);
        if (limit != null && deadline.isAfter(limit))
            throw ApiException.rule("TRACKING_EXTENSION_AFTER_PARENT", format(limit));
        Instant before = r.deadline;
        r.deadline = deadline;
        r.extensionReason = in.reason().trim();
        r.extendedAt = Instant.now();
        r.extendedBy = caller.username();
        em.flush();
        notifications.toReceiptOrgs(
                List.of(r.id),
                "DEADLINE_EXTENDED",
                "截止时间已延期：" + n.title,
                "本单位的报送截止时间延至 " + format(deadline) + "，原因：" + r.extensionReason);
        Map<String, Object> details = new HashMap<>();
        details.put("noticeId", n.id.toString());
        details.put("orgId", r.org.id.toString());
        details.put("deadline", BusinessTime.offset(deadline).toString());
        details.put(
                "previousDeadline",
                before == null ? null : BusinessTime.offset(before).toString());
        details.put("reason", r.extensionReason);
        audit.record(
                "tracking.extend",
                "receipt",
                r.id,
                n.issuer.id,
                n.issuer.path,
                "为 " + r.org.name + " 延期报送 " + docName(n) + " 至 " + format(deadline) + "：" + r.extensionReason,
                details);
        return row(t, r);
    }

    /** Gives the org the notice's deadline back. */
    @Transactional
    public ReceiptRow revokeExtension(String noticeId, String receiptId, String ifMatch) {
        Tracked t = access.managed(noticeId);
        Receipt r = access.receipt(t, receiptId);
        Versioned.checkMatch(ifMatch, r.version);
        Notice n = t.notice();
        if (r.extensionReason == null) throw ApiException.conflict("TRACKING_NOT_EXTENDED", r.org.name);
        Instant extended = r.deadline;
        r.deadline = n.deadline;
        r.extensionReason = null;
        r.extendedAt = null;
        r.extendedBy = null;
        em.flush();
        notifications.toReceiptOrgs(
                List.of(r.id), "EXTENSION_REVOKED", "延期已取消：" + n.title, "本单位的报送截止时间恢复为 " + format(n.deadline));
        audit.record(
                "tracking.extension-revoke",
                "receipt",
                r.id,
                n.issuer.id,
                n.issuer.path,
                "取消 " + r.org.name + " 在 " + docName(n) + " 的延期（原延至 " + format(extended) + "）",
                Map.of("noticeId", n.id.toString(), "orgId", r.org.id.toString()));
        return row(t, r);
    }

    /** 免报: the org leaves the denominator. One that has submitted already stays counted. */
    @Transactional
    public ReceiptRow exempt(String noticeId, String receiptId, String ifMatch, @NotNull @Valid ExemptionRequest in) {
        Tracked t = access.managed(noticeId);
        Receipt r = access.receipt(t, receiptId);
        Versioned.checkMatch(ifMatch, r.version);
        Notice n = t.notice();
        if (r.exemptReason != null) throw ApiException.conflict("TRACKING_ALREADY_EXEMPT", r.org.name);
        if (r.submittedAt != null) throw ApiException.conflict("TRACKING_ALREADY_SUBMITTED", r.org.name);
        r.exemptReason = in.reason().trim();
        r.exemptedAt = Instant.now();
        r.exemptedBy = caller.username();
        em.flush();
        notifications.toReceiptOrgs(List.of(r.id), "RECEIPT_EXEMPTED", "免报：" + n.title, "本单位无需报送，原因：" + r.exemptReason);
        audit.record(
                "tracking.exempt",
                "receipt",
                r.id,
                n.issuer.id,
                n.issuer.path,
                "免报 " + r.org.name + "（" + docName(n) + "）：" + r.exemptReason,
                Map.of("noticeId", n.id.toString(), "orgId", r.org.id.toString(), "reason", r.exemptReason));
        return row(t, r);
    }

    @Transactional
    public ReceiptRow revokeExemption(String noticeId, String receiptId, String ifMatch) {
        Tracked t = access.managed(noticeId);
        Receipt r = access.receipt(t, receiptId);
        Versioned.checkMatch(ifMatch, r.version);
        Notice n = t.notice();
        if (r.exemptReason == null) throw ApiException.conflict("TRACKING_NOT_EXEMPT", r.org.name);
        r.exemptReason = null;
        r.exemptedAt = null;
        r.exemptedBy = null;
        em.flush();
        notifications.toReceiptOrgs(
                List.of(r.id), "EXEMPTION_REVOKED", "免报已取消：" + n.title, "请按时报送，截止时间 " + format(r.deadline));
        audit.record(
                "tracking.exemption-revoke",
                "receipt",
                r.id,
                n.issuer.id,
                n.issuer.path,
                "取消 " + r.org.name + " 在 " + docName(n) + " 的免报",
                Map.of("noticeId", n.id.toString(), "orgId", r.org.id.toString()));
        return row(t, r);
    }

    /** For a re-issue: the deadline the issuer received on the parent notice (its own extension included). */
    private Instant issuersOwnDeadline(Notice n) {
        if (n.parentNoticeId == null) return null;
        return em.createQuery(
                        "select r.deadline from Receipt r where r.notice.id = :p and r.org.id = :o", Instant.class)
                .setParameter("p", n.parentNoticeId)
                .setParameter("o", n.issuer.id)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private ReceiptRow row(Tracked t, Receipt r) {
        var where = new TrackingQueries.Where(" where r.id = :id", Map.of("id", r.id), false);
        Instant now = Instant.now();
        return TrackingQueries.rows(em, where, 1, 0)
                .findFirst()
                .map(row -> row.toReceiptRow(now))
                .orElseThrow();
    }

    static String format(Instant at) {
        return at == null ? "" : BusinessTime.offset(at).format(MINUTES);
    }

    static String docName(Notice n) {
        return n.docNumber == null ? "“" + n.title + "”" : n.docNumber;
    }
}
