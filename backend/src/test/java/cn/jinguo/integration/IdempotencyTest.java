package cn.jinguo.integration;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Files;
import cn.jinguo.support.Notices;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on POST: a retry gets the first answer byte for byte and runs nothing again; a key is the
 * caller's own, bound to one request, remembered 24 hours; server errors are not remembered.
 */
@QuarkusTest
class IdempotencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @Inject
    IdempotencyKeys keys;

    String city;
    String district;

    @BeforeEach
    void setUp() {
        city = Api.orgId(ds, DemoOrgs.CITY);
        district = Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    private static String newKey() {
        return "test-" + UUID.randomUUID();
    }

    private String noticeBody(String issuerOrgId, String title) throws Exception {
        return JSON.writeValueAsString(Notices.draft(issuerOrgId, title, Notices.directChildren()));
    }

    private static Response post(String user, String key, String path, String body) {
        RequestSpecification r = as(user);
        if (key != null) r = r.header(IdempotencyFilter.HEADER, key);
        return r.body(body).post(path);
    }

    private long notices(String title) {
        return Api.count(ds, "select count(*) from notice where title = ?", title);
    }

    private long rows(String user, String key) {
        return Api.count(ds, "select count(*) from idempotency_key where principal = ? and idem_key = ?", user, key);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
        String title = "幂等重放 " + UUID.randomUUID();
        String body = noticeBody(city, title);
        String key = newKey();

        Response first = post("city_admin", key, "/api/v1/notices", body);
        first.then().statusCode(201).header(IdempotencyFilter.REPLAYED, nullValue());
        String id = first.path("id");
        Response again = post("city_admin", key, "/api/v1/notices", body);

        again.then().statusCode(201).header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertArrayEquals(first.asByteArray(), again.asByteArray(), "the body, byte for byte");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.header("Content-Type"), again.header("Content-Type"));
        assertEquals(id, again.path("id"));
        assertEquals(1, notices(title), "one notice");
        assertEquals(
                1,
                Api.count(ds, "select count(*) from audit_event where action = 'notice.create' and target_id = ?", id),
                "one audit event");
        // A third time, still the same.
        assertArrayEquals(
                first.asByteArray(),
                post("city_admin", key, "/api/v1/notices", body).asByteArray());
    }

    @Test
    void withoutAKeyEveryPostRuns() throws Exception {
        String title = "无幂等键 " + UUID.randomUUID();
        String body = noticeBody(city, title);
        Response plain = post("city_admin", null, "/api/v1/notices", body);
        plain.then().statusCode(201);
        post("city_admin", null, "/api/v1/notices", body).then().statusCode(201);
        assertEquals(2, notices(title));
        // A key changes nothing in how the first answer looks.
        Response keyed = post("city_admin", newKey(), "/api/v1/notices", body);
        assertEquals(plain.header("Content-Type"), keyed.header("Content-Type"));
        assertEquals(3, notices(title));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() throws Exception {
        String key = newKey();
        String title = "幂等原请求 " + UUID.randomUUID();
        String other = "幂等另一请求 " + UUID.randomUUID();
        post("city_admin", key, "/api/v1/notices", noticeBody(city, title))
                .then()
                .statusCode(201);

        post("city_admin", key, "/api/v1/notices", noticeBody(city, other))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
                .header(IdempotencyFilter.REPLAYED, nullValue());
        assertEquals(0, notices(other));
        assertEquals(1, notices(title));
    }

    @Test
    void theSameKeyOnAnotherPathIs422() throws Exception {
        String key = newKey();
        String body = noticeBody(city, "幂等路径 " + UUID.randomUUID());
        post("city_admin", key, "/api/v1/notices", body).then().statusCode(201);

        post("city_admin", key, "/api/v1/notices/recipients/preview", body)
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // The query is part of the request too.
        post("city_admin", key, "/api/v1/notices?x=1", body)
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = newKey();
        String cityTitle = "市级幂等 " + UUID.randomUUID();
        String districtTitle = "区级幂等 " + UUID.randomUUID();
        post("city_admin", key, "/api/v1/notices", noticeBody(city, cityTitle))
                .then()
                .statusCode(201);

        // Another user's same key is another key: its own request runs.
        post("district_admin", key, "/api/v1/notices", noticeBody(district, districtTitle))
                .then()
                .statusCode(201)
                .header(IdempotencyFilter.REPLAYED, nullValue());
        assertEquals(1, notices(cityTitle));
        assertEquals(1, notices(districtTitle));
        assertEquals(1, rows("city_admin", key));
        assertEquals(1, rows("district_admin", key));
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnce() throws Exception {
        String title = "并发幂等 " + UUID.randomUUID();
        String body = noticeBody(city, title);
        String key = newKey();
        int n = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post("city_admin", key, "/api/v1/notices", body);
                }));
            }
            go.countDown();
            int created = 0;
            String firstId = null;
            for (Future<Response> f : answers) {
                Response r = f.get();
                if (r.statusCode() == 201 && r.header(IdempotencyFilter.REPLAYED) == null) {
                    created++;
                    firstId = r.path("id");
                } else if (r.statusCode() == 201) {
                    assertEquals("true", r.header(IdempotencyFilter.REPLAYED));
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertEquals("IDEMPOTENCY_IN_PROGRESS", r.path("code"));
                    assertNotNull(r.header("Retry-After"));
                }
            }
            assertEquals(1, created, "exactly one request ran");
            assertNotNull(firstId);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, notices(title));
    }

    @Test
    void aKeyInUseIs409WithRetryAfterUntilItsRequestIsAbandoned() throws Exception {
        String title = "占用中 " + UUID.randomUUID();
        String body = noticeBody(city, title);
        String key = newKey();
        // As if a request with the key were running now (claimed a moment ago on another node).
        Api.exec(
                ds,
                """
                insert into idempotency_key (principal, idem_key, request_method, request_target, target_sha256, lease)
                values ('city_admin', ?, 'POST', '/api/v1/notices', ?, gen_random_uuid())""",
                key,
                BodyDigest.sha256Hex("POST /api/v1/notices"));

        post("city_admin", key, "/api/v1/notices", body)
                .then()
                .statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("code", equalTo("IDEMPOTENCY_IN_PROGRESS"));
        assertEquals(0, notices(title));

        // Its server died before answering: after abandoned-after (5 minutes) a retry runs it.
        Api.exec(ds, "update idempotency_key set started_at = now() - interval '6 minutes' where idem_key = ?", key);
        post("city_admin", key, "/api/v1/notices", body).then().statusCode(201);
        post("city_admin", key, "/api/v1/notices", body)
                .then()
                .statusCode(201)
                .header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertEquals(1, notices(title));
    }

    @Test
    void serverErrorsAreNotRememberedSoTheKeyMayBeRetried() {
        String key = newKey();
        String body = "{\"n\": 1}";
        FlakyResource.FAILURES_LEFT.set(1);
        int before = FlakyResource.CALLS.get();

        post("city_admin", key, "/api/v1/test/flaky", body)
                .then()
                .statusCode(500)
                .body("code", equalTo("INTERNAL_ERROR"));
        assertEquals(0, rows("city_admin", key), "a 5xx leaves no key behind");

        Response retried = post("city_admin", key, "/api/v1/test/flaky", body);
        retried.then().statusCode(201).header(IdempotencyFilter.REPLAYED, nullValue());
        Response replayed = post("city_admin", key, "/api/v1/test/flaky", body);
        replayed.then().statusCode(201).header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertArrayEquals(retried.asByteArray(), replayed.asByteArray());
        assertEquals(before + 2, FlakyResource.CALLS.get(), "ran for the failure and the retry, not the replay");
    }

    @Test
    void anAnswerAboveTheStoredSizeIsReplayedWithoutItsBody() throws Exception {
        String key = newKey();
        String body = JSON.writeValueAsString(Map.of("text", "巾".repeat(400_000))); // 1.2 MB as UTF-8
        Response first = post("city_admin", key, "/api/v1/test/flaky", body);
        first.then().statusCode(201);
        assertTrue(first.asByteArray().length > 1024 * 1024);
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from idempotency_key where idem_key = ? and body_omitted and response_body is null",
                        key));

        Response again = post("city_admin", key, "/api/v1/test/flaky", body);
        again.then().statusCode(201).header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertEquals(0, again.asByteArray().length, "status and headers only");
    }

    @Test
    void clientErrorsAreRememberedLikeAnyAnswer() {
        String key = newKey();
        // A code that exists already: 409, and the same 409 on a retry (the request is not run again).
        String body = "{\"parentId\": \"" + city + "\", \"code\": \"" + DemoOrgs.DISTRICT
                + "\", \"name\": \"重复编码\", \"type\": \"FEDERATION\", \"level\": \"DISTRICT\"}";
        Response first = post("city_admin", key, "/api/v1/orgs", body);
        first.then().statusCode(409).body("code", equalTo("ORG_CODE_TAKEN"));
        Response again = post("city_admin", key, "/api/v1/orgs", body);
        again.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertArrayEquals(first.asByteArray(), again.asByteArray());
    }

    @Test
    void aFileUploadIsReplayedThoughEachRequestHasItsOwnBoundary() {
        String key = newKey();
        String name = "幂等上传-" + UUID.randomUUID() + ".pdf";
        byte[] content = Files.pdf("幂等上传 " + name);

        Response first = upload(key, name, content, "boundaryAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        first.then().statusCode(201);
        Response again = upload(key, name, content, "boundaryBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");

        again.then().statusCode(201).header(IdempotencyFilter.REPLAYED, equalTo("true"));
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, Api.count(ds, "select count(*) from stored_file where file_name = ?", name));

        // Other content under the same key is another request.
        upload(key, name, Files.pdf("另一个文件"), "boundaryCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC")
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, Api.count(ds, "select count(*) from stored_file where file_name = ?", name));
    }

    private Response upload(String key, String name, byte[] content, String boundary) {
        return RestAssured.given()
                .auth()
                .oauth2(Api.token("city_admin"))
                .accept("application/json")
                .header(IdempotencyFilter.HEADER, key)
                .config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig()
                                .defaultCharset(StandardCharsets.UTF_8)
                                .defaultBoundary(boundary)))
                .queryParam("orgId", city)
                .multiPart("file", name, content, "application/octet-stream")
                .post("/api/v1/files");
    }

    @Test
    void keysExpireAfterADayAndAreSwept() throws Exception {
        String key = newKey();
        String title = "过期前 " + UUID.randomUUID();
        String later = "过期后 " + UUID.randomUUID();
        post("city_admin", key, "/api/v1/notices", noticeBody(city, title))
                .then()
                .statusCode(201);
        Api.exec(ds, "update idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?", key);

        assertTrue(keys.sweep() >= 1);
        assertEquals(0, rows("city_admin", key));
        // Forgotten: the key is new again.
        post("city_admin", key, "/api/v1/notices", noticeBody(city, later))
                .then()
                .statusCode(201)
                .header(IdempotencyFilter.REPLAYED, nullValue());
        assertEquals(1, notices(later));
    }

    @Test
    void anExpiredKeyIsNewEvenBeforeTheSweep() throws Exception {
        String key = newKey();
        String later = "未清理的过期键 " + UUID.randomUUID();
        post("city_admin", key, "/api/v1/notices", noticeBody(city, "过期 " + UUID.randomUUID()))
                .then()
                .statusCode(201);
        Api.exec(ds, "update idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?", key);
        post("city_admin", key, "/api/v1/notices", noticeBody(city, later))
                .then()
                .statusCode(201);
        assertEquals(1, notices(later));
    }

    @Test
    void aMalformedKeyIs400() throws Exception {
        String body = noticeBody(city, "坏键 " + UUID.randomUUID());
        for (String bad : List.of("x".repeat(256), " ")) {
            post("city_admin", bad, "/api/v1/notices", body)
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("IDEMPOTENCY_KEY_INVALID"));
        }
        as("city_admin")
                .header(IdempotencyFilter.HEADER, "a")
                .header(IdempotencyFilter.HEADER, "b")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_INVALID"));
        // The longest allowed key works.
        post("city_admin", "k".repeat(255) + "", "/api/v1/notices", body).then().statusCode(201);
    }

    @Test
    void whatIsStoredIsTheAnswerThatMatters() throws Exception {
        String key = newKey();
        Response r = post("city_admin", key, "/api/v1/notices", noticeBody(city, "存储 " + UUID.randomUUID()));
        r.then().statusCode(201);
        String headers =
                Api.queryString(ds, "select response_headers::text from idempotency_key where idem_key = ?", key);
        Map<?, ?> stored = JSON.readValue(headers, Map.class);
        assertEquals(Set.of("Content-Type", "Location", "ETag"), stored.keySet());
        assertEquals("POST", Api.queryString(ds, "select request_method from idempotency_key where idem_key = ?", key));
        assertNull(Api.queryString(ds, "select lease from idempotency_key where idem_key = ?", key));
        assertNotEquals(null, Api.queryString(ds, "select body_sha256 from idempotency_key where idem_key = ?", key));
    }
}
