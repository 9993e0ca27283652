package cn.jinguo.integration;

import static cn.jinguo.integration.IntegrationClientTest.asClient;
import static cn.jinguo.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changes feed: the records, their scope, paging without loss or repeats, signed media links. */
@QuarkusTest
class FeedTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    FeedOrder order;

    private String cityClient;
    private String districtClient;

    @BeforeEach
    void clients() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
        cityClient = register(DemoOrgs.CITY, List.of("FEED_READ"));
        districtClient = register(DemoOrgs.DISTRICT, List.of("FEED_READ"));
    }

    private String register(String orgCode, List<String> scopes) {
        String clientId = "feed-" + orgCode + "-" + System.nanoTime() % 100_000_000;
        as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("clientId", clientId, "name", clientId, "orgId", Api.orgId(ds, orgCode), "scopes", scopes))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(201);
        return clientId;
    }

    /** Every record after {@code cursor} of the given type, paging by {@code limit}. */
    private List<Map<String, Object>> readAll(String clientId, String cursor, String type, int limit) {
        order.assign();
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            JsonPath page = asClient(clientId)
                    .queryParam("limit", limit)
                    .queryParam("types", type)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) return all;
        }
    }

    private String head(String clientId) {
        order.assign();
        return asClient(clientId)
                .get("/api/v1/feed/head")
                .then()
                .statusCode(200)
                .extract()
                .path("cursor");
    }

    @Test
    void anAcceptedPackageBecomesActivityRecordsWithSignedMediaLinks() {
        String start = head(cityClient);
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "订阅测试通知", Notices.allDistricts());
        String pkg = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        Reports.fillAndSubmit(ds, "district_admin", pkg, DemoOrgs.DISTRICT, "订阅的活动");
        // nothing before acceptance
        assertTrue(readAll(cityClient, start, "ACTIVITY_ACCEPTED", 100).isEmpty());
        as("city_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + pkg + "/review")
                .then()
                .statusCode(200);

        List<Map<String, Object>> records = readAll(cityClient, start, "ACTIVITY_ACCEPTED", 100);
        assertEquals(1, records.size());
        JsonPath r = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(records.get(0))
                .toString());
        assertEquals(1, r.getInt("schemaVersion"));
        assertEquals("订阅的活动", r.getString("activity.title"));
        assertEquals(pkg, r.getString("activity.submissionId"));
        assertEquals(r.getString("activity.entryId"), r.getString("activity.originEntryId"));
        assertEquals(List.of(DemoOrgs.CITY, DemoOrgs.DISTRICT), r.getList("activity.org.path"));
        assertEquals(DemoOrgs.DISTRICT, r.getString("activity.origin.code"));
        assertEquals("city_admin", r.getString("activity.acceptedBy"));
        assertNotNull(r.getString("notice.docNumber"));
        assertEquals(notice, r.getString("notice.id"));
        assertEquals(3, r.getList("activity.media").size());
        String url = r.getString("activity.media[0].downloadUrl");
        String fileId = r.getString("activity.media[0].fileId");

        // the link needs no token; its bytes are the file's
        String path = url.substring(url.indexOf("/api/v1/feed/files/"));
        byte[] viaLink = given().get(path).then().statusCode(200).extract().asByteArray();
        byte[] viaApi = as("district_admin")
                .get("/api/v1/files/" + fileId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(viaApi, viaLink);
        given().get(path.replaceAll("signature=[^&]+", "signature=forged"))
                .then()
                .statusCode(403);
        given().get(path.replaceAll("expires=\\d+", "expires=1")).then().statusCode(403);
        // a district client reads its own activity; the sibling district's client does not
        assertEquals(1, readAll(districtClient, start, "ACTIVITY_ACCEPTED", 100).size());
        String sibling = register(DemoOrgs.SIBLING_DISTRICT, List.of("FEED_READ"));
        assertTrue(readAll(sibling, start, "ACTIVITY_ACCEPTED", 100).isEmpty());
        // the notice's publication reaches its recipients' clients too
        assertEquals(
                List.of(notice),
                readAll(sibling, start, "NOTICE_PUBLISHED", 100).stream()
                        .map(m -> ((Map<?, ?>) m.get("notice")).get("id"))
                        .toList());
    }

    @Test
    void badCursorsLimitsAndMissingScopeAre4xx() {
        asClient(cityClient)
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/feed")
                .then()
                .statusCode(400)
                .body("code", equalTo("FEED_CURSOR_INVALID"));
        asClient(cityClient).queryParam("limit", 0).get("/api/v1/feed").then().statusCode(400);
        asClient(cityClient)
                .queryParam("limit", 1001)
                .get("/api/v1/feed")
                .then()
                .statusCode(400);
        asClient(cityClient)
                .queryParam("types", "EVERYTHING")
                .get("/api/v1/feed")
                .then()
                .statusCode(400);
        String noFeed = register(DemoOrgs.CITY, List.of("NOTICES_READ"));
        asClient(noFeed).get("/api/v1/feed").then().statusCode(403).body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
        // people read the feed of their own subtree
        as("district_admin").get("/api/v1/feed/head").then().statusCode(200);
    }

    /** A row written by a transaction that commits late is never skipped by a reader that went past its id. */
    @Test
    void aLateCommitIsNotSkipped() throws Exception {
        String start = head(cityClient);
        String path = Api.queryString(ds, "select path from org where code = ?", DemoOrgs.CITY);
        try (Connection slow = ds.getConnection()) {
            slow.setAutoCommit(false);
            long early = insertEvent(slow, path);
            long late;
            try (Connection fast = ds.getConnection()) {
                late = insertEvent(fast, path);
            }
            assertTrue(late > early);
            order.assign();
            assertNull(seq(late), "a row must wait for the transactions that may still add smaller ids");
            List<Map<String, Object>> before = readAll(cityClient, start, "RECEIPT_SIGNED", 100);
            slow.commit();
            order.assign();
            assertTrue(seq(early) < seq(late));
            List<Map<String, Object>> after = readAll(cityClient, start, "RECEIPT_SIGNED", 100);
            assertEquals(before.size() + 2, after.size());
        }
    }

    /** Writers and a reader at once: the reader ends with every row exactly once, in seq order. */
    @Test
    void concurrentWritesAreReadExactlyOnce() throws Exception {
        String start = head(cityClient);
        String path = Api.queryString(ds, "select path from org where code = ?", DemoOrgs.CITY);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed);
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < 60; i++) {
                        long id = insertEvent(c, path);
                        if (random.nextInt(3) == 0) Thread.sleep(random.nextInt(15));
                        c.commit();
                        written.add(id);
                    }
                }
                return null;
            }));
        }
        List<Long> seen = new ArrayList<>();
        Future<?> reader = pool.submit(() -> {
            String cursor = start;
            while (true) {
                boolean last = !writing.get();
                order.assign();
                JsonPath page = asClient(cityClient)
                        .queryParam("limit", 17)
                        .queryParam("types", "RECEIPT_SIGNED")
                        .queryParam("cursor", cursor)
                        .get("/api/v1/feed")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                page.getList("items.receipt.id", String.class).forEach(id -> seen.add(Long.parseLong(id)));
                cursor = page.getString("nextCursor");
                if (last && !page.getBoolean("hasMore")) return null;
            }
        });
        for (Future<?> f : writers) f.get(60, TimeUnit.SECONDS);
        writing.set(false);
        reader.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(240, written.size());
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no record twice");
        assertTrue(new HashSet<>(seen).containsAll(written), "no record lost");
        assertFalse(seen.isEmpty());
    }

    /** Inserts a RECEIPT_SIGNED row whose receipt id is a unique marker (the event's own id) on {@code c}. */
    private static long insertEvent(Connection c, String orgPath) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                """
                insert into integration_event (type, org_path, payload)
                values ('RECEIPT_SIGNED', ?, '{"type": "RECEIPT_SIGNED", "schemaVersion": 1}') returning id""")) {
            ps.setString(1, orgPath);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement u = c.prepareStatement(
                        "update integration_event set payload = jsonb_set(payload, '{receipt}', jsonb_build_object('id', ?::text)) where id = ?")) {
                    u.setLong(1, id);
                    u.setLong(2, id);
                    u.executeUpdate();
                }
                return id;
            }
        }
    }

    private Long seq(long id) {
        String v = Api.queryString(ds, "select seq from integration_event where id = ?", id);
        return v == null ? null : Long.parseLong(v);
    }
}
