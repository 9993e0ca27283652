package cn.jinguo.submission;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Paging;
import cn.jinguo.common.SqlValues;
import cn.jinguo.media.StoredFile;
import cn.jinguo.notice.NoticeDtos.NoticeRef;
import cn.jinguo.notice.NoticeDtos.RequiredItems;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.submission.SubmissionDtos.Completeness;
import cn.jinguo.submission.SubmissionDtos.EntryVerdict;
import cn.jinguo.submission.SubmissionDtos.EntryView;
import cn.jinguo.submission.SubmissionDtos.IncludableEntry;
import cn.jinguo.submission.SubmissionDtos.IncludablePage;
import cn.jinguo.submission.SubmissionDtos.MediaView;
import cn.jinguo.submission.SubmissionDtos.RevisionView;
import cn.jinguo.submission.SubmissionDtos.SubmissionView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Packages as the API shows them: entries with their media, completeness, actions, history. */
@ApplicationScoped
class SubmissionViews {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    SubmissionQueries queries;

    @Inject
    SubmissionService service;

    SubmissionView view(Submission s) {
        List<SubmissionEntry> entries = queries.entries(s);
        return new SubmissionView(
                s.id.toString(),
                NoticeRef.of(s.notice),
                s.org.id.toString(),
                s.org.name,
                s.receipt.id.toString(),
                s.status,
                s.summary,
                s.revision,
                BusinessTime.offset(s.receipt.deadline),
                s.receipt.submittedAt,
                s.submittedAt,
                SubmissionQueries.late(s.receipt.submittedAt, s.receipt.deadline),
                s.reviewedAt,
                s.reviewedBy,
                s.returnReason,
                entryViews(entries),
                completeness(s, entries),
                actions(s),
                s.version);
    }

    /** How the package meets what the notice requires of the org's type; {@code missing} blocks submitting. */
    Completeness completeness(Submission s, List<SubmissionEntry> entries) {
        RequiredItems required = s.notice.requirements.forType(s.org.type);
        int photos = 0, videos = 0, articles = 0, links = 0;
        for (SubmissionEntry e : entries) {
            for (EntryMedia m : e.media) {
                switch (m.kind) {
                    case PHOTO -> photos++;
                    case VIDEO -> videos++;
                    case ARTICLE -> articles++;
                    case LINK -> links++;
                }
            }
        }
        boolean hasSummary = s.summary != null && !s.summary.isBlank();
        List<String> missing = new ArrayList<>();
        if (entries.isEmpty()) missing.add("entries");
        if (required.summary() && !hasSummary) missing.add("summary");
        if (photos < required.minPhotos()) missing.add("photos");
        if (required.video() && videos == 0) missing.add("video");
        if (required.article() && articles == 0) missing.add("article");
        if (required.newMediaLink() && links == 0) missing.add("newMediaLink");
        return new Completeness(
                required, entries.size(), photos, videos, articles, links, hasSummary, List.copyOf(missing));
    }

    List<SubmissionAction> actions(Submission s) {
        List<SubmissionAction> out = new ArrayList<>(3);
        boolean open = s.notice.status == NoticeStatus.PUBLISHED;
        if (open && SubmissionService.EDITABLE.contains(s.status) && service.mayWrite(s)) {
            out.add(SubmissionAction.UPDATE);
            out.add(SubmissionAction.SUBMIT);
            if (s.status == SubmissionStatus.DRAFT && s.revision == 0) out.add(SubmissionAction.DELETE);
            if (s.receipt.forwardedNoticeId != null) out.add(SubmissionAction.INCLUDE);
        }
        if (s.notice.status != NoticeStatus.WITHDRAWN && service.mayReview(s.notice)) {
            if (s.status == SubmissionStatus.SUBMITTED) out.add(SubmissionAction.REVIEW);
            if (s.status == SubmissionStatus.ACCEPTED) out.add(SubmissionAction.FEATURE);
        }
        return out;
    }

    List<EntryView> entryViews(List<SubmissionEntry> entries) {
        Map<Long, StoredFile> files = files(entries);
        return entries.stream().map(e -> entryView(e, files)).toList();
    }

    private EntryView entryView(SubmissionEntry e, Map<Long, StoredFile> files) {
        return new EntryView(
                e.id.toString(),
                e.originOrg.id.toString(),
                e.originOrg.name,
                e.sourceEntryId == null ? null : e.sourceEntryId.toString(),
                e.planItemId == null ? null : e.planItemId.toString(),
                e.title,
                e.heldOn,
                e.heldUntil,
                e.location,
                e.participants,
                e.summary,
                e.media.stream()
                        .map(m -> {
                            StoredFile f = m.fileId == null ? null : files.get(m.fileId);
                            return new MediaView(
                                    m.kind,
                                    m.fileId == null ? null : m.fileId.toString(),
                                    m.url,
                                    m.title,
                                    f == null ? null : f.fileName,
                                    f == null ? null : f.contentType,
                                    f == null ? null : f.size);
                        })
                        .toList(),
                e.reviewStatus,
                e.returnReason,
                e.featuredAt != null);
    }

    /** The stored files behind the entries' media, in one query. */
    private Map<Long, StoredFile> files(Collection<SubmissionEntry> entries) {
        List<Long> ids = entries.stream()
                .flatMap(e -> e.media.stream())
                .map(m -> m.fileId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) return Map.of();
        return em.createQuery("select f from StoredFile f where f.id in :ids", StoredFile.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
    }

    String snapshot(List<SubmissionEntry> entries) {
        return json(entryViews(entries));
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<RevisionView> revisions(Submission s) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select revision, submitted_at, submitted_by, late, decision, reason, cast(entry_reasons as text),"
                                + " reviewed_at, reviewed_by, cast(content as text) from submission_revision"
                                + " where submission_id = :s order by revision desc")
                .setParameter("s", s.id)
                .getResultList();
        return rows.stream()
                .map(r -> new RevisionView(
                        ((Number) r[0]).intValue(),
                        SqlValues.instant(r[1]),
                        (String) r[2],
                        (Boolean) r[3],
                        (String) r[4],
                        (String) r[5],
                        r[6] == null ? List.of() : read(r[6].toString(), new TypeReference<List<EntryVerdict>>() {}),
                        SqlValues.instant(r[7]),
                        (String) r[8],
                        read(r[9].toString(), new TypeReference<List<EntryView>>() {})))
                .toList();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    IncludablePage includable(Submission s, Paging paging) {
        String where =
                """
                 from SubmissionEntry e join e.submission x join x.notice n
                 where n.parentNoticeId = :notice and n.issuer.id = :org and x.status = :accepted
                   and e.reviewStatus = :entryAccepted
                   and not exists (select 1 from SubmissionEntry y where y.submission.id = :self and y.sourceEntryId = e.id)""";
        var rows = em.createQuery(
                "select e, x.id, x.org.name, n " + where + " order by e.heldOn desc, e.id desc", Object[].class);
        var count = em.createQuery("select count(e) " + where, Long.class);
        for (var q : List.of(rows, count)) {
            q.setParameter("notice", s.notice.id)
                    .setParameter("org", s.org.id)
                    .setParameter("accepted", SubmissionStatus.ACCEPTED)
                    .setParameter("entryAccepted", EntryReview.ACCEPTED)
                    .setParameter("self", s.id);
        }
        List<Object[]> page = rows.setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        List<SubmissionEntry> entries =
                page.stream().map(r -> (SubmissionEntry) r[0]).toList();
        // Media and origin orgs of the page: loaded together rather than entry by entry.
        if (!entries.isEmpty())
            em.createQuery(
                            "select e from SubmissionEntry e join fetch e.originOrg left join fetch e.media where e in :es",
                            SubmissionEntry.class)
                    .setParameter("es", entries)
                    .getResultList();
        Map<Long, StoredFile> files = files(entries);
        List<IncludableEntry> items = page.stream()
                .map(r -> new IncludableEntry(
                        entryView((SubmissionEntry) r[0], files),
                        r[1].toString(),
                        (String) r[2],
                        NoticeRef.of((cn.jinguo.notice.Notice) r[3])))
                .toList();
        return new IncludablePage(items, count.getSingleResult(), paging.page(), paging.size());
    }
}
