package cn.jinguo.integration;

import static cn.jinguo.common.SqlValues.date;

import cn.jinguo.common.SqlValues;
import cn.jinguo.integration.FeedDtos.ActivityRecord;
import cn.jinguo.integration.FeedDtos.FeedRecord;
import cn.jinguo.integration.FeedDtos.FeedType;
import cn.jinguo.integration.FeedDtos.MediaRecord;
import cn.jinguo.integration.FeedDtos.NoticeRecord;
import cn.jinguo.integration.FeedDtos.OrgRecord;
import cn.jinguo.integration.FeedDtos.ReceiptRecord;
import cn.jinguo.notice.NoticeChanged;
import cn.jinguo.notice.ReceiptSigned;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.OrgType;
import cn.jinguo.submission.MediaKind;
import cn.jinguo.submission.PackageAccepted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what integrators follow into integration_event, in the transaction of the change (synchronous observers of
 * the domain's events): an event exists exactly when its change committed. Each row holds the whole record as of
 * that moment, so the feed and webhooks never read live tables that may have moved on.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** One record per activity of the accepted package, in the package's order; one statement for all of them. */
    void accepted(@Observes PackageAccepted accepted) {
        Object[] pkg = (Object[]) em.createNativeQuery(
                        """
                        select s.id, s.revision, s.reviewed_at, s.reviewed_by, s.org_id, s.org_path, s.notice_id
                        from submission s where s.id = :id""")
                .setParameter("id", accepted.submissionId())
                .getSingleResult();
        long noticeId = num(pkg[6]);
        @SuppressWarnings("unchecked")
        List<Object[]> entries = em.createNativeQuery(
                        """
                        with recursive chain (id, origin, hops) as (
                            select e.id, e.id, 0 from submission_entry e where e.submission_id = :s
                            union all
                            select c.id, src.source_entry_id, c.hops + 1
                            from chain c join submission_entry src on src.id = c.origin
                            where src.source_entry_id is not null and c.hops < 20)
                        select e.id, (select c.origin from chain c where c.id = e.id order by c.hops desc limit 1),
                               e.source_entry_id, e.title, e.held_on, e.held_until, e.location, e.participants,
                               e.summary, e.origin_org_id, e.featured_at is not null
                        from submission_entry e where e.submission_id = :s order by e.position""")
                .setParameter("s", accepted.submissionId())
                .getResultList();
        if (entries.isEmpty()) return;
        Map<Long, List<MediaRecord>> media =
                media(entries.stream().map(e -> num(e[0])).toList());
        Set<Long> orgIds = new HashSet<>();
        orgIds.add(num(pkg[4]));
        entries.forEach(e -> orgIds.add(num(e[9])));
        NoticeRecord notice = notice(noticeId);
        Map<Long, OrgRecord> orgs = orgs(orgIds);
        Instant at = SqlValues.instant(pkg[2]);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] e : entries) {
            long entryId = num(e[0]);
            ActivityRecord activity = new ActivityRecord(
                    Long.toString(entryId),
                    e[1].toString(),
                    e[2] == null ? null : e[2].toString(),
                    Long.toString(num(pkg[0])),
                    (int) num(pkg[1]),
                    (String) e[3],
                    date(e[4]),
                    date(e[5]),
                    (String) e[6],
                    e[7] == null ? null : ((Number) e[7]).intValue(),
                    (String) e[8],
                    orgs.get(num(pkg[4])),
                    orgs.get(num(e[9])),
                    Boolean.TRUE.equals(e[10]),
                    at,
                    (String) pkg[3],
                    media.getOrDefault(entryId, List.of()));
            rows.add(row(FeedType.ACTIVITY_ACCEPTED, (String) pkg[5], noticeId, at, activity, notice, null));
        }
        insert(rows);
    }

    void noticeChanged(@Observes NoticeChanged changed) {
        NoticeRecord notice = notice(changed.noticeId());
        FeedType type =
                switch (changed.change()) {
                    case PUBLISHED -> FeedType.NOTICE_PUBLISHED;
                    case AMENDED -> FeedType.NOTICE_AMENDED;
                    case WITHDRAWN -> FeedType.NOTICE_WITHDRAWN;
                };
        String issuerPath = (String) em.createNativeQuery("select path from org where id = :id")
                .setParameter("id", Long.parseLong(notice.issuer().id()))
                .getSingleResult();
        insert(List.of(row(type, issuerPath, changed.noticeId(), Instant.now(), null, notice, null)));
    }

    void signed(@Observes ReceiptSigned signed) {
        Object[] r = (Object[]) em.createNativeQuery(
                        "select r.id, r.notice_id, r.org_id, r.org_path, r.signed_at, r.signed_by from receipt r where r.id = :id")
                .setParameter("id", signed.receiptId())
                .getSingleResult();
        NoticeRecord notice = notice(num(r[1]));
        Instant at = SqlValues.instant(r[4]);
        ReceiptRecord receipt = new ReceiptRecord(
                Long.toString(num(r[0])), orgs(Set.of(num(r[2]))).get(num(r[2])), at, (String) r[5]);
        insert(List.of(row(FeedType.RECEIPT_SIGNED, (String) r[3], num(r[1]), at, null, notice, receipt)));
    }

    private Map<String, Object> row(
            FeedType type,
            String orgPath,
            long noticeId,
            Instant at,
            ActivityRecord activity,
            NoticeRecord notice,
            ReceiptRecord receipt) {
        Map<String, Object> row = new HashMap<>();
        row.put("type", type.name());
        row.put("orgPath", orgPath);
        row.put("noticeId", noticeId);
        row.put("at", at);
        row.put("payload", new FeedRecord(null, type, at, FeedDtos.SCHEMA_VERSION, activity, notice, receipt));
        return row;
    }

    private void insert(List<Map<String, Object>> rows) {
        String array;
        try {
            array = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery(
                        """
                        insert into integration_event (type, occurred_at, org_path, notice_id, payload)
                        select x.type, x.at, x."orgPath", x."noticeId", x.payload
                        from jsonb_to_recordset(cast(:rows as jsonb))
                             as x(type text, at timestamptz, "orgPath" text, "noticeId" bigint, payload jsonb)""")
                .setParameter("rows", array)
                .executeUpdate();
    }

    /** The notice as it is now, with its issuer. */
    private NoticeRecord notice(long id) {
        Object[] n = (Object[]) em.createNativeQuery(
                        """
                        select n.id, n.doc_number, n.title, n.theme, n.issuer_org_id, n.status, n.published_at,
                               n.deadline, n.revision, n.withdrawn_reason, n.parent_notice_id
                        from notice n where n.id = :id""")
                .setParameter("id", id)
                .getSingleResult();
        OrgRecord issuer = orgs(Set.of(num(n[4]))).get(num(n[4]));
        Instant deadline = SqlValues.instant(n[7]);
        return new NoticeRecord(
                Long.toString(num(n[0])),
                (String) n[1],
                (String) n[2],
                (String) n[3],
                issuer,
                (String) n[5],
                SqlValues.instant(n[6]),
                cn.jinguo.common.BusinessTime.offset(deadline),
                (int) num(n[8]),
                (String) n[9],
                n[10] == null ? null : n[10].toString());
    }

    /** Orgs with the codes of their ancestors, top down; one statement. */
    private Map<Long, OrgRecord> orgs(Set<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select o.id, o.code, o.name, o.type, o.level,
                               (select string_agg(a.code, ',' order by a.depth) from org a
                                where a.id = any (cast(string_to_array(trim(both '/' from o.path), '/') as bigint[])))
                        from org o where o.id in (:ids)""")
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, OrgRecord> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put(
                    num(r[0]),
                    new OrgRecord(
                            r[0].toString(),
                            (String) r[1],
                            (String) r[2],
                            OrgType.valueOf((String) r[3]),
                            r[4] == null ? null : FederationLevel.valueOf((String) r[4]),
                            Arrays.asList(((String) r[5]).split(","))));
        }
        return out;
    }

    private Map<Long, List<MediaRecord>> media(List<Long> entryIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select m.entry_id, m.kind, m.title, m.url, f.id, f.file_name, f.content_type, f.size_bytes,
                               f.sha256
                        from entry_media m left join stored_file f on f.id = m.file_id
                        where m.entry_id in (:ids) order by m.entry_id, m.position""")
                .setParameter("ids", entryIds)
                .getResultList();
        Map<Long, List<MediaRecord>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(num(r[0]), k -> new ArrayList<>())
                    .add(new MediaRecord(
                            MediaKind.valueOf((String) r[1]),
                            (String) r[2],
                            (String) r[3],
                            (String) r[5],
                            (String) r[6],
                            r[7] == null ? null : num(r[7]),
                            (String) r[8],
                            null,
                            null,
                            r[4] == null ? null : r[4].toString()));
        }
        return out;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
