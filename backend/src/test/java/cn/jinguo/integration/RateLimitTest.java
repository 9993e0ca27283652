package cn.jinguo.integration;

import static cn.jinguo.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits per caller, with a tiny bucket: 3 at once, then one every 10 seconds. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {
    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jinguo.rate-limit.enabled", "true",
                    "jinguo.rate-limit.per-minute", "6",
                    "jinguo.rate-limit.burst", "3");
        }
    }

    @Inject
    RateLimiter limiter;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void freshBuckets() {
        limiter.reset();
    }

    @Test
    void everyAnswerSaysWhereTheCallerStandsAndTheFourthRequestIs429() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response r = as("city_admin").get("/api/v1/me");
            r.then()
                    .statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(remaining)));
            long reset = Long.parseLong(r.header("RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 30, "seconds until the bucket is full: " + reset);
        }

        Response limited = as("city_admin").header("Accept-Language", "en").get("/api/v1/me");
        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429))
                .body("detail", containsString("retry in"))
                .header("RateLimit-Limit", equalTo("3"))
                .header("RateLimit-Remaining", equalTo("0"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "one token comes back every 10 s: " + retryAfter);
    }

    @Test
    void theLimitIsPerCaller() {
        for (int i = 0; i < 3; i++) as("city_admin").get("/api/v1/me").then().statusCode(200);
        as("city_admin").get("/api/v1/me").then().statusCode(429);

        as("district_admin").get("/api/v1/me").then().statusCode(200).header("RateLimit-Remaining", equalTo("2"));
        as("city_admin").get("/api/v1/me").then().statusCode(429);
    }

    @Test
    void anonymousCallersAndPublicEndpointsAreNotLimited() {
        for (int i = 0; i < 6; i++) {
            given().get("/api/v1/config").then().statusCode(200).header("RateLimit-Limit", nullValue());
            as("city_admin").get("/api/v1/config").then().statusCode(200).header("RateLimit-Limit", nullValue());
        }
        as("city_admin").get("/api/v1/me").then().statusCode(200).header("RateLimit-Remaining", equalTo("2"));
    }

    @Test
    void aLimitedPostLeavesItsIdempotencyKeyUnused() {
        for (int i = 0; i < 3; i++) as("city_admin").get("/api/v1/me").then().statusCode(200);
        String key = "limited-" + UUID.randomUUID();
        as("city_admin")
                .header(IdempotencyFilter.HEADER, key)
                .body(Map.of("n", 1))
                .post("/api/v1/test/flaky")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, Api.count(ds, "select count(*) from idempotency_key where idem_key = ?", key), "never claimed");
    }
}
