package cn.jinguo.integration;

import static cn.jinguo.integration.IntegrationClientTest.asClient;
import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a fake city platform on loopback that checks signatures, answers 500 or too slowly when told
 * to, and de-duplicates by event id as a receiver should.
 */
@QuarkusTest
class WebhookTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    FeedOrder order;

    @Inject
    WebhookDispatcher dispatcher;

    /** The fake platform: every request as received, and what to answer next. */
    static final class Receiver {
        record Request(String eventId, String type, String signature, String body, boolean genuine) {}

        final HttpServer server;
        final List<Request> received = Collections.synchronizedList(new ArrayList<>());
        final Set<String> processed = Collections.synchronizedSet(new LinkedHashSet<>());
        volatile IntSupplier answer = () -> 200;
        volatile long delayMs;
        volatile String secret;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String sig = exchange.getRequestHeaders().getFirst("Jinguo-Signature");
                String id = exchange.getRequestHeaders().getFirst("Jinguo-Event-Id");
                received.add(new Request(
                        id, exchange.getRequestHeaders().getFirst("Jinguo-Event-Type"), sig, body, genuine(sig, body)));
                try {
                    if (delayMs > 0) Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int status = answer.getAsInt();
                if (status == 200 && genuine(sig, body)) processed.add(id); // a receiver de-duplicates by event id
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
        }

        boolean genuine(String header, String body) {
            if (header == null || secret == null) return false;
            String t = header.replaceAll("^t=(\\d+),v1=.*$", "$1");
            String v1 = header.replaceAll("^.*v1=([0-9a-f]+)$", "$1");
            boolean fresh = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
            return fresh && WebhookDispatcher.sign(secret, t + "." + body).equals(v1);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<String> eventIds() {
            synchronized (received) {
                return received.stream().map(Request::eventId).toList();
            }
        }
    }

    private Receiver receiver;
    private String client;

    @BeforeEach
    void setUp() throws Exception {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        receiver = new Receiver();
        client = "hooks-" + System.nanoTime() % 100_000_000;
        as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of(
                        "clientId",
                        client,
                        "name",
                        client,
                        "orgId",
                        Api.orgId(ds, DemoOrgs.CITY),
                        "scopes",
                        List.of("WEBHOOKS_MANAGE", "FEED_READ")))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(201);
    }

    @AfterEach
    void tearDown() {
        receiver.server.stop(0);
        // its receiver is gone: no later test should wait on it
        Api.exec(
                ds,
                "delete from webhook where owner_client_id = (select id from integration_client where client_id = ?)",
                client);
    }

    private String subscribe(List<String> types) {
        JsonPath created = asClient(client)
                .body(Map.of("url", receiver.url(), "types", types))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("webhook.orgId", equalTo(Api.orgId(ds, DemoOrgs.CITY)))
                .extract()
                .jsonPath();
        receiver.secret = created.getString("secret");
        return created.getString("webhook.id");
    }

    /** Runs the dispatcher as its schedule would until nothing is due (or a bound is reached). */
    private void dispatch() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            order.assign();
            dispatcher.fanOut();
            int sent = 0;
            for (long w : dispatcher.due()) sent += dispatcher.drain(w);
            long open = Api.count(ds, "select count(*) from webhook_delivery where status in ('PENDING', 'RETRYING')");
            if (sent == 0 && open == 0) return;
            Thread.sleep(60);
        }
    }

    private String publish(String title) {
        return Reports.publish(ds, "city_admin", DemoOrgs.CITY, title, Notices.allDistricts());
    }

    @Test
    void eventsArriveSignedInOrderAndOnlyTheSubscribedTypes() throws Exception {
        String hook = subscribe(List.of("NOTICE_PUBLISHED", "RECEIPT_SIGNED"));
        String first = publish("推送测试一");
        String second = publish("推送测试二");
        as("district_admin")
                .post("/api/v1/inbox/" + Reports.receipt(ds, first, DemoOrgs.DISTRICT) + "/sign")
                .then()
                .statusCode(200);
        dispatch();

        List<Receiver.Request> got = List.copyOf(receiver.received);
        assertEquals(
                List.of("NOTICE_PUBLISHED", "NOTICE_PUBLISHED", "RECEIPT_SIGNED"),
                got.stream().map(Receiver.Request::type).toList());
        assertTrue(got.stream().allMatch(Receiver.Request::genuine), "every request carries a valid signature");
        List<Long> ids = got.stream().map(r -> Long.parseLong(r.eventId())).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "in feed order");
        assertEquals(first, JsonPath.from(got.get(0).body()).getString("notice.id"));
        assertEquals(second, JsonPath.from(got.get(1).body()).getString("notice.id"));
        assertEquals(got.get(0).eventId(), JsonPath.from(got.get(0).body()).getString("id"));
        asClient(client)
                .get("/api/v1/webhooks/" + hook + "/deliveries")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED", "DELIVERED")))
                .body("items[0].log[0].statusCode", equalTo(200));
    }

    @Test
    void failuresAreRetriedInOrderThenDeadLetteredAndRedeliveryDoesNotDuplicate() throws Exception {
        String hook = subscribe(List.of("NOTICE_PUBLISHED"));
        // the first two answers are 500, the third too slow (the test timeout is 1 s), then 200
        AtomicInteger calls = new AtomicInteger();
        receiver.answer = () -> calls.incrementAndGet() <= 2 ? 500 : 200;
        publish("重试测试一");
        publish("重试测试二");
        dispatch();
        List<String> ids = receiver.eventIds();
        // the first event three times (500, 500, 200), then the second: never the second before the first
        assertEquals(4, ids.size());
        assertEquals(List.of(ids.get(0), ids.get(0), ids.get(0)), ids.subList(0, 3));
        assertTrue(Long.parseLong(ids.get(3)) > Long.parseLong(ids.get(0)));
        assertEquals(2, receiver.processed.size());

        // a receiver too slow for the timeout: retried, then taken
        receiver.received.clear();
        AtomicInteger slow = new AtomicInteger();
        receiver.answer = () -> 200;
        receiver.delayMs = 1500;
        publish("超时测试");
        order.assign();
        dispatcher.fanOut();
        for (long w : dispatcher.due()) dispatcher.drain(w);
        receiver.delayMs = 0;
        slow.set(1);
        dispatch();
        JsonPath log = asClient(client)
                .get("/api/v1/webhooks/" + hook + "/deliveries?size=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("DELIVERED", log.getString("items[0].status"));
        assertEquals("timeout", log.getString("items[0].log[0].error"));
        assertNull(log.get("items[0].log[0].statusCode"));

        // always 500: dead after the last attempt (4 in tests), and the line moves on
        receiver.answer = () -> 500;
        publish("死信测试");
        dispatch();
        asClient(client)
                .get("/api/v1/webhooks/" + hook + "/deliveries?status=DEAD")
                .then()
                .body("total", equalTo(1))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].log.statusCode", equalTo(List.of(500, 500, 500, 500)));
        asClient(client)
                .get("/api/v1/webhooks/" + hook)
                .then()
                .body("dead", equalTo(1))
                .body("pending", equalTo(0));

        // redelivery by hand: the dead letter, then an already delivered one; the receiver processes each event once
        receiver.answer = () -> 200;
        String dead = asClient(client)
                .get("/api/v1/webhooks/" + hook + "/deliveries?status=DEAD")
                .then()
                .extract()
                .path("items[0].id");
        asClient(client)
                .post("/api/v1/webhooks/" + hook + "/deliveries/" + dead + "/redeliver")
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("log[-1].manual", equalTo(true));
        String delivered = asClient(client)
                .get("/api/v1/webhooks/" + hook + "/deliveries?status=DELIVERED&size=200")
                .then()
                .extract()
                .path("items[-1].id");
        int before = receiver.processed.size();
        asClient(client)
                .post("/api/v1/webhooks/" + hook + "/deliveries/" + delivered + "/redeliver")
                .then()
                .statusCode(200);
        assertEquals(before, receiver.processed.size(), "a redelivered event is the same event");
        assertEquals(
                Api.count(
                        ds,
                        "select count(distinct event_seq) from webhook_delivery where webhook_id = ?",
                        Long.parseLong(hook)),
                Api.count(ds, "select count(*) from webhook_delivery where webhook_id = ?", Long.parseLong(hook)));
    }

    @Test
    void subscriptionsAreTheirOwnersAndAddressesAreChecked() {
        String hook = subscribe(List.of("NOTICE_PUBLISHED"));
        String other = "other-" + System.nanoTime() % 100_000_000;
        as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of(
                        "clientId",
                        other,
                        "name",
                        other,
                        "orgId",
                        Api.orgId(ds, DemoOrgs.DISTRICT),
                        "scopes",
                        List.of("WEBHOOKS_MANAGE", "FEED_READ")))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(201);
        asClient(other).get("/api/v1/webhooks/" + hook).then().statusCode(404);
        asClient(other).get("/api/v1/webhooks").then().statusCode(200).body("total", equalTo(0));
        // a client cannot subscribe above its own subtree
        asClient(other)
                .body(Map.of(
                        "url",
                        receiver.url(),
                        "types",
                        List.of("NOTICE_PUBLISHED"),
                        "orgId",
                        Api.orgId(ds, DemoOrgs.CITY)))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422);
        as("city_admin").get("/api/v1/webhooks").then().statusCode(403);
        as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/webhooks/" + hook)
                .then()
                .statusCode(200);
        asClient(client)
                .body(Map.of("url", "ftp://example.cn/x", "types", List.of("NOTICE_PUBLISHED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422)
                .body("code", equalTo("WEBHOOK_URL_HTTPS"));
        asClient(client)
                .body(Map.of("url", receiver.url(), "types", List.of()))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        asClient(client)
                .header("If-Match", "\"9\"")
                .body(Map.of("url", receiver.url(), "types", List.of("RECEIPT_SIGNED"), "enabled", false))
                .put("/api/v1/webhooks/" + hook)
                .then()
                .statusCode(412);
        asClient(client).get("/api/v1/webhooks/" + hook).then().body("types", equalTo(List.of("NOTICE_PUBLISHED")));
    }

    @Test
    void aClientThatMayNoLongerReadTheFeedGetsNothingPushed() throws Exception {
        subscribe(List.of("NOTICE_PUBLISHED"));
        String id = as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/integration-clients?q=" + client)
                .then()
                .extract()
                .path("items[0].id");
        // FEED_READ taken away: its subscription stops; a client without it cannot subscribe either
        as("platform_admin", "PLATFORM_ADMIN")
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "name",
                        client,
                        "orgId",
                        Api.orgId(ds, DemoOrgs.CITY),
                        "scopes",
                        List.of("WEBHOOKS_MANAGE"),
                        "enabled",
                        true))
                .put("/api/v1/integration-clients/" + id)
                .then()
                .statusCode(200);
        publish("权限收回后的通知");
        dispatch();
        assertTrue(receiver.received.isEmpty(), "nothing is pushed once the client may not read the feed");
        asClient(client)
                .body(Map.of("url", receiver.url(), "types", List.of("NOTICE_PUBLISHED")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403)
                .body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
    }

    @Test
    void internalAddressesAndPlainHttpAreRefusedUnlessAllowed() {
        assertEquals("WEBHOOK_URL_HTTPS", WebhookUrls.refusal("http://platform.example.cn/hook", false, false));
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://10.1.2.3/hook",
                "https://192.168.0.8/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook")) {
            assertEquals("WEBHOOK_URL_PRIVATE", WebhookUrls.refusal(url, false, false), url);
        }
        assertNull(WebhookUrls.refusal("https://8.8.8.8/hook", false, false));
        assertNull(WebhookUrls.refusal("http://127.0.0.1:9/hook", true, true));
        assertEquals("WEBHOOK_URL_INVALID", WebhookUrls.refusal("https://user:pw@8.8.8.8/hook", false, false));
        assertFalse(WebhookUrls.refusal("not a url", false, false) == null);
    }
}
