package cn.jinguo.notice;

import static cn.jinguo.common.Text.blankToNull;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.RichText;
import cn.jinguo.common.Text;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.NoticeDtos.AmendRequest;
import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.NoticePage;
import cn.jinguo.notice.NoticeDtos.NoticeSummary;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import cn.jinguo.notice.NoticeDtos.PublishRequest;
import cn.jinguo.notice.NoticeDtos.RecipientGroup;
import cn.jinguo.notice.NoticeDtos.RecipientPreview;
import cn.jinguo.notice.NoticeDtos.RecipientPreviewRequest;
import cn.jinguo.notice.NoticeDtos.RecipientRule;
import cn.jinguo.notice.NoticeDtos.ReminderPolicy;
import cn.jinguo.notice.NoticeDtos.Requirements;
import cn.jinguo.notice.NoticeDtos.RevisionView;
import cn.jinguo.notice.NoticeDtos.Section;
import cn.jinguo.notice.NoticeDtos.WithdrawRequest;
import cn.jinguo.notification.Notifications;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import cn.jinguo.org.OrgService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Notices from draft to publication and after: the rules of each state, who may act, numbering, the frozen
 * recipients, and what recipients are told.
 */
@ApplicationScoped
public class NoticeService {
    @Inject
    EntityManager em;

    @Inject
    Event<NoticeChanged> changed;

    @Inject
    OrgRepository orgs;

    @Inject
    OrgService orgService;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    Recipients recipients;

    @Inject
    DocNumbers numbers;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    @Inject
    NoticeAttachments attachments;

    // ---- reads ----

    @Transactional
    public NoticeView get(String id) {
        return NoticeViews.view(visible(id), this);
    }

    @Transactional
    public NoticePage list(String issuerOrgId, NoticeStatus status, String q, boolean issuedOnly, Paging paging) {
        // Issued within the caller's subtree, or (once published) received there. Both filters bind the same
        // scope parameters with the same values.
        DataScope.Filter issued = scope.filter("i.path");
        DataScope.Filter received = scope.filter("r.org_path");
        StringBuilder where = new StringBuilder(" from notice n join org i on i.id = n.issuer_org_id where (")
                .append(issued.condition());
        if (!issuedOnly)
            where.append(" or (n.status <> 'DRAFT' and exists (select 1 from receipt r")
                    .append(" where r.notice_id = n.id and ")
                    .append(received.condition())
                    .append("))");
        where.append(")");
        Map<String, Object> params = new HashMap<>(issued.params());
        if (!issuedOnly) params.putAll(received.params());
        if (issuerOrgId != null) {
            Long key = Ids.parseOrNull(issuerOrgId);
            where.append(" and n.issuer_org_id = :issuer");
            params.put("issuer", key == null ? -1L : key);
        }
        if (status != null) {
            where.append(" and n.status = :status");
            params.put("status", status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and n.search_text like :q");
            params.put("q", Text.containsPattern(q));
        }
        var ids = em.createNativeQuery(
                "select n.id" + where + " order by n.updated_at desc, n.id desc limit :limit offset :offset",
                Long.class);
        var count = em.createNativeQuery("select count(*)" + where, Long.class);
        params.forEach((k, v) -> {
            ids.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Long> page = ids.setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        return new NoticePage(
                summaries(page), ((Number) count.getSingleResult()).longValue(), paging.page(), paging.size());
    }

    /** Summaries in the order of {@code ids}, with their signed counts: two queries whatever the page size. */
    List<NoticeSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, Notice> byId = em.createQuery(
                        "select n from Notice n join fetch n.issuer where n.id in :ids", Notice.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(n -> n.id, n -> n));
        Map<Long, Long> signed = new HashMap<>();
        em.createQuery(
                        "select r.notice.id, count(r) from Receipt r where r.notice.id in :ids and r.signedAt is not null"
                                + " group by r.notice.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> signed.put((Long) r[0], (Long) r[1]));
        return ids.stream()
                .map(byId::get)
                .map(n -> NoticeViews.summary(n, signed.getOrDefault(n.id, 0L)))
                .toList();
    }

    @Transactional
    public RecipientPreview preview(@NotNull @Valid RecipientPreviewRequest in) {
        Org issuer = orgService.visible(in.issuerOrgId());
        requireActsFor(issuer);
        return recipients.preview(issuer, in.recipients());
    }

    @Transactional
    public List<RevisionView> revisions(String id) {
        Notice n = visible(id);
        // content is read as text: Jackson, not the JDBC driver, turns it back into a NoticeInput.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select revision, cast(content as text), reason, amended_by, amended_at from notice_revision"
                                + " where notice_id = :id order by revision desc")
                .setParameter("id", n.id)
                .getResultList();
        return rows.stream()
                .map(r -> new RevisionView(
                        ((Number) r[0]).intValue(),
                        NoticeViews.readContent(r[1].toString()),
                        (String) r[2],
                        (String) r[3],
                        r[4] instanceof java.time.OffsetDateTime t ? t.toInstant() : (Instant) r[4]))
                .toList();
    }

    // ---- drafts ----

    @Transactional
    public NoticeView create(@NotNull @Valid NoticeInput in) {
        if (in.issuerOrgId() == null) throw ApiException.field("issuerOrgId", "NotBlank");
        Org issuer = orgService.visible(in.issuerOrgId());
        requireActsFor(issuer);
        if (!issuer.active) throw ApiException.rule("NOTICE_ISSUER_CLOSED", issuer.name);
        Notice n = new Notice();
        n.issuer = issuer;
        n.createdBy = caller.username();
        n.updatedAt = Instant.now();
        apply(n, in);
        n.receivingOrgId = receivingOrg(issuer, in.receivingOrgId());
        replaceAttachments(n, in);
        recipients.select(issuer, n.recipientRule); // 422 now rather than at publish
        em.persist(n);
        em.flush();
        audit.record("notice.create", "notice", n.id, issuer.id, issuer.path, "起草通知“" + n.title + "”", null);
        return NoticeViews.view(n, this);
    }

    @Transactional
    public NoticeView update(String id, String ifMatch, @NotNull @Valid NoticeInput in) {
        Notice n = writable(id);
        Versioned.requireMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.DRAFT);
        if (in.issuerOrgId() != null && !in.issuerOrgId().equals(n.issuer.id.toString()))
            throw ApiException.rule("NOTICE_ISSUER_FIXED");
        apply(n, in);
        n.receivingOrgId = receivingOrg(n.issuer, in.receivingOrgId());
        replaceAttachments(n, in);
        recipients.select(n.issuer, n.recipientRule);
        n.updatedAt = Instant.now();
        em.flush();
        audit.record("notice.update", "notice", n.id, n.issuer.id, n.issuer.path, "修改通知草稿“" + n.title + "”", null);
        return NoticeViews.view(n, this);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        Notice n = writable(id);
        Versioned.checkMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.DRAFT);
        // A re-issue draft that is dropped frees its receipt for another one.
        em.createQuery("update Receipt r set r.forwardedNoticeId = null where r.forwardedNoticeId = :id")
                .setParameter("id", n.id)
                .executeUpdate();
        audit.record("notice.delete", "notice", n.id, n.issuer.id, n.issuer.path, "删除通知草稿“" + n.title + "”", null);
        em.remove(n);
    }

    // ---- lifecycle ----

    @Transactional
    public NoticeView publish(String id, String ifMatch, @NotNull @Valid PublishRequest in) {
        orgs.lockTree(false); // receipts copy their orgs' paths: no subtree moves while they are written
        Notice n = writable(id);
        Versioned.checkMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.DRAFT);
        IssuerCode code = issuerCodeFor(n, in.issuerCodeId());
        Instant now = Instant.now();
        if (n.deadline == null) throw ApiException.rule("NOTICE_DEADLINE_REQUIRED");
        if (!n.deadline.isAfter(now)) throw ApiException.rule("NOTICE_DEADLINE_PAST");
        checkDeadlines(n);
        if (n.signedOn == null) n.signedOn = BusinessTime.today();
        n.issuerCodeId = code.id;
        n.docYear = n.signedOn.getYear();
        n.status = NoticeStatus.PUBLISHED;
        n.publishedAt = now;
        n.updatedAt = now;
        em.flush(); // the receipts' insert reads the notice row
        int delivered = recipients.deliver(n, now);
        if (delivered == 0) throw ApiException.rule("NOTICE_NO_RECIPIENTS");
        // Numbered last, so that a publish refused above never takes a number.
        n.docSerial = numbers.next(code.id, n.docYear);
        n.docNumber = DocNumbers.format(code.code, n.docYear, n.docSerial);
        n.recipientCount = delivered;
        n.searchText = NoticeViews.searchText(n);
        em.flush();
        notifications.noticeToRecipients(n.id, "NOTICE_PUBLISHED", "新通知：" + n.title, n.issuer.name + " " + n.docNumber);
        audit.record(
                "notice.publish",
                "notice",
                n.id,
                n.issuer.id,
                n.issuer.path,
                "发布通知 " + n.docNumber + "“" + n.title + "”，收文单位 " + delivered + " 个",
                Map.of("docNumber", n.docNumber, "recipients", delivered));
        changed.fire(new NoticeChanged(n.id, NoticeChanged.Change.PUBLISHED));
        return NoticeViews.view(n, this);
    }

    @Transactional
    public NoticeView withdraw(String id, String ifMatch, @NotNull @Valid WithdrawRequest in) {
        Notice n = writable(id);
        Versioned.checkMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.PUBLISHED);
        n.status = NoticeStatus.WITHDRAWN;
        n.withdrawnAt = Instant.now();
        n.withdrawnReason = in.reason().trim();
        n.updatedAt = n.withdrawnAt;
        em.flush();
        notifications.noticeToRecipients(
                n.id, "NOTICE_WITHDRAWN", "通知已撤回：" + n.title, n.docNumber + "，原因：" + n.withdrawnReason);
        audit.record(
                "notice.withdraw",
                "notice",
                n.id,
                n.issuer.id,
                n.issuer.path,
                "撤回通知 " + n.docNumber + "（文号作废）：" + n.withdrawnReason,
                Map.of("docNumber", n.docNumber, "reason", n.withdrawnReason));
        changed.fire(new NoticeChanged(n.id, NoticeChanged.Change.WITHDRAWN));
        return NoticeViews.view(n, this);
    }

    @Transactional
    public NoticeView amend(String id, String ifMatch, @NotNull @Valid AmendRequest in) {
        Notice n = writable(id);
        Versioned.requireMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.PUBLISHED);
        NoticeInput c = in.content();
        if (c.issuerOrgId() != null && !c.issuerOrgId().equals(n.issuer.id.toString()))
            throw ApiException.rule("NOTICE_ISSUER_FIXED");
        if (c.recipients() != null && !normalized(c.recipients()).equals(normalized(n.recipientRule)))
            throw ApiException.rule("NOTICE_RECIPIENTS_FROZEN");
        em.createNativeQuery("insert into notice_revision (notice_id, revision, content, reason, amended_by)"
                        + " values (:id, :rev, cast(:content as jsonb), :reason, :by)")
                .setParameter("id", n.id)
                .setParameter("rev", n.revision)
                .setParameter("content", NoticeViews.writeContent(NoticeViews.content(n)))
                .setParameter("reason", in.reason().trim())
                .setParameter("by", caller.username())
                .executeUpdate();
        Instant oldDeadline = n.deadline;
        RecipientRule frozen = n.recipientRule;
        apply(n, c);
        n.receivingOrgId = receivingOrg(n.issuer, c.receivingOrgId());
        replaceAttachments(n, c);
        n.recipientRule = frozen;
        if (n.deadline == null) throw ApiException.rule("NOTICE_DEADLINE_REQUIRED");
        checkDeadlines(n);
        n.revision++;
        n.updatedAt = Instant.now();
        n.searchText = NoticeViews.searchText(n);
        em.flush();
        if (!Objects.equals(oldDeadline, n.deadline)) {
            // Orgs whose deadline was extended one by one keep theirs.
            em.createQuery("update Receipt r set r.deadline = :new where r.notice.id = :id and r.deadline = :old")
                    .setParameter("new", n.deadline)
                    .setParameter("id", n.id)
                    .setParameter("old", oldDeadline)
                    .executeUpdate();
        }
        notifications.noticeToRecipients(
                n.id,
                "NOTICE_AMENDED",
                "通知已修订：" + n.title,
                n.docNumber + "，修订说明：" + in.reason().trim());
        audit.record(
                "notice.amend",
                "notice",
                n.id,
                n.issuer.id,
                n.issuer.path,
                "修订通知 " + n.docNumber + "（第 " + n.revision + " 次）："
                        + in.reason().trim(),
                Map.of("revision", n.revision));
        changed.fire(new NoticeChanged(n.id, NoticeChanged.Change.AMENDED));
        return NoticeViews.view(n, this);
    }

    @Transactional
    public NoticeView close(String id, String ifMatch) {
        Notice n = writable(id);
        Versioned.checkMatch(ifMatch, n.version);
        requireState(n, NoticeStatus.PUBLISHED);
        if (n.deadline != null && n.deadline.isAfter(Instant.now()))
            throw ApiException.rule(
                    "NOTICE_DEADLINE_NOT_PASSED",
                    BusinessTime.offset(n.deadline).toLocalDate());
        n.status = NoticeStatus.CLOSED;
        n.closedAt = Instant.now();
        n.updatedAt = n.closedAt;
        em.flush();
        audit.record("notice.close", "notice", n.id, n.issuer.id, n.issuer.path, "结束通知 " + n.docNumber, null);
        return NoticeViews.view(n, this);
    }

    /** 转发: a recipient starts its own notice to its subtree from the one it received. */
    @Transactional
    public NoticeView forward(Receipt r) {
        Notice parent = r.notice;
        if (!scope.actsFor(r.org.id, Permission.NOTICE_WRITE))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.NOTICE_WRITE.key);
        if (parent.status != NoticeStatus.PUBLISHED) throw ApiException.conflict("NOTICE_NOT_PUBLISHED", parent.title);
        if (r.forwardedNoticeId != null) throw ApiException.conflict("RECEIPT_ALREADY_FORWARDED", r.forwardedNoticeId);
        Notice n = new Notice();
        n.issuer = r.org;
        n.createdBy = caller.username();
        n.parentNoticeId = parent.id;
        String title = "关于转发《" + parent.title + "》的通知";
        n.title = title.length() <= 200 ? title : parent.title;
        n.theme = parent.theme;
        n.sections = List.copyOf(parent.sections);
        n.recipientRule = new RecipientRule(List.of(new RecipientGroup(null, null, null, true)), List.of(), List.of());
        n.deadline = r.deadline;
        n.planRequired = parent.planRequired;
        n.planDeadline = parent.planDeadline;
        n.requirements = parent.requirements;
        n.reminders = parent.reminders;
        n.receivingDepartment = parent.receivingDepartment;
        // The parent's reviewing department is the parent issuer's, not the re-issuer's.
        parent.attachments.forEach(a -> n.attachments.add(new Attachment(a.fileId, a.title)));
        n.searchText = NoticeViews.searchText(n);
        n.updatedAt = Instant.now();
        em.persist(n);
        em.flush();
        r.forwardedNoticeId = n.id;
        audit.record(
                "notice.forward",
                "notice",
                n.id,
                r.org.id,
                r.org.path,
                "转发通知 " + parent.docNumber + "“" + parent.title + "”（草稿）",
                Map.of("parentNoticeId", parent.id.toString()));
        return NoticeViews.view(n, this);
    }

    // ---- helpers ----

    /** Loads a notice the caller may read: issued in its subtree, or (once published) received there. */
    Notice visible(String id) {
        Long key = Ids.parseOrNull(id);
        Notice n = key == null ? null : em.find(Notice.class, key);
        if (n == null || !readable(n)) throw ApiException.notFound("NOTICE_NOT_FOUND", id);
        return n;
    }

    /** Whether the caller may read the notice (plans carried by a notice are read by the same rule). */
    public boolean readable(Notice n) {
        if (scope.covers(n.issuer.path)) return true;
        if (n.status == NoticeStatus.DRAFT) return false;
        DataScope.Filter filter = scope.filter("o.path");
        var q = em.createQuery(
                "select count(r) from Receipt r join r.org o where r.notice.id = :id and " + filter.condition(),
                Long.class);
        filter.params().forEach(q::setParameter);
        return q.setParameter("id", n.id).getSingleResult() > 0;
    }

    /** Actions the caller may take on the notice now, by the same rules the operations check. */
    List<NoticeAction> actions(Notice n) {
        if (!scope.actsFor(n.issuer.id, Permission.NOTICE_WRITE)) return List.of();
        return switch (n.status) {
            case DRAFT -> List.of(NoticeAction.UPDATE, NoticeAction.DELETE, NoticeAction.PUBLISH);
            case PUBLISHED ->
                n.deadline != null && n.deadline.isAfter(Instant.now())
                        ? List.of(NoticeAction.AMEND, NoticeAction.WITHDRAW)
                        : List.of(NoticeAction.AMEND, NoticeAction.WITHDRAW, NoticeAction.CLOSE);
            case WITHDRAWN, CLOSED -> List.of();
        };
    }

    long signedCount(Notice n) {
        if (n.status == NoticeStatus.DRAFT) return 0;
        return em.createQuery(
                        "select count(r) from Receipt r where r.notice.id = :id and r.signedAt is not null", Long.class)
                .setParameter("id", n.id)
                .getSingleResult();
    }

    Notice find(Long id) {
        return id == null ? null : em.find(Notice.class, id);
    }

    List<Notice> forwardsOf(Notice n) {
        return em.createQuery(
                        "select f from Notice f join fetch f.issuer where f.parentNoticeId = :id and f.status <> :draft"
                                + " order by f.publishedAt",
                        Notice.class)
                .setParameter("id", n.id)
                .setParameter("draft", NoticeStatus.DRAFT)
                .getResultList();
    }

    private Notice writable(String id) {
        Notice n = visible(id);
        requireActsFor(n.issuer);
        return n;
    }

    private void requireActsFor(Org issuer) {
        if (!scope.actsFor(issuer.id, Permission.NOTICE_WRITE))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.NOTICE_WRITE.key);
    }

    private static void requireState(Notice n, NoticeStatus wanted) {
        if (n.status != wanted) throw ApiException.conflict("NOTICE_STATE_" + wanted.name(), n.title);
    }

    private IssuerCode issuerCodeFor(Notice n, String issuerCodeId) {
        Long key = Ids.parseOrNull(issuerCodeId);
        IssuerCode code = key == null ? null : em.find(IssuerCode.class, key);
        if (code == null || code.orgId != n.issuer.id || !code.active)
            throw ApiException.rule("NOTICE_ISSUER_CODE_INVALID", issuerCodeId);
        return code;
    }

    /** Plan deadline before the reporting one; a re-issue's deadline not after the one its org received. */
    private void checkDeadlines(Notice n) {
        if (n.planRequired && n.planDeadline == null) throw ApiException.rule("NOTICE_PLAN_DEADLINE_REQUIRED");
        if (n.planDeadline != null && n.deadline != null && n.planDeadline.isAfter(n.deadline))
            throw ApiException.rule("NOTICE_PLAN_DEADLINE_AFTER_DEADLINE");
        if (n.parentNoticeId == null || n.deadline == null) return;
        Instant limit = em.createQuery(
                        "select r.deadline from Receipt r where r.notice.id = :p and r.org.id = :o", Instant.class)
                .setParameter("p", n.parentNoticeId)
                .setParameter("o", n.issuer.id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (limit != null && n.deadline.isAfter(limit))
            throw ApiException.rule("NOTICE_DEADLINE_AFTER_PARENT", BusinessTime.offset(limit));
    }

    private static void apply(Notice n, NoticeInput in) {
        n.title = in.title().trim();
        n.theme = blankToNull(in.theme());
        n.sections = in.sections() == null
                ? List.of()
                : in.sections().stream()
                        .map(s -> new Section(blankToNull(s.heading()), RichText.sanitize(s.html())))
                        .toList();
        n.mainTo = blankToNull(in.mainTo());
        n.cc = blankToNull(in.cc());
        n.recipientRule = in.recipients() == null ? RecipientRule.NONE : normalized(in.recipients());
        n.signedOn = in.signedOn();
        n.contactPerson = blankToNull(in.contactPerson());
        n.contactPhone = blankToNull(in.contactPhone());
        n.contactEmail = blankToNull(in.contactEmail());
        n.receivingDepartment = blankToNull(in.receivingDepartment());
        n.deadline = BusinessTime.instant(in.deadline());
        n.planRequired = in.planRequired();
        n.planDeadline = BusinessTime.instant(in.planDeadline());
        n.requirements = in.requirements() == null ? Requirements.NONE : in.requirements();
        n.reminders =
                in.reminders() == null ? ReminderPolicy.DEFAULT : in.reminders().normalized();
        n.searchText = NoticeViews.searchText(n);
    }

    /** Resolved before the list changes, so that files already attached here stay attachable. */
    private void replaceAttachments(Notice n, NoticeInput in) {
        List<Attachment> next = attachments.resolve(n, in.attachments());
        n.attachments.clear();
        n.attachments.addAll(next);
        n.searchText = NoticeViews.searchText(n);
    }

    /** 收文部门: a department (部室) of the issuer itself, or none. */
    private Long receivingOrg(Org issuer, String id) {
        if (id == null || id.isBlank()) return null;
        Long key = Ids.parseOrNull(id);
        Org org = key == null ? null : orgs.findById(key);
        if (org == null
                || !org.active
                || org.type != cn.jinguo.org.OrgType.DEPARTMENT
                || !Objects.equals(org.parentId, issuer.id))
            throw ApiException.rule("NOTICE_RECEIVING_ORG_INVALID", id);
        return org.id;
    }

    String orgName(Long id) {
        if (id == null) return null;
        Org org = orgs.findById(id);
        return org == null ? null : org.name;
    }

    List<NoticeDtos.AttachmentView> attachmentViews(Notice n) {
        return attachments.views(n);
    }

    private static RecipientRule normalized(RecipientRule r) {
        return new RecipientRule(r.groupsOrEmpty(), r.orgIdsOrEmpty(), r.excludedOrEmpty());
    }
}
