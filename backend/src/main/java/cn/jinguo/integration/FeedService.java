package cn.jinguo.integration;

import cn.jinguo.account.DataScope;
import cn.jinguo.common.ApiException;
import cn.jinguo.integration.FeedDtos.ActivityRecord;
import cn.jinguo.integration.FeedDtos.FeedHead;
import cn.jinguo.integration.FeedDtos.FeedPage;
import cn.jinguo.integration.FeedDtos.FeedRecord;
import cn.jinguo.integration.FeedDtos.FeedType;
import cn.jinguo.integration.FeedDtos.MediaRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of the feed: the outbox rows with a seq after the cursor, that the caller's subtree covers (an integration
 * client's or a member's), in seq order. A cursor is the last seq read, opaque to clients; a page never skips a row
 * and never repeats one, however writes interleave (see {@link FeedOrder}).
 */
@ApplicationScoped
public class FeedService {
    public static final int MAX_LIMIT = 1000;
    private static final String CURSOR_PREFIX = "v1:";

    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    ObjectMapper json;

    @Inject
    SignedLinks links;

    @Transactional
    public FeedPage page(String cursor, List<FeedType> types, int limit, URI base) {
        if (limit < 1 || limit > MAX_LIMIT) throw ApiException.field("limit", "Range");
        long after = decode(cursor);
        DataScope.Filter own = scope.filter("e.org_path");
        DataScope.Filter received = scope.filter("r.org_path");
        StringBuilder sql = new StringBuilder(
                        "select e.seq, e.payload from integration_event e where e.seq > :after and (")
                .append(own.condition())
                .append(
                        " or (e.type like 'NOTICE%' and exists (select 1 from receipt r where r.notice_id = e.notice_id and ")
                .append(received.condition())
                .append(")))");
        Map<String, Object> params = new HashMap<>(own.params());
        params.put("after", after);
        if (types != null && !types.isEmpty()) {
            sql.append(" and e.type in (:types)");
            params.put("types", types.stream().map(Enum::name).toList());
        }
        sql.append(" order by e.seq limit :limit");
        var query = em.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        Instant expires = links.expiry();
        List<FeedRecord> items = new ArrayList<>(page.size());
        for (Object[] r : page) items.add(record(((Number) r[0]).longValue(), r[1].toString(), base, expires));
        long last = page.isEmpty() ? after : ((Number) page.get(page.size() - 1)[0]).longValue();
        return new FeedPage(items, encode(last), more);
    }

    Instant linkExpiry() {
        return links.expiry();
    }

    /** The cursor at the current end: following from it yields only what is written from now on. */
    @Transactional
    public FeedHead head() {
        Object max =
                em.createNativeQuery("select max(seq) from integration_event").getSingleResult();
        return new FeedHead(encode(max == null ? 0 : ((Number) max).longValue()));
    }

    /** A stored record as served: its position as id, media links signed until {@code expires}. */
    FeedRecord record(long seq, String payload, URI base, Instant expires) {
        FeedRecord stored;
        try {
            stored = json.readValue(payload, FeedRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox row " + seq, e);
        }
        ActivityRecord a = stored.activity();
        if (a != null && !a.media().isEmpty()) a = withLinks(a, base, expires);
        return new FeedRecord(
                Long.toString(seq),
                stored.type(),
                stored.occurredAt(),
                stored.schemaVersion(),
                a,
                stored.notice(),
                stored.receipt());
    }

    private ActivityRecord withLinks(ActivityRecord a, URI base, Instant expires) {
        long epoch = expires.getEpochSecond();
        List<MediaRecord> media = a.media().stream()
                .map(m -> m.fileId() == null
                        ? m
                        : m.signed(
                                base.resolve("v1/feed/files/" + m.fileId() + "?expires=" + epoch + "&signature="
                                                + links.signature(m.fileId(), epoch))
                                        .toString(),
                                expires))
                .toList();
        return new ActivityRecord(
                a.entryId(),
                a.originEntryId(),
                a.sourceEntryId(),
                a.submissionId(),
                a.revision(),
                a.title(),
                a.heldOn(),
                a.heldUntil(),
                a.location(),
                a.participants(),
                a.summary(),
                a.org(),
                a.origin(),
                a.featured(),
                a.acceptedAt(),
                a.acceptedBy(),
                media);
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq a cursor stands for (0: from the beginning); 400 FEED_CURSOR_INVALID for anything not made by us. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!raw.startsWith(CURSOR_PREFIX)) throw new IllegalArgumentException(raw);
            long seq = Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
            if (seq < 0) throw new IllegalArgumentException(raw);
            return seq;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("FEED_CURSOR_INVALID");
        }
    }
}
