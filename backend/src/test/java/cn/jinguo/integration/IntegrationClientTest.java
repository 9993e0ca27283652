package cn.jinguo.integration;

import static cn.jinguo.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Integration clients: managed by platform admins only; their tokens act in their subtree, within their scopes. */
@QuarkusTest
class IntegrationClientTest {
    private static final String ADMIN = "platform_admin";

    @Inject
    AgroalDataSource ds;

    @Inject
    ClientCalls calls;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
    }

    /** A client-credentials token as Keycloak issues it: service-account-&lt;clientId&gt;, client_id and azp. */
    static RequestSpecification asClient(String clientId) {
        String token = Jwt.preferredUserName("service-account-" + clientId)
                .issuer(Api.ISSUER)
                .audience(Api.AUDIENCE)
                .subject("sa-" + clientId)
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of()))
                .sign();
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as(ADMIN, "PLATFORM_ADMIN");
    }

    private Response register(String clientId, String orgCode, List<String> scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("name", "测试平台 " + clientId);
        body.put("orgId", Api.orgId(ds, orgCode));
        body.put("scopes", scopes);
        return admin().body(body).post("/api/v1/integration-clients");
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 100_000_000;
    }

    @Test
    void onlyPlatformAdminsManageClientsAndBadInputChangesNothing() {
        String clientId = unique("platform");
        long before = Api.count(ds, "select count(*) from integration_client");
        for (String user : List.of("city_admin", "district_admin")) {
            as(user).body(Map.of(
                            "clientId",
                            clientId,
                            "name",
                            "x",
                            "orgId",
                            Api.orgId(ds, DemoOrgs.CITY),
                            "scopes",
                            List.of("FEED_READ")))
                    .post("/api/v1/integration-clients")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("PERMISSION_REQUIRED"));
            as(user).get("/api/v1/integration-clients").then().statusCode(403);
        }
        admin().body(Map.of("clientId", "bad id!", "name", "", "orgId", "1", "scopes", List.of()))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("clientId", "name", "scopes"));
        admin().body(Map.of("clientId", clientId, "name", "x", "orgId", "1", "scopes", List.of("EVERYTHING")))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(400);
        admin().body(Map.of("clientId", clientId, "name", "x", "orgId", "99999999", "scopes", List.of("FEED_READ")))
                .post("/api/v1/integration-clients")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_NOT_FOUND"));
        assertEquals(before, Api.count(ds, "select count(*) from integration_client"));

        Response created = register(clientId, DemoOrgs.DISTRICT, List.of("NOTICES_READ", "FEED_READ", "NOTICES_READ"));
        created.then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("scopes", equalTo(List.of("FEED_READ", "NOTICES_READ")))
                .body("enabled", equalTo(true));
        String id = created.path("id");
        register(clientId, DemoOrgs.CITY, List.of("FEED_READ"))
                .then()
                .statusCode(409)
                .body("code", equalTo("CLIENT_ID_TAKEN"));

        Map<String, Object> update = Map.of(
                "name", "改名", "orgId", Api.orgId(ds, DemoOrgs.CITY), "scopes", List.of("FEED_READ"), "enabled", false);
        admin().header("If-Match", "\"7\"")
                .body(update)
                .put("/api/v1/integration-clients/" + id)
                .then()
                .statusCode(412);
        admin().body(update).put("/api/v1/integration-clients/" + id).then().statusCode(428);
        admin().get("/api/v1/integration-clients/" + id).then().body("name", equalTo("测试平台 " + clientId));
        admin().header("If-Match", "\"0\"")
                .body(update)
                .put("/api/v1/integration-clients/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("改名"))
                .body("enabled", equalTo(false))
                .header("ETag", "\"1\"");
        assertEquals(
                2,
                Api.count(
                        ds,
                        "select count(*) from audit_event where target_type = 'integration_client' and target_id = ?",
                        id));
        admin().get("/api/v1/integration-clients?q=" + clientId).then().body("total", equalTo(1));
        admin().get("/api/v1/integration-clients/999999999").then().statusCode(404);
    }

    @Test
    void aClientCallsWhatItsScopesOpenInItsSubtreeOnly() {
        String clientId = unique("district-platform");
        String id = register(clientId, DemoOrgs.DISTRICT, List.of("NOTICES_READ", "RECEIPTS_WRITE"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String cityNotice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "集成客户端测试通知", Notices.allDistricts());
        String siblingNotice =
                Reports.publish(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "兄弟区县的通知", Notices.directChildren());

        asClient(clientId)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("integrationClient.clientId", equalTo(clientId))
                .body("integrationClient.scopes", hasItems("NOTICES_READ", "RECEIPTS_WRITE"))
                .body("permissions", hasItem("receipt:sign"));
        asClient(clientId).get("/api/v1/notices/" + cityNotice).then().statusCode(200);
        asClient(clientId).get("/api/v1/notices/" + siblingNotice).then().statusCode(404);
        // what no scope of this client opens
        asClient(clientId)
                .get("/api/v1/submissions")
                .then()
                .statusCode(403)
                .body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
        for (String path : List.of("/api/v1/accounts", "/api/v1/audit", "/api/v1/integration-clients")) {
            asClient(clientId).get(path).then().statusCode(403).body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
        }
        // reviewing stays people's work, even for a client that may write packages
        String writer = unique("writer");
        register(writer, DemoOrgs.CITY, List.of("SUBMISSIONS_WRITE", "PLANS_WRITE"));
        asClient(writer)
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/1/review")
                .then()
                .statusCode(403)
                .body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
        asClient(writer)
                .post("/api/v1/plans/1/acknowledge")
                .then()
                .statusCode(403)
                .body("code", equalTo("CLIENT_SCOPE_REQUIRED"));
        asClient(clientId)
                .body(Notices.draft(Api.orgId(ds, DemoOrgs.DISTRICT), "客户端不能发文", Notices.directChildren()))
                .post("/api/v1/notices")
                .then()
                .statusCode(403);
        // signing for its org, which RECEIPTS_WRITE opens; the audit names the client's service account
        String receipt = Reports.receipt(ds, cityNotice, DemoOrgs.DISTRICT);
        asClient(clientId).post("/api/v1/inbox/" + receipt + "/sign").then().statusCode(200);
        assertEquals(
                "service-account-" + clientId,
                Api.queryString(ds, "select signed_by from receipt where id = ?", Long.parseLong(receipt)));

        calls.flush();
        admin().get("/api/v1/integration-clients/" + id + "/calls?size=50")
                .then()
                .statusCode(200)
                .body("total", equalTo(9))
                .body("items.status", hasItems(200, 403, 404))
                .body("items.path", hasItem("/api/v1/inbox/" + receipt + "/sign"));
        admin().get("/api/v1/integration-clients/" + id).then().body("lastCallAt", notNullValue());
    }

    @Test
    void disabledAndUnknownClientsAreRefused() {
        String clientId = unique("disabled");
        Response created = register(clientId, DemoOrgs.CITY, List.of("NOTICES_READ"));
        String id = created.path("id");
        asClient(clientId).get("/api/v1/notices").then().statusCode(200);
        admin().header("If-Match", "\"0\"")
                .body(Map.of(
                        "name",
                        "停用",
                        "orgId",
                        Api.orgId(ds, DemoOrgs.CITY),
                        "scopes",
                        List.of("NOTICES_READ"),
                        "enabled",
                        false))
                .put("/api/v1/integration-clients/" + id)
                .then()
                .statusCode(200);
        asClient(clientId).get("/api/v1/notices").then().statusCode(403).body("code", equalTo("CLIENT_DISABLED"));
        // a person's token through a registered client names it in azp only: it is not the client's
        String person = Jwt.preferredUserName("someone_without_account")
                .issuer(Api.ISSUER)
                .audience(Api.AUDIENCE)
                .subject("someone")
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of()))
                .sign();
        given().auth()
                .oauth2(person)
                .get("/api/v1/notices")
                .then()
                .statusCode(403)
                .body("code", equalTo("ACCOUNT_UNKNOWN"));
        asClient(unique("unregistered"))
                .get("/api/v1/notices")
                .then()
                .statusCode(403)
                .body("code", equalTo("ACCOUNT_UNKNOWN"));
        admin().header("If-Match", "\"1\"")
                .delete("/api/v1/integration-clients/" + id)
                .then()
                .statusCode(204);
        asClient(clientId).get("/api/v1/notices").then().statusCode(403).body("code", equalTo("ACCOUNT_UNKNOWN"));
    }
}
