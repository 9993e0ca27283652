package cn.jinguo.integration;

import cn.jinguo.account.Caller;
import cn.jinguo.account.ClientScope;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.SqlValues;
import cn.jinguo.common.Versioned;
import cn.jinguo.integration.FeedDtos.FeedType;
import cn.jinguo.integration.WebhookDtos.AttemptView;
import cn.jinguo.integration.WebhookDtos.DeliveryPage;
import cn.jinguo.integration.WebhookDtos.DeliveryStatus;
import cn.jinguo.integration.WebhookDtos.DeliveryView;
import cn.jinguo.integration.WebhookDtos.WebhookCreate;
import cn.jinguo.integration.WebhookDtos.WebhookCreated;
import cn.jinguo.integration.WebhookDtos.WebhookPage;
import cn.jinguo.integration.WebhookDtos.WebhookUpdate;
import cn.jinguo.integration.WebhookDtos.WebhookView;
import cn.jinguo.org.Org;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Webhook subscriptions. An integration client with WEBHOOKS_MANAGE manages its own, for events of its subtree;
 * platform administrators manage all of them; anyone else is refused. A new subscription starts at the outbox's
 * current end (it is not sent the history: the feed has it). Changes are audited.
 */
@ApplicationScoped
public class WebhookService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    DataScope scope;

    @Inject
    AuditLog audit;

    @Inject
    WebhookUrls urls;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    FeedOrder order;

    @Transactional
    public WebhookPage list() {
        Caller.Client client = requireManager();
        var query = em.createQuery(
                "select w from Webhook w join fetch w.org left join fetch w.owner"
                        + (client == null ? "" : " where w.owner.id = :c")
                        + " order by w.id",
                Webhook.class);
        if (client != null) query.setParameter("c", client.id());
        List<Webhook> hooks = query.getResultList();
        Map<Long, long[]> counts = counts(hooks.stream().map(w -> w.id).toList());
        return new WebhookPage(hooks.stream().map(w -> view(w, counts)).toList(), hooks.size());
    }

    @Transactional
    public WebhookView get(String id) {
        Webhook w = find(id);
        return view(w, counts(List.of(w.id)));
    }

    @Transactional
    public WebhookCreated create(@NotNull @Valid WebhookCreate in) {
        Caller.Client client = requireManager();
        checkUrl(in.url());
        Webhook w = new Webhook();
        w.owner = client == null ? null : em.find(IntegrationClient.class, client.id());
        w.org = org(client, in.orgId());
        w.url = in.url().strip();
        w.types = names(in.types());
        w.secret = newSecret();
        // From now on: what has settled so far is ordered first, so that it falls before the starting point (a change
        // still committing may land either side).
        order.drain();
        Object head = em.createNativeQuery("select coalesce(max(seq), 0) from integration_event")
                .getSingleResult();
        w.cursorSeq = ((Number) head).longValue();
        w.createdBy = caller.username();
        w.updatedAt = Instant.now();
        em.persist(w);
        em.flush();
        record(w, "integration.webhook.create", "新建推送 " + w.url + "：" + String.join("、", w.types));
        return new WebhookCreated(view(w, Map.of()), w.secret);
    }

    @Transactional
    public WebhookView update(String id, String ifMatch, @NotNull @Valid WebhookUpdate in) {
        Webhook w = find(id);
        Versioned.requireMatch(ifMatch, w.version);
        checkUrl(in.url());
        w.url = in.url().strip();
        w.types = names(in.types());
        w.enabled = in.enabled();
        w.updatedAt = Instant.now();
        em.flush();
        record(w, "integration.webhook.update", "修改推送 " + w.url + (w.enabled ? "" : "（已停用）"));
        return view(w, counts(List.of(w.id)));
    }

    @Transactional
    public WebhookCreated rotateSecret(String id, String ifMatch) {
        Webhook w = find(id);
        Versioned.checkMatch(ifMatch, w.version);
        w.secret = newSecret();
        w.updatedAt = Instant.now();
        em.flush();
        record(w, "integration.webhook.secret", "更换推送 " + w.url + " 的签名密钥");
        return new WebhookCreated(view(w, counts(List.of(w.id))), w.secret);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        Webhook w = find(id);
        Versioned.requireMatch(ifMatch, w.version);
        record(w, "integration.webhook.delete", "删除推送 " + w.url);
        em.remove(w);
    }

    @Transactional
    public DeliveryPage deliveries(String id, DeliveryStatus status, Paging paging) {
        Webhook w = find(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select d.id, d.event_seq, e.type, d.status, d.attempts, d.next_attempt_at, d.last_status,
                               d.last_error, d.delivered_at, count(*) over ()
                        from webhook_delivery d join integration_event e on e.seq = d.event_seq
                        where d.webhook_id = :w and (cast(:status as text) is null or d.status = :status)
                        order by d.event_seq desc limit :limit offset :offset""")
                .setParameter("w", w.id)
                .setParameter("status", status == null ? null : status.name())
                .setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        Map<Long, List<AttemptView>> log =
                attempts(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<DeliveryView> items = new ArrayList<>();
        for (Object[] r : rows) items.add(delivery(r, log));
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[9]).longValue();
        return new DeliveryPage(items, total, paging.page(), paging.size());
    }

    /** Sends the delivery again now (by hand), whatever its state; the receiver gets the same event id again. */
    @Transactional
    public DeliveryView redeliver(String id, String deliveryId) {
        Webhook w = find(id);
        Long key = Ids.parseOrNull(deliveryId);
        Number owner = key == null
                ? null
                : (Number) em.createNativeQuery("select webhook_id from webhook_delivery where id = :d")
                        .setParameter("d", key)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (owner == null || owner.longValue() != w.id)
            throw ApiException.notFound("WEBHOOK_DELIVERY_NOT_FOUND", deliveryId);
        dispatcher.redeliver(key);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select d.id, d.event_seq, e.type, d.status, d.attempts, d.next_attempt_at, d.last_status,
                               d.last_error, d.delivered_at, 1
                        from webhook_delivery d join integration_event e on e.seq = d.event_seq where d.id = :d""")
                .setParameter("d", key)
                .getResultList();
        return delivery(rows.get(0), attempts(List.of(key)));
    }

    /**
     * The calling integration client, or null for a platform administrator; 403 for anyone else. Webhooks carry the
     * feed's records, so a client needs FEED_READ as well as WEBHOOKS_MANAGE (which its scope filter checked).
     */
    private Caller.Client requireManager() {
        Caller.Client client = caller.client();
        if (client == null && !scope.unrestricted())
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.PLATFORM_ADMIN.key);
        if (client != null && !client.scopes().contains(ClientScope.FEED_READ))
            throw ApiException.forbidden("CLIENT_SCOPE_REQUIRED", "/api/v1/webhooks", ClientScope.FEED_READ.name());
        return client;
    }

    private Webhook find(String id) {
        Caller.Client client = requireManager();
        Long key = Ids.parseOrNull(id);
        Webhook w = key == null ? null : em.find(Webhook.class, key);
        if (w == null || (client != null && (w.owner == null || w.owner.id != client.id())))
            throw ApiException.notFound("WEBHOOK_NOT_FOUND", id);
        return w;
    }

    /** A client's own org by default, or an org within its subtree; a platform administrator names one. */
    private Org org(Caller.Client client, String orgId) {
        if (orgId == null || orgId.isBlank()) {
            if (client == null) throw ApiException.field("orgId", "NotBlank");
            return em.find(Org.class, client.orgId());
        }
        Long key = Ids.parseOrNull(orgId);
        Org org = key == null ? null : em.find(Org.class, key);
        if (org == null || (client != null && !org.path.startsWith(client.orgPath())))
            throw ApiException.rule("ORG_NOT_FOUND", orgId);
        return org;
    }

    private void checkUrl(String url) {
        String refusal = urls.refusal(url.strip());
        if (refusal != null) throw ApiException.rule(refusal, url);
    }

    private void record(Webhook w, String action, String summary) {
        audit.record(
                action,
                "webhook",
                w.id,
                w.org.id,
                w.org.path,
                summary,
                Map.of("url", w.url, "types", List.of(w.types), "enabled", w.enabled));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String[] names(List<FeedType> types) {
        return new TreeSet<>(types.stream().map(Enum::name).toList()).toArray(String[]::new);
    }

    /** Per subscription: open deliveries, dead ones, and the last delivered time (epoch ms, 0 for none). */
    private Map<Long, long[]> counts(List<Long> ids) {
        Map<Long, long[]> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select webhook_id, count(*) filter (where status in ('PENDING', 'RETRYING')),
                               count(*) filter (where status = 'DEAD'),
                               coalesce(extract(epoch from max(delivered_at)) * 1000, 0)
                        from webhook_delivery where webhook_id in (:ids) group by webhook_id""")
                .setParameter("ids", ids)
                .getResultList();
        rows.forEach(r -> out.put(
                ((Number) r[0]).longValue(),
                new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()}));
        return out;
    }

    private Map<Long, List<AttemptView>> attempts(List<Long> deliveryIds) {
        Map<Long, List<AttemptView>> out = new HashMap<>();
        if (deliveryIds.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select delivery_id, at, status_code, error, duration_ms, manual from (
                            select a.*, row_number() over (partition by delivery_id order by id desc) as n
                            from webhook_attempt a where delivery_id in (:ids)) x
                        where n <= 10 order by delivery_id, id""")
                .setParameter("ids", deliveryIds)
                .getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new AttemptView(
                            SqlValues.instant(r[1]),
                            r[2] == null ? null : ((Number) r[2]).intValue(),
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            Boolean.TRUE.equals(r[5])));
        }
        return out;
    }

    private static DeliveryView delivery(Object[] r, Map<Long, List<AttemptView>> log) {
        long id = ((Number) r[0]).longValue();
        return new DeliveryView(
                Long.toString(id),
                r[1].toString(),
                FeedType.valueOf((String) r[2]),
                DeliveryStatus.valueOf((String) r[3]),
                ((Number) r[4]).intValue(),
                SqlValues.instant(r[5]),
                r[6] == null ? null : ((Number) r[6]).intValue(),
                (String) r[7],
                SqlValues.instant(r[8]),
                log.getOrDefault(id, List.of()));
    }

    private WebhookView view(Webhook w, Map<Long, long[]> counts) {
        long[] c = counts.getOrDefault(w.id, new long[3]);
        return new WebhookView(
                w.id.toString(),
                w.url,
                Arrays.stream(w.types).map(FeedType::valueOf).toList(),
                w.org.id.toString(),
                w.org.name,
                w.owner == null ? null : w.owner.clientId,
                w.enabled,
                c[0],
                c[1],
                c[2] == 0 ? null : Instant.ofEpochMilli(c[2]),
                w.createdBy,
                w.createdAt == null ? w.updatedAt : w.createdAt,
                w.updatedAt,
                w.version);
    }
}
