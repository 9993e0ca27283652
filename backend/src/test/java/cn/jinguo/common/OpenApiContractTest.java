package cn.jinguo.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed openapi/openapi.yaml is the contract: it must be what the code serves, and complete. */
@QuarkusTest
class OpenApiContractTest {
    private static final Path COMMITTED = Path.of("../openapi/openapi.yaml");

    @Test
    void committedDocumentIsCurrent() throws Exception {
        // Compared as trees: the build writes keys in another order than the server serves them.
        YAMLMapper yaml = new YAMLMapper();
        JsonNode served = yaml.readTree(given().get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode committed = yaml.readTree(Files.readString(COMMITTED));
        if (!served.equals(committed)) {
            fail("openapi/openapi.yaml is stale: run `make openapi` and commit the result");
        }
    }

    @Test
    void everyOperationHasIdSummaryDescriptionAndProblemResponses() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) continue;
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) continue;
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> o = op.getValue();
                assertTrue(o.get("operationId") != null, where + " has no operationId");
                assertTrue(o.get("summary") != null, where + " has no summary");
                assertTrue(o.get("description") != null, where + " has no description");
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) o.get("responses");
                assertTrue(responses.containsKey("500"), where + " lacks its error responses");
                // public operations (no security requirement: the client config, signed feed links) have no 401
                boolean isPublic = o.get("security") instanceof List<?> l && l.isEmpty();
                assertEquals(!isPublic, responses.containsKey("401"), where + ": 401 iff a token is needed");
            }
        }
        assertTrue(operations >= 20, "only " + operations + " operations");
        assertTrue(doc.getMap("components.parameters.IdempotencyKey") != null, "no Idempotency-Key parameter");
        assertTrue(doc.getMap("components.responses.RateLimited.headers").containsKey("Retry-After"));
        Map<String, Object> problem = doc.getMap("components.schemas.Problem.properties");
        for (String field : List.of("type", "title", "status", "detail", "instance", "code", "errors")) {
            assertTrue(problem.containsKey(field), "Problem lacks " + field);
        }
    }

    /** What integrators rely on beyond each operation's own answers: idempotent POSTs, rate limits, If-Match. */
    @Test
    void everyPostTakesAnIdempotencyKeyEveryOperationDocuments429AndIfMatchMeans412() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int posts = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) continue;
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) continue;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> o = op.getValue();
                // public operations (no token) are not rate limited
                if (o.get("security") instanceof List<?> l && l.isEmpty()) continue;
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) o.get("responses");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters =
                        (List<Map<String, Object>>) o.getOrDefault("parameters", List.of());
                assertTrue(responses.containsKey("429"), where + " lacks 429");
                for (var r : responses.entrySet()) {
                    if (r.getKey().startsWith("2")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> headers =
                                (Map<String, Object>) r.getValue().getOrDefault("headers", Map.of());
                        assertTrue(headers.containsKey("RateLimit-Remaining"), where + " " + r.getKey());
                    }
                }
                if (op.getKey().equals("post")) {
                    posts++;
                    assertTrue(
                            parameters.stream()
                                    .anyMatch(p -> "#/components/parameters/IdempotencyKey".equals(p.get("$ref"))),
                            where + " lacks Idempotency-Key");
                    assertTrue(responses.containsKey("409") && responses.containsKey("422"), where + " 409/422");
                }
                boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equals(p.get("name")));
                if (ifMatch) assertTrue(responses.containsKey("412"), where + " takes If-Match but lacks 412");
                if (parameters.stream()
                        .anyMatch(p -> "If-Match".equals(p.get("name")) && Boolean.TRUE.equals(p.get("required"))))
                    assertTrue(responses.containsKey("428"), where + " requires If-Match but lacks 428");
                if (op.getKey().equals("put") && !path.getKey().endsWith("/children/order"))
                    assertTrue(ifMatch, where + " is an update without If-Match");
            }
        }
        assertTrue(posts >= 20, "only " + posts + " POSTs");
    }
}
