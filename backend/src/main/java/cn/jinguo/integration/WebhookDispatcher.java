package cn.jinguo.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the outbox to the webhooks. Each run first fans new events out into deliveries (one per event and
 * subscription, by the unique key), then drains every subscription whose oldest open delivery is due: in event order,
 * one request at a time per subscription (an advisory lock held across the request, so two instances never send the same
 * delivery), subscriptions in parallel. A failure (non-2xx, timeout, refused address) is retried with exponential
 * backoff and jitter and holds the line behind it; after the last attempt the delivery is dead (死信) and the line moves
 * on. Each request is signed: Jinguo-Signature: t=&lt;unix seconds&gt;,v1=hex(HMAC-SHA256(secret, t + "." + body)).
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 10_000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    FeedService feed;

    @Inject
    WebhookUrls urls;

    @ConfigProperty(name = "jinguo.public-url")
    String publicUrl;

    @ConfigProperty(name = "jinguo.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "jinguo.webhooks.backoff", defaultValue = "PT10S")
    Duration backoff;

    @ConfigProperty(name = "jinguo.webhooks.max-backoff", defaultValue = "PT1H")
    Duration maxBackoff;

    @ConfigProperty(name = "jinguo.webhooks.max-attempts", defaultValue = "10")
    int maxAttempts;

    @ConfigProperty(name = "jinguo.webhooks.threads", defaultValue = "4")
    int threads;

    /**
     * A subscription that may run (SQL on webhook w and its org o): enabled, and either a platform administrator's or
     * its client's while that client is enabled, still holds WEBHOOKS_MANAGE and FEED_READ, and still covers the org.
     */
    static final String ACTIVE = " " // the text block's lines are stripped: keep a space before it
            + """
            w.enabled and (w.owner_client_id is null or exists (
                select 1 from integration_client c join org co on co.id = c.org_id
                where c.id = w.owner_client_id and c.enabled and 'WEBHOOKS_MANAGE' = any (c.scopes)
                  and 'FEED_READ' = any (c.scopes) and o.path like co.path || '%'))""";

    private final Set<Long> draining = ConcurrentHashMap.newKeySet();
    private ExecutorService pool;
    private HttpClient http;

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "jinguo-webhooks");
                t.setDaemon(true);
                return t;
            });
            http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return pool;
    }

    void stop(@Observes ShutdownEvent ev) {
        if (pool != null) pool.shutdownNow();
    }

    @Scheduled(every = "${jinguo.webhooks.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        fanOut();
        for (long webhook : due()) {
            if (draining.add(webhook)) {
                pool().submit(() -> {
                    try {
                        drain(webhook);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "webhook %d: drain failed", webhook);
                    } finally {
                        draining.remove(webhook);
                    }
                });
            }
        }
    }

    /** New deliveries for every enabled subscription, up to a batch of events each; returns how many. */
    public int fanOut() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> hooks = em.createNativeQuery(
                            """
                            select w.id, w.cursor_seq, array_to_string(w.types, ','), o.path
                            from webhook w join org o on o.id = w.org_id
                            where """
                                    + ACTIVE
                                    + " for update of w skip locked")
                    .getResultList();
            int created = 0;
            for (Object[] h : hooks) {
                long id = ((Number) h[0]).longValue(), cursor = ((Number) h[1]).longValue();
                Object upTo = em.createNativeQuery(
                                """
                                select max(seq) from (select seq from integration_event where seq > :cursor
                                order by seq limit :batch) s""")
                        .setParameter("cursor", cursor)
                        .setParameter("batch", FAN_OUT_BATCH)
                        .getSingleResult();
                if (upTo == null) continue;
                created += em.createNativeQuery(
                                """
                                insert into webhook_delivery (webhook_id, event_seq, status, next_attempt_at)
                                select :w, e.seq, 'PENDING', now() from integration_event e
                                where e.seq > :cursor and e.seq <= :upTo
                                  and e.type = any (string_to_array(:types, ','))
                                  and (e.org_path like :path or (e.type like 'NOTICE%' and exists (
                                      select 1 from receipt r where r.notice_id = e.notice_id and r.org_path like :path)))
                                order by e.seq
                                on conflict on constraint webhook_delivery_uk do nothing""")
                        .setParameter("w", id)
                        .setParameter("cursor", cursor)
                        .setParameter("upTo", upTo)
                        .setParameter("types", h[2])
                        .setParameter("path", h[3] + "%")
                        .executeUpdate();
                em.createNativeQuery("update webhook set cursor_seq = :upTo where id = :w")
                        .setParameter("upTo", upTo)
                        .setParameter("w", id)
                        .executeUpdate();
            }
            return created;
        });
    }

    /** Subscriptions whose oldest open delivery is due now. */
    public List<Long> due() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(
                            """
                            select h.webhook_id from (
                                select distinct on (d.webhook_id) d.webhook_id, d.next_attempt_at
                                from webhook_delivery d join webhook w on w.id = d.webhook_id
                                join org o on o.id = w.org_id
                                where d.status in ('PENDING', 'RETRYING') and """
                                    + ACTIVE
                                    + """
                                order by d.webhook_id, d.event_seq) h
                            where h.next_attempt_at <= now()""")
                    .getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
    }

    /** Sends the subscription's open deliveries in order until one fails or is not due; returns how many were sent. */
    public int drain(long webhookId) {
        int sent = 0;
        while (true) {
            Boolean ok = QuarkusTransaction.requiringNew()
                    .timeout((int) timeout.toSeconds() + 30)
                    .call(() -> {
                        Object[] w = lockWebhook(webhookId);
                        if (w == null) return null;
                        @SuppressWarnings("unchecked")
                        List<Object[]> head = em.createNativeQuery(
                                        """
                                        select d.id, d.next_attempt_at <= now() from webhook_delivery d
                                        where d.webhook_id = :w and d.status in ('PENDING', 'RETRYING')
                                        order by d.event_seq limit 1""")
                                .setParameter("w", webhookId)
                                .getResultList();
                        if (head.isEmpty() || !Boolean.TRUE.equals(head.get(0)[1])) return null;
                        return attempt(((Number) head.get(0)[0]).longValue(), (String) w[0], (String) w[1], false);
                    });
            if (ok == null) return sent;
            sent++;
            if (!ok) return sent;
        }
    }

    /**
     * Sends one delivery now, by hand, whatever its state (redelivery); in the caller's transaction, waiting for a
     * drain of the same subscription to finish so that the two never send or count at once.
     */
    boolean redeliver(long deliveryId) {
        Object[] d = (Object[]) em.createNativeQuery(
                        """
                        select w.id, w.url, w.secret from webhook_delivery d join webhook w on w.id = d.webhook_id
                        where d.id = :d""")
                .setParameter("d", deliveryId)
                .getSingleResult();
        em.createNativeQuery("select pg_advisory_xact_lock(7310003, cast(:w as int))")
                .setParameter("w", ((Number) d[0]).longValue())
                .getSingleResult();
        return attempt(deliveryId, (String) d[1], (String) d[2], true);
    }

    /**
     * The subscription's url and secret if it may run and no one else is sending for it. An advisory lock, not a row
     * lock: it takes no transaction id, so a request held open by a slow receiver never holds back FeedOrder.
     */
    private Object[] lockWebhook(long id) {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(7310003, cast(:w as int))")
                .setParameter("w", id)
                .getSingleResult();
        if (!mine) return null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select w.url, w.secret from webhook w join org o on o.id = w.org_id where w.id = :id and "
                                + ACTIVE)
                .setParameter("id", id)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** One request, its attempt logged and the delivery's state moved; true when the receiver took it (2xx). */
    private boolean attempt(long deliveryId, String url, String secret, boolean manual) {
        Object[] d = (Object[]) em.createNativeQuery(
                        """
                        select d.attempts, e.seq, e.type, e.payload from webhook_delivery d
                        join integration_event e on e.seq = d.event_seq where d.id = :d""")
                .setParameter("d", deliveryId)
                .getSingleResult();
        int attempts = ((Number) d[0]).intValue() + 1;
        String body = body(((Number) d[1]).longValue(), d[3].toString());
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = urls.refusal(url);
        if (error == null) {
            // the whole exchange, body included, within the timeout (a receiver that trickles its answer is cut off)
            var future =
                    http().sendAsync(request(url, secret, body, d, deliveryId), HttpResponse.BodyHandlers.discarding());
            try {
                status = future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .statusCode();
            } catch (java.util.concurrent.TimeoutException e) {
                future.cancel(true);
                error = "timeout";
            } catch (java.util.concurrent.ExecutionException e) {
                // the kind of failure only: a receiver's network must not be mapped through our error texts
                error = e.getCause() instanceof java.net.http.HttpTimeoutException
                        ? "timeout"
                        : e.getCause() instanceof java.net.ConnectException
                                ? "connection refused"
                                : "connection failed";
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        int ms = (int) ((System.nanoTime() - t0) / 1_000_000);
        boolean ok = status != null && status >= 200 && status < 300;
        // A failed redelivery by hand leaves the delivery where it was (delivered, dead or waiting for its retry).
        String failed = attempts < maxAttempts ? "RETRYING" : "DEAD";
        em.createNativeQuery(
                        """
                        insert into webhook_attempt (delivery_id, at, status_code, error, duration_ms, manual)
                        values (:d, :at, :status, :error, :ms, :manual)""")
                .setParameter("d", deliveryId)
                .setParameter("at", at)
                .setParameter("status", status)
                .setParameter("error", error)
                .setParameter("ms", ms)
                .setParameter("manual", manual)
                .executeUpdate();
        em.createNativeQuery(
                        """
                        update webhook_delivery set attempts = :attempts, last_status = :status, last_error = :error,
                               last_attempt_at = :at,
                               status = case when :ok then 'DELIVERED' when :manual then status else :failed end,
                               delivered_at = case when :ok then :at else delivered_at end,
                               next_attempt_at = case when :manual and not :ok then next_attempt_at else :next end
                        where id = :d""")
                .setParameter("attempts", attempts)
                .setParameter("failed", failed)
                .setParameter("manual", manual)
                .setParameter("status", status)
                .setParameter("error", error)
                .setParameter("at", at)
                .setParameter("ok", ok)
                .setParameter("next", ok ? at : at.plus(delay(attempts)))
                .setParameter("d", deliveryId)
                .executeUpdate();
        return ok;
    }

    private HttpRequest request(String url, String secret, String body, Object[] d, long deliveryId) {
        long t = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Jinguo-Webhooks/1")
                .header("Jinguo-Event-Id", d[1].toString())
                .header("Jinguo-Event-Type", (String) d[2])
                .header("Jinguo-Delivery", Long.toString(deliveryId))
                .header("Jinguo-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private HttpClient http() {
        pool();
        return http;
    }

    /** The feed record of the event (same shape as GET /feed), with media links signed for now. */
    private String body(long seq, String payload) {
        try {
            return json.writeValueAsString(
                    feed.record(seq, payload, URI.create(publicUrl + "/api/"), feed.linkExpiry()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exponential backoff from {@code backoff}, capped, with ±20% jitter so retries of many hooks spread out. */
    Duration delay(int attempts) {
        long base = backoff.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
