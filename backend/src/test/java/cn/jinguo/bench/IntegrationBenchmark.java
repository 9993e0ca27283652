package cn.jinguo.bench;

import static io.restassured.RestAssured.given;

import cn.jinguo.integration.FeedOrder;
import cn.jinguo.integration.WebhookDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The integration API on generated data ({@link ReportData}, plus one ACTIVITY_ACCEPTED feed record per entry: a
 * million records with their orgs' code paths, notice and media): feed throughput paging through all of them as the
 * city platform, and webhooks with a slow receiver — the latency from commit to receipt (dispatcher ticking every
 * second, as in production) and how fast a backlog drains. Not part of `make test`.
 */
@QuarkusTest
@Tag("benchmark")
class IntegrationBenchmark {
    private static final String CLIENT = "bench-platform";
    private static final int SLOW_MS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    AgroalDataSource ds;

    @Inject
    FeedOrder order;

    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void feedAndWebhooks() throws Exception {
        ReportData.Generated data = ReportData.ensure(ds);
        records();
        exec(
                """
                insert into integration_client (client_id, name, org_id, scopes, created_by)
                values ('%s', '压测平台', %d, '{FEED_READ,WEBHOOKS_MANAGE}', 'bench')
                on conflict (client_id) do nothing"""
                        .formatted(CLIENT, data.cityId()));
        String token = Jwt.preferredUserName("service-account-" + CLIENT)
                .issuer(cn.jinguo.support.Api.ISSUER)
                .audience(cn.jinguo.support.Api.AUDIENCE)
                .subject("sa-" + CLIENT)
                .claim("client_id", CLIENT)
                .claim("realm_access", Map.of("roles", List.of()))
                .expiresIn(7200)
                .sign();
        feedThroughput(token, 1000);
        feedThroughput(token, 100);
        webhooks(token);
    }

    /** Pages through the whole feed; records per second and the page latencies. */
    private void feedThroughput(String token, int limit) throws Exception {
        String cursor = null;
        long records = 0;
        List<Long> pageMicros = new ArrayList<>();
        long t0 = System.nanoTime();
        while (true) {
            long p0 = System.nanoTime();
            // a plain HTTP client: the test client's logging filters would print and time every 1.5 MB body
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(root.resolve(
                                    "api/v1/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("feed answered " + response.statusCode());
            String body = response.body();
            pageMicros.add((System.nanoTime() - p0) / 1000);
            JsonNode page;
            try {
                page = JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            records += page.get("items").size();
            cursor = page.get("nextCursor").asText();
            if (!page.get("hasMore").asBoolean()) break;
            if (limit < 1000 && records >= 200_000) break; // small pages: a fifth of the feed says enough
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Collections.sort(pageMicros);
        System.out.printf(
                "BENCH feed, pages of %d: %d records in %.1f s = %.0f records/s; page p50 %.1f ms p99 %.1f ms%n",
                limit,
                records,
                seconds,
                records / seconds,
                pageMicros.get(pageMicros.size() / 2) / 1000.0,
                pageMicros.get(pageMicros.size() * 99 / 100) / 1000.0);
    }

    /** A slow receiver (SLOW_MS per request): latency commit → receipt, and a backlog drained. */
    private void webhooks(String token) throws Exception {
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String occurred = JsonPath.from(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                    .getString("occurredAt");
            latenciesMs.add(
                    Instant.now().toEpochMilli() - Instant.parse(occurred).toEpochMilli());
            try {
                Thread.sleep(SLOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("url", url, "types", List.of("RECEIPT_SIGNED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201);
        AtomicBoolean ticking = new AtomicBoolean(true);
        Thread scheduler = new Thread(() -> {
            while (ticking.get()) {
                order.assign();
                dispatcher.fanOut();
                for (long w : dispatcher.due()) dispatcher.drain(w);
                try {
                    Thread.sleep(1000); // the production schedule
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        scheduler.start();
        // 200 events, one every 50–150 ms, each committed on its own
        String path = single("select path from org where code = '500000'");
        for (int i = 0; i < 200; i++) {
            exec(event(path, "now()"));
            Thread.sleep(50 + (i * 37) % 100);
        }
        while (latenciesMs.size() < 200) Thread.sleep(100);
        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH webhook latency commit → receipt (receiver %d ms, dispatcher every 1 s): p50 %d ms p99 %d ms"
                        + " max %d ms (n=%d)%n",
                SLOW_MS,
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 99 / 100),
                sorted.get(sorted.size() - 1),
                sorted.size());
        ticking.set(false);
        scheduler.join();

        // a backlog of 5,000 events (say, the receiver was down), drained
        latenciesMs.clear();
        exec(
                "insert into integration_event (type, org_path, payload) select 'RECEIPT_SIGNED', '" + path
                        + "', jsonb_build_object('type', 'RECEIPT_SIGNED', 'schemaVersion', 1, 'occurredAt',"
                        + " to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) from generate_series(1, 5000)");
        order.drain();
        long t0 = System.nanoTime();
        dispatcher.fanOut();
        int sent = 0;
        for (long w : dispatcher.due()) sent += dispatcher.drain(w);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "BENCH webhook backlog: %d events drained in %.1f s = %.0f events/s (receiver %d ms, one subscription,"
                        + " in order)%n",
                sent, seconds, sent / seconds, SLOW_MS);
        server.stop(0);
        exec("delete from webhook where owner_client_id = (select id from integration_client where client_id = '"
                + CLIENT + "')");
    }

    private static String event(String path, String at) {
        return "insert into integration_event (type, org_path, payload) values ('RECEIPT_SIGNED', '" + path
                + "', jsonb_build_object('type', 'RECEIPT_SIGNED', 'schemaVersion', 1, 'occurredAt',"
                + " to_char(clock_timestamp() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')))";
    }

    /** One ACTIVITY_ACCEPTED record per entry, as the outbox writes them (once; kept with BENCH_PGDATA). */
    private void records() throws SQLException {
        long have = Long.parseLong(single("select count(*) from integration_event where type = 'ACTIVITY_ACCEPTED'"));
        if (have >= 1_000_000) return;
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(
                    """
                    create temp table bench_org as
                    select o.id, jsonb_build_object('id', o.id::text, 'code', o.code, 'name', o.name, 'type', o.type,
                           'level', o.level, 'path', (select jsonb_agg(a.code order by a.depth) from org a
                           where a.id = any (cast(string_to_array(trim(both '/' from o.path), '/') as bigint[])))) as rec
                    from org o""");
            st.execute("create index on bench_org (id)");
            st.execute(
                    """
                    insert into integration_event (seq, type, occurred_at, org_path, notice_id, payload)
                    select nextval('integration_event_seq_seq'), 'ACTIVITY_ACCEPTED', coalesce(s.reviewed_at, now()),
                           s.org_path, s.notice_id,
                           jsonb_build_object(
                               'type', 'ACTIVITY_ACCEPTED', 'schemaVersion', 1,
                               'occurredAt', to_char(coalesce(s.reviewed_at, now()) at time zone 'utc',
                                                     'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                               'activity', jsonb_build_object(
                                   'entryId', e.id::text, 'originEntryId', e.id::text, 'submissionId', s.id::text,
                                   'revision', s.revision, 'title', e.title, 'heldOn', e.held_on,
                                   'location', e.location, 'participants', e.participants, 'summary', e.summary,
                                   'org', so.rec, 'origin', oo.rec, 'featured', e.featured_at is not null,
                                   'acceptedAt', to_char(coalesce(s.reviewed_at, now()) at time zone 'utc',
                                                         'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                   'acceptedBy', 'city_admin',
                                   'media', coalesce((select jsonb_agg(jsonb_build_object(
                                                'kind', m.kind, 'title', m.title, 'url', m.url, 'fileId', m.file_id::text,
                                                'fileName', f.file_name, 'contentType', f.content_type,
                                                'size', f.size_bytes, 'sha256', f.sha256) order by m.position)
                                            from entry_media m left join stored_file f on f.id = m.file_id
                                            where m.entry_id = e.id), '[]'::jsonb)),
                               'notice', jsonb_build_object(
                                   'id', n.id::text, 'docNumber', n.doc_number, 'title', n.title, 'theme', n.theme,
                                   'issuer', io.rec, 'status', n.status, 'revision', n.revision))
                    from submission_entry e join submission s on s.id = e.submission_id
                    join bench_org so on so.id = s.org_id join bench_org oo on oo.id = e.origin_org_id
                    join notice n on n.id = s.notice_id join bench_org io on io.id = n.issuer_org_id
                    order by e.id""");
            st.execute("analyze integration_event");
        }
        System.out.printf(
                "BENCH generated %s feed records in %d s%n",
                single("select count(*) from integration_event"), (System.nanoTime() - t0) / 1_000_000_000);
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String single(String sql) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
