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
        Map<String, Object> problem = doc.getMap("components.schemas.Problem.properties");
        for (String field : List.of("type", "title", "status", "detail", "instance", "code", "errors")) {
            assertTrue(problem.containsKey(field), "Problem lacks " + field);
        }
    }
}
