package cn.jinguo.submission;

import static cn.jinguo.common.Text.blankToNull;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Problem;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.notice.Receipt;
import cn.jinguo.notification.Notifications;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import cn.jinguo.org.SubtreeMoved;
import cn.jinguo.submission.SubmissionDtos.CreateRequest;
import cn.jinguo.submission.SubmissionDtos.Decision;
import cn.jinguo.submission.SubmissionDtos.EntryInput;
import cn.jinguo.submission.SubmissionDtos.EntryVerdict;
import cn.jinguo.submission.SubmissionDtos.IncludablePage;
import cn.jinguo.submission.SubmissionDtos.MediaInput;
import cn.jinguo.submission.SubmissionDtos.PlanItemRef;
import cn.jinguo.submission.SubmissionDtos.ReviewRequest;
import cn.jinguo.submission.SubmissionDtos.RevisionView;
import cn.jinguo.submission.SubmissionDtos.SubmissionInput;
import cn.jinguo.submission.SubmissionDtos.SubmissionPage;
import cn.jinguo.submission.SubmissionDtos.SubmissionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 报送: one package per notice and recipient org, from draft to the issuer's decision, and the roll-up of
 * subordinates' accepted work (汇总上报). Every change moves the receipt's progress columns in the same
 * transaction, so tracking is never behind.
 */
@ApplicationScoped
public class SubmissionService {
    static final Set<SubmissionStatus> EDITABLE = EnumSet.of(SubmissionStatus.DRAFT, SubmissionStatus.RETURNED);

    @Inject
    EntityManager em;

    @Inject
    Event<PackageAccepted> packageAccepted;

    @Inject
    OrgRepository orgs;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    @Inject
    SubmissionViews views;

    @Inject
    SubmissionQueries queries;

    // ---- reads ----

    @Transactional
    public SubmissionView get(String id) {
        return views.view(visible(id));
    }

    @Transactional
    public SubmissionPage list(
            String noticeId,
            String orgId,
            boolean branch,
            boolean reviewable,
            SubmissionStatus status,
            Boolean late,
            Boolean featured,
            String q,
            Paging p) {
        return queries.list(noticeId, orgId, branch, reviewable, status, late, featured, q, p);
    }

    @Transactional
    public List<RevisionView> revisions(String id) {
        return views.revisions(visible(id));
    }

    /** Accepted entries of the org's subordinates, on its re-issue of the notice, not yet in this package. */
    @Transactional
    public IncludablePage includable(String id, Paging paging) {
        Submission s = visible(id);
        requireWriter(s);
        return views.includable(s, paging);
    }

    /**
     * The planned activities an entry of the package may realise (the editor's picker). Readers outside the org's
     * subtree (the issuer's side) read the package, not the org's plans: they get the items its entries name.
     */
    @Transactional
    public List<PlanItemRef> planItems(String id) {
        Submission s = visible(id);
        return queries.planItems(s, !scope.covers(s.org.path));
    }

    // ---- the org's side ----

    @Transactional
    public SubmissionView create(@NotNull @Valid CreateRequest in) {
        orgs.lockTree(false); // the package copies its org's path: no subtree moves meanwhile
        Long key = Ids.parseOrNull(in.receiptId());
        Receipt r = key == null ? null : em.find(Receipt.class, key);
        scope.requireVisible(r == null ? null : r.org.path, "RECEIPT_NOT_FOUND", in.receiptId());
        if (!scope.actsFor(r.org.id, Permission.REPORT_WRITE))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.REPORT_WRITE.key);
        if (r.notice.status != NoticeStatus.PUBLISHED)
            throw ApiException.conflict("NOTICE_NOT_PUBLISHED", r.notice.title);
        Long existing = em.createQuery("select s.id from Submission s where s.receipt.id = :r", Long.class)
                .setParameter("r", r.id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (existing != null) throw ApiException.conflict("SUBMISSION_EXISTS", existing);
        Submission s = new Submission();
        s.notice = r.notice;
        s.org = r.org;
        s.orgPath = r.org.path;
        s.receipt = r;
        s.createdBy = caller.username();
        s.updatedAt = Instant.now();
        em.persist(s);
        r.reportStatus = SubmissionStatus.DRAFT.name();
        em.flush();
        audit.record(
                "submission.create",
                "submission",
                s.id,
                s.org.id,
                s.org.path,
                s.org.name + " 开始填写报送：" + label(s.notice),
                Map.of("noticeId", s.notice.id.toString()));
        return views.view(s);
    }

    @Transactional
    public SubmissionView update(String id, String ifMatch, @NotNull @Valid SubmissionInput in) {
        Submission s = writable(id);
        Versioned.requireMatch(ifMatch, s.version);
        List<EntryInput> inputs = in.entries() == null ? List.of() : in.entries();
        Map<Long, SubmissionEntry> existing =
                queries.entries(s).stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<Long, SubmissionEntry> sources = includableSources(s, inputs);
        Set<Long> planItems = planItems(s, inputs);
        MediaRules media = new MediaRules(s, existing.values(), sources.values(), inputs);
        Instant now = Instant.now();
        List<SubmissionEntry> next = new ArrayList<>(inputs.size());
        Set<Long> placed = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            EntryInput e = inputs.get(i);
            String at = "entries[" + i + "]";
            SubmissionEntry entry;
            if (e.id() != null) {
                entry = existing.get(Ids.parseOrNull(e.id()));
                if (entry == null) throw ApiException.rule("SUBMISSION_ENTRY_UNKNOWN", e.id());
                if (!placed.add(entry.id)) throw ApiException.rule("SUBMISSION_ENTRY_DUPLICATE", e.id());
            } else {
                entry = new SubmissionEntry();
                entry.submission = s;
                entry.originOrg = s.org;
            }
            Long sourceId = Ids.parseOrNull(e.sourceEntryId());
            if (entry.id == null && sourceId != null) {
                copy(sources.get(sourceId), entry);
            } else if (entry.sourceEntryId != null || sourceId != null) {
                // An included entry is the subordinate's, as accepted: it is kept or dropped, never rewritten here.
                if (entry.sourceEntryId == null || (sourceId != null && !entry.sourceEntryId.equals(sourceId)))
                    throw ApiException.rule("SUBMISSION_ENTRY_INCLUDED", e.id());
            } else {
                apply(entry, e, at, planItems, media);
            }
            entry.position = i;
            entry.updatedAt = now;
            next.add(entry);
        }
        s.entries.clear();
        s.entries.addAll(next);
        s.summary = blankToNull(in.summary());
        s.updatedAt = now;
        em.flush();
        audit.record(
                "submission.update",
                "submission",
                s.id,
                s.org.id,
                s.org.path,
                s.org.name + " 修改报送：" + label(s.notice) + "（" + next.size() + " 项活动）",
                null);
        return views.view(s);
    }

    /** A package never submitted may be dropped; the receipt goes back to "nothing started". */
    @Transactional
    public void delete(String id, String ifMatch) {
        Submission s = writable(id);
        Versioned.checkMatch(ifMatch, s.version);
        if (s.status != SubmissionStatus.DRAFT || s.revision > 0)
            throw ApiException.conflict("SUBMISSION_ALREADY_SUBMITTED", label(s.notice));
        s.receipt.reportStatus = null;
        audit.record(
                "submission.delete",
                "submission",
                s.id,
                s.org.id,
                s.org.path,
                s.org.name + " 删除报送草稿：" + label(s.notice),
                null);
        em.remove(s);
    }

    @Transactional
    public SubmissionView submit(String id, String ifMatch) {
        Submission s = writable(id);
        Versioned.checkMatch(ifMatch, s.version);
        List<SubmissionEntry> entries = queries.entries(s);
        SubmissionDtos.Completeness c = views.completeness(s, entries);
        if (!c.missing().isEmpty())
            throw new ApiException(
                    422,
                    "SUBMISSION_INCOMPLETE",
                    c.missing().stream()
                            .map(m -> new Problem.FieldError(m, "Required", "submission.missing." + m))
                            .toList());
        Instant now = Instant.now();
        Receipt r = s.receipt;
        boolean late = r.deadline != null && now.isAfter(r.deadline);
        s.status = SubmissionStatus.SUBMITTED;
        s.revision++;
        s.submittedAt = now;
        s.submittedBy = caller.username();
        s.returnReason = null;
        s.updatedAt = now;
        entries.forEach(e -> {
            e.reviewStatus = EntryReview.PENDING;
            e.returnReason = null;
        });
        r.reportStatus = SubmissionStatus.SUBMITTED.name();
        boolean first = r.submittedAt == null;
        if (first) r.submittedAt = now;
        em.flush();
        em.createNativeQuery(
                        "insert into submission_revision (submission_id, revision, content, submitted_at, submitted_by, late)"
                                + " values (:s, :rev, cast(:content as jsonb), :at, :by, :late)")
                .setParameter("s", s.id)
                .setParameter("rev", s.revision)
                .setParameter("content", views.snapshot(entries))
                .setParameter("at", now)
                .setParameter("by", caller.username())
                .setParameter("late", late)
                .executeUpdate();
        String title = (s.revision > 1 ? "重新报送：" : "新报送：") + s.org.name;
        notifyReviewers(s, "SUBMISSION_SUBMITTED", title, label(s.notice) + "，" + entries.size() + " 项活动");
        audit.record(
                "submission.submit",
                "submission",
                s.id,
                s.org.id,
                s.org.path,
                s.org.name + (s.revision > 1 ? " 重新报送：" : " 报送：") + label(s.notice) + (late ? "（逾期）" : ""),
                Map.of("revision", s.revision, "entries", entries.size(), "late", late));
        return views.view(s);
    }

    // ---- the issuer's side ----

    @Transactional
    public SubmissionView review(String id, String ifMatch, @NotNull @Valid ReviewRequest in) {
        Submission s = visible(id);
        requireReviewer(s);
        Versioned.checkMatch(ifMatch, s.version);
        if (s.status != SubmissionStatus.SUBMITTED) throw ApiException.conflict("SUBMISSION_NOT_SUBMITTED", s.org.name);
        List<SubmissionEntry> entries = queries.entries(s);
        Map<Long, SubmissionEntry> byId = entries.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<EntryVerdict> verdicts = in.entries() == null ? List.of() : in.entries();
        Instant now = Instant.now();
        String reason = blankToNull(in.reason());
        if (in.decision() == Decision.ACCEPT) {
            if (!verdicts.isEmpty()) throw ApiException.rule("SUBMISSION_ACCEPT_WITH_RETURNS");
            entries.forEach(e -> e.reviewStatus = EntryReview.ACCEPTED);
            s.status = SubmissionStatus.ACCEPTED;
            s.receipt.acceptedAt = now;
        } else {
            if (reason == null) throw ApiException.field("reason", "NotBlank");
            for (int i = 0; i < verdicts.size(); i++) {
                SubmissionEntry e = byId.get(Ids.parseOrNull(verdicts.get(i).entryId()));
                if (e == null)
                    throw ApiException.rule(
                            "SUBMISSION_ENTRY_UNKNOWN", verdicts.get(i).entryId());
                e.reviewStatus = EntryReview.RETURNED;
                e.returnReason = verdicts.get(i).reason().strip();
            }
            s.status = SubmissionStatus.RETURNED;
            s.returnReason = reason;
        }
        s.reviewedAt = now;
        s.reviewedBy = caller.username();
        s.updatedAt = now;
        s.receipt.reportStatus = s.status.name();
        em.flush();
        em.createNativeQuery(
                        "update submission_revision set decision = :d, reason = :reason, entry_reasons = cast(:er as jsonb),"
                                + " reviewed_at = :at, reviewed_by = :by where submission_id = :s and revision = :rev")
                .setParameter("d", s.status.name())
                .setParameter("reason", reason)
                .setParameter("er", views.json(verdicts))
                .setParameter("at", now)
                .setParameter("by", caller.username())
                .setParameter("s", s.id)
                .setParameter("rev", s.revision)
                .executeUpdate();
        boolean accepted = s.status == SubmissionStatus.ACCEPTED;
        notifications.toOrgMembers(
                s.org.id,
                Permission.REPORT_WRITE,
                accepted ? "SUBMISSION_ACCEPTED" : "SUBMISSION_RETURNED",
                (accepted ? "报送已采用：" : "报送被退回：") + s.notice.title,
                accepted ? label(s.notice) : label(s.notice) + "，原因：" + reason,
                s.notice.id,
                s.receipt.id);
        audit.record(
                accepted ? "submission.accept" : "submission.return",
                "submission",
                s.id,
                s.notice.issuer.id,
                s.notice.issuer.path,
                (accepted ? "采用 " : "退回 ") + s.org.name + " 的报送：" + label(s.notice) + (accepted ? "" : "，原因：" + reason),
                Map.of("revision", s.revision, "returnedEntries", verdicts.size()));
        if (accepted) packageAccepted.fire(new PackageAccepted(s.id));
        return views.view(s);
    }

    /** 精选: marks (or unmarks) an accepted entry; the receipt's featured count follows in the same transaction. */
    @Transactional
    public SubmissionView feature(String id, String entryId, String ifMatch, boolean featured) {
        Submission s = visible(id);
        requireReviewer(s);
        Versioned.checkMatch(ifMatch, s.version);
        if (s.status != SubmissionStatus.ACCEPTED) throw ApiException.conflict("SUBMISSION_NOT_ACCEPTED", s.org.name);
        SubmissionEntry e = queries.entries(s).stream()
                .filter(x -> x.id.equals(Ids.parseOrNull(entryId)))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("SUBMISSION_ENTRY_NOT_FOUND", entryId));
        if (featured == (e.featuredAt != null)) return views.view(s);
        e.featuredAt = featured ? Instant.now() : null;
        e.featuredBy = featured ? caller.username() : null;
        s.receipt.featuredCount += featured ? 1 : -1;
        // The package reads differently now (entries[].featured): its version, the ETag, moves with it.
        em.lock(s, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.flush();
        audit.record(
                featured ? "submission.feature" : "submission.unfeature",
                "submission",
                s.id,
                s.notice.issuer.id,
                s.notice.issuer.path,
                (featured ? "精选 " : "取消精选 ") + e.originOrg.name + " 的活动“" + e.title + "”",
                Map.of("entryId", e.id.toString()));
        return views.view(s);
    }

    // ---- rules ----

    /** A package the caller may read: its org is in the caller's subtree, or (once sent) the caller reviews it. */
    Submission visible(String id) {
        Long key = Ids.parseOrNull(id);
        Submission s = key == null ? null : em.find(Submission.class, key);
        if (s == null || !readable(s)) throw ApiException.notFound("SUBMISSION_NOT_FOUND", id);
        return s;
    }

    boolean readable(Submission s) {
        if (scope.covers(s.org.path)) return true;
        return s.revision > 0 && issuerSide(s.notice);
    }

    /** The issuer's subtree, or the receiving department's (收文部门) when the notice names one. */
    boolean issuerSide(Notice n) {
        if (scope.covers(n.issuer.path)) return true;
        Org receiving = n.receivingOrgId == null ? null : em.find(Org.class, n.receivingOrgId);
        return receiving != null && scope.covers(receiving.path);
    }

    boolean mayReview(Notice n) {
        return scope.actsFor(n.issuer.id, Permission.REPORT_REVIEW)
                || (n.receivingOrgId != null && scope.actsFor(n.receivingOrgId, Permission.REPORT_REVIEW));
    }

    boolean mayWrite(Submission s) {
        return scope.actsFor(s.org.id, Permission.REPORT_WRITE);
    }

    private Submission writable(String id) {
        Submission s = visible(id);
        requireWriter(s);
        if (s.notice.status != NoticeStatus.PUBLISHED)
            throw ApiException.conflict("NOTICE_NOT_PUBLISHED", s.notice.title);
        if (!EDITABLE.contains(s.status)) throw ApiException.conflict("SUBMISSION_NOT_EDITABLE", s.org.name);
        return s;
    }

    private void requireWriter(Submission s) {
        if (!mayWrite(s)) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.REPORT_WRITE.key);
    }

    private void requireReviewer(Submission s) {
        if (!mayReview(s.notice)) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.REPORT_REVIEW.key);
    }

    private void notifyReviewers(Submission s, String kind, String title, String body) {
        notifications.toOrgMembers(s.notice.issuer.id, Permission.REPORT_REVIEW, kind, title, body, s.notice.id, null);
        if (s.notice.receivingOrgId != null)
            notifications.toOrgMembers(
                    s.notice.receivingOrgId, Permission.REPORT_REVIEW, kind, title, body, s.notice.id, null);
    }

    /**
     * The subordinates' entries this input includes, each checked: accepted, in an accepted package answering the
     * org's own re-issue of this notice. One query for all of them.
     */
    private Map<Long, SubmissionEntry> includableSources(Submission s, List<EntryInput> inputs) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String raw = inputs.get(i).sourceEntryId();
            if (raw == null) continue;
            Long id = Ids.parseOrNull(raw);
            if (id == null) throw ApiException.field("entries[" + i + "].sourceEntryId", "Id");
            if (!ids.add(id)) throw ApiException.rule("SUBMISSION_ENTRY_DUPLICATE", raw);
        }
        if (ids.isEmpty()) return Map.of();
        Map<Long, SubmissionEntry> found = em.createQuery(
                        """
                        select e from SubmissionEntry e join fetch e.submission x join fetch e.originOrg
                        where e.id in :ids and e.reviewStatus = :accepted and x.status = :packageAccepted
                          and x.notice.parentNoticeId = :notice and x.notice.issuer.id = :org""",
                        SubmissionEntry.class)
                .setParameter("ids", ids)
                .setParameter("accepted", EntryReview.ACCEPTED)
                .setParameter("packageAccepted", SubmissionStatus.ACCEPTED)
                .setParameter("notice", s.notice.id)
                .setParameter("org", s.org.id)
                .getResultStream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        for (Long id : ids) if (!found.containsKey(id)) throw ApiException.rule("SUBMISSION_SOURCE_INVALID", id);
        return found;
    }

    /** Planned activities an entry may realise: items of the org's own plans or of the plan carried by the notice. */
    private Set<Long> planItems(Submission s, List<EntryInput> inputs) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String raw = inputs.get(i).planItemId();
            if (raw == null) continue;
            Long id = Ids.parseOrNull(raw);
            if (id == null) throw ApiException.field("entries[" + i + "].planItemId", "Id");
            ids.add(id);
        }
        if (ids.isEmpty()) return Set.of();
        Set<Long> allowed = em.createQuery(
                        "select i.id from PlanItem i join i.plan p where i.id in :ids and "
                                + SubmissionQueries.REALISABLE_PLANS,
                        Long.class)
                .setParameter("ids", ids)
                .setParameter("org", s.org.id)
                .setParameter("notice", s.notice.id)
                .getResultStream()
                .collect(Collectors.toSet());
        for (Long id : ids) if (!allowed.contains(id)) throw ApiException.rule("SUBMISSION_PLAN_ITEM_INVALID", id);
        return allowed;
    }

    private static void apply(SubmissionEntry entry, EntryInput e, String at, Set<Long> planItems, MediaRules media) {
        String title = blankToNull(e.title());
        if (title == null) throw ApiException.field(at + ".title", "NotBlank");
        if (e.heldOn() == null) throw ApiException.field(at + ".heldOn", "NotNull");
        if (e.heldUntil() != null && e.heldUntil().isBefore(e.heldOn()))
            throw ApiException.rule("SUBMISSION_ENTRY_DATES", title);
        entry.title = title;
        entry.heldOn = e.heldOn();
        entry.heldUntil = e.heldUntil();
        entry.location = blankToNull(e.location());
        entry.participants = e.participants();
        entry.summary = blankToNull(e.summary());
        entry.planItemId = e.planItemId() == null ? null : Ids.parseOrNull(e.planItemId());
        if (entry.planItemId != null && !planItems.contains(entry.planItemId))
            throw ApiException.rule("SUBMISSION_PLAN_ITEM_INVALID", e.planItemId());
        entry.media.clear();
        List<MediaInput> in = e.media() == null ? List.of() : e.media();
        for (int j = 0; j < in.size(); j++) entry.media.add(media.resolve(in.get(j), at + ".media[" + j + "]"));
    }

    private static void copy(SubmissionEntry source, SubmissionEntry entry) {
        entry.sourceEntryId = source.id;
        entry.originOrg = source.originOrg;
        entry.title = source.title;
        entry.heldOn = source.heldOn;
        entry.heldUntil = source.heldUntil;
        entry.location = source.location;
        entry.participants = source.participants;
        entry.summary = source.summary;
        source.media.forEach(m -> entry.media.add(new EntryMedia(m.kind, m.fileId, m.url, m.title)));
    }

    static String label(Notice n) {
        return n.docNumber == null ? "“" + n.title + "”" : n.docNumber + "“" + n.title + "”";
    }

    /**
     * Which files and URLs a package may carry: files uploaded for its org, or already in this package or in an
     * entry it includes; photos are images and videos are videos; URLs are http(s). Files are read in one query.
     */
    private final class MediaRules {
        private final Map<Long, String> types = new HashMap<>();

        MediaRules(
                Submission s,
                java.util.Collection<SubmissionEntry> existing,
                java.util.Collection<SubmissionEntry> sources,
                List<EntryInput> inputs) {
            Set<Long> carried = new HashSet<>();
            existing.forEach(e -> e.media.forEach(m -> carried.add(m.fileId)));
            sources.forEach(e -> e.media.forEach(m -> carried.add(m.fileId)));
            carried.remove(null);
            Set<Long> wanted = new HashSet<>();
            for (int i = 0; i < inputs.size(); i++) {
                List<MediaInput> media = inputs.get(i).media();
                if (media == null) continue;
                for (int j = 0; j < media.size(); j++) {
                    String raw = media.get(j).fileId();
                    if (raw == null) continue;
                    Long id = Ids.parseOrNull(raw);
                    if (id == null) throw ApiException.field("entries[" + i + "].media[" + j + "].fileId", "Id");
                    wanted.add(id);
                }
            }
            if (wanted.isEmpty()) return;
            em.createQuery(
                            "select f.id, f.contentType from StoredFile f where f.id in :ids"
                                    + " and (f.ownerOrgId = :org or f.id in :carried)",
                            Object[].class)
                    .setParameter("ids", wanted)
                    .setParameter("org", s.org.id)
                    .setParameter("carried", carried.isEmpty() ? Set.of(-1L) : carried)
                    .getResultList()
                    .forEach(r -> types.put((Long) r[0], (String) r[1]));
        }

        EntryMedia resolve(MediaInput m, String at) {
            boolean hasFile = m.fileId() != null, hasUrl = blankToNull(m.url()) != null;
            if (hasFile == hasUrl) throw ApiException.field(at + ".fileId", "FileOrUrl");
            String title = blankToNull(m.title());
            if (hasUrl) {
                if (m.kind() == MediaKind.PHOTO || m.kind() == MediaKind.VIDEO)
                    throw ApiException.field(at + ".fileId", "NotNull");
                String url = m.url().strip();
                if (!webUrl(url)) throw ApiException.field(at + ".url", "Url");
                return new EntryMedia(m.kind(), null, url, title);
            }
            if (m.kind() == MediaKind.LINK) throw ApiException.field(at + ".url", "NotBlank");
            Long id = Ids.parseOrNull(m.fileId());
            String type = types.get(id);
            if (type == null) throw ApiException.rule("SUBMISSION_FILE_INVALID", m.fileId());
            if (m.kind() == MediaKind.PHOTO && !type.startsWith("image/"))
                throw ApiException.rule("SUBMISSION_PHOTO_NOT_IMAGE", m.fileId());
            if (m.kind() == MediaKind.VIDEO && !type.startsWith("video/"))
                throw ApiException.rule("SUBMISSION_VIDEO_NOT_VIDEO", m.fileId());
            return new EntryMedia(m.kind(), id, null, title);
        }
    }

    static boolean webUrl(String url) {
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A package's org path follows its org when a subtree moves. */
    void rebase(@Observes SubtreeMoved moved) {
        moved.rebase(em, "submission", "org_path");
    }
}
