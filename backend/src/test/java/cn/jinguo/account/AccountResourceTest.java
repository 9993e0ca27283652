package cn.jinguo.account;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    @Test
    void districtAdminOpensAnAccountThatCanThenLogIn() {
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);
        String user = "jfb_editor_" + System.nanoTime() % 100000;
        Response created = as("district_admin")
                .body(Map.of(
                        "username",
                        user,
                        "displayName",
                        "赵雪",
                        "memberships",
                        List.of(Map.of("orgId", township, "role", "EDITOR"))))
                .post("/api/v1/accounts");
        created.then().statusCode(201).body("memberships[0].orgCode", equalTo(DemoOrgs.TOWNSHIP));
        as(user).get("/api/v1/me").then().statusCode(200).body("memberships[0].role", equalTo("EDITOR"));
        as("district_admin")
                .body(Map.of(
                        "username",
                        user.toUpperCase(),
                        "displayName",
                        "重复",
                        "memberships",
                        List.of(Map.of("orgId", township, "role", "VIEWER"))))
                .post("/api/v1/accounts")
                .then()
                .statusCode(409);

        String id = created.path("id");
        as("district_admin")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("displayName", "赵雪", "enabled", false))
                .put("/api/v1/accounts/" + id)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        as(user).get("/api/v1/me").then().statusCode(403).body("code", equalTo("ACCOUNT_DISABLED"));
        assertEquals(
                1,
                Api.count(
                        ds, "select count(*) from audit_event where action = 'account.disable' and target_id = ?", id));
    }

    @Test
    void membershipsOutsideTheScopeAreNeitherGrantedNorShown() {
        String sibling = Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT);
        long before = Api.count(ds, "select count(*) from account");
        as("district_admin")
                .body(Map.of(
                        "username",
                        "outsider_x",
                        "displayName",
                        "外区",
                        "memberships",
                        List.of(Map.of("orgId", sibling, "role", "EDITOR"))))
                .post("/api/v1/accounts")
                .then()
                .statusCode(404);
        as("district_editor")
                .body(Map.of(
                        "username",
                        "editor_made",
                        "displayName",
                        "编辑开通",
                        "memberships",
                        List.of(Map.of("orgId", Api.orgId(ds, DemoOrgs.DISTRICT), "role", "VIEWER"))))
                .post("/api/v1/accounts")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Map.of("username", "bad name!", "displayName", "", "memberships", List.of()))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("username"));
        assertEquals(before, Api.count(ds, "select count(*) from account"));

        as("district_admin")
                .get("/api/v1/accounts?size=200")
                .then()
                .statusCode(200)
                .body("items.username", hasItem("township_admin"))
                .body("items.username", not(hasItem("city_admin")));
        String cityAdminId = Api.queryString(ds, "select id from account where username = 'city_admin'");
        as("district_admin").get("/api/v1/accounts/" + cityAdminId).then().statusCode(404);
        as("district_viewer").get("/api/v1/accounts").then().statusCode(403);
    }

    @Test
    void grantAndRevokeARole() {
        String townshipAdminId = Api.queryString(ds, "select id from account where username = 'township_admin'");
        String township2 = Api.orgId(ds, DemoOrgs.TOWNSHIP_2);
        Response r = as("district_admin")
                .body(Map.of("orgId", township2, "role", "VIEWER"))
                .post("/api/v1/accounts/" + townshipAdminId + "/memberships");
        r.then().statusCode(200).body("memberships", hasSize(2));
        String membershipId = r.path("memberships.find { it.orgId == '" + township2 + "' }.id");
        as("district_admin")
                .body(Map.of("orgId", township2, "role", "VIEWER"))
                .post("/api/v1/accounts/" + townshipAdminId + "/memberships")
                .then()
                .statusCode(409);
        // township_admin now sees township2 (as VIEWER) but may not manage accounts there
        as("township_admin")
                .delete("/api/v1/accounts/" + townshipAdminId + "/memberships/" + membershipId)
                .then()
                .statusCode(403);
        as("district_editor")
                .delete("/api/v1/accounts/" + townshipAdminId + "/memberships/" + membershipId)
                .then()
                .statusCode(403);
        as("city_editor")
                .delete("/api/v1/accounts/" + townshipAdminId + "/memberships/" + membershipId)
                .then()
                .statusCode(403);
        as("district_admin")
                .delete("/api/v1/accounts/" + townshipAdminId + "/memberships/" + membershipId)
                .then()
                .statusCode(200)
                .body("memberships.orgId", everyItem(not(equalTo(township2))));
    }

    @Test
    void grantingAndRevokingHonourIfMatchAndMoveTheAccountsVersion() {
        Reports.member(ds, "ifmatch_viewer", DemoOrgs.TOWNSHIP, "VIEWER");
        String accountId = Api.queryString(ds, "select id from account where username = 'ifmatch_viewer'");
        String township2 = Api.orgId(ds, DemoOrgs.TOWNSHIP_2);
        String memberships = "select count(*) from membership m join account a on a.id = m.account_id"
                + " where a.username = 'ifmatch_viewer'";
        String read = as("district_admin").get("/api/v1/accounts/" + accountId).header("ETag");

        // Stale: 412 and no new role.
        as("district_admin")
                .header("If-Match", "\"999\"")
                .body(Map.of("orgId", township2, "role", "VIEWER"))
                .post("/api/v1/accounts/" + accountId + "/memberships")
                .then()
                .statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        assertEquals(1, Api.count(ds, memberships));

        Response granted = as("district_admin")
                .header("If-Match", read)
                .body(Map.of("orgId", township2, "role", "VIEWER"))
                .post("/api/v1/accounts/" + accountId + "/memberships");
        granted.then().statusCode(200).body("memberships", hasSize(2));
        String afterGrant = granted.header("ETag");
        assertNotEquals(read, afterGrant, "memberships are part of the account: its version moves");
        as("district_admin").get("/api/v1/accounts/" + accountId).then().header("ETag", equalTo(afterGrant));
        assertEquals(2, Api.count(ds, memberships));

        // Revoking with the ETag from before the grant: 412, both roles stay.
        String membershipId = granted.path("memberships.find { it.orgId == '" + township2 + "' }.id");
        as("district_admin")
                .header("If-Match", read)
                .delete("/api/v1/accounts/" + accountId + "/memberships/" + membershipId)
                .then()
                .statusCode(412);
        assertEquals(2, Api.count(ds, memberships));
        Response revoked = as("district_admin")
                .header("If-Match", afterGrant)
                .delete("/api/v1/accounts/" + accountId + "/memberships/" + membershipId);
        revoked.then().statusCode(200).body("memberships", hasSize(1));
        assertNotEquals(afterGrant, revoked.header("ETag"));
        assertEquals(1, Api.count(ds, memberships));
    }

    @Test
    void readingAndUpdatingAnAccountFollowRoleAndScope() {
        String townshipAdminId = Api.queryString(ds, "select id from account where username = 'township_admin'");
        String siblingAccount = Api.queryString(ds, "select id from account where username = 'city_admin'");
        Response read = as("district_editor").get("/api/v1/accounts/" + townshipAdminId);
        read.then().statusCode(200).body("username", equalTo("township_admin"));
        String etag = read.header("ETag");
        Map<String, Object> change = Map.of("displayName", "乡镇管理员（改）", "enabled", true);
        String nameBefore =
                Api.queryString(ds, "select display_name from account where id = ?", Long.parseLong(townshipAdminId));

        as("district_viewer").get("/api/v1/accounts/" + townshipAdminId).then().statusCode(403);
        as("district_editor")
                .header("If-Match", etag)
                .body(change)
                .put("/api/v1/accounts/" + townshipAdminId)
                .then()
                .statusCode(403);
        as("district_admin")
                .header("If-Match", "\"0\"")
                .body(change)
                .put("/api/v1/accounts/" + siblingAccount)
                .then()
                .statusCode(404);
        as("district_admin")
                .body(change)
                .put("/api/v1/accounts/" + townshipAdminId)
                .then()
                .statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        as("district_admin")
                .header("If-Match", "\"999\"")
                .body(change)
                .put("/api/v1/accounts/" + townshipAdminId)
                .then()
                .statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        assertEquals(
                nameBefore,
                Api.queryString(ds, "select display_name from account where id = ?", Long.parseLong(townshipAdminId)));
    }

    @Test
    void grantingAndRevokingNeedAccountWriteInsideTheScope() {
        String townshipAdminId = Api.queryString(ds, "select id from account where username = 'township_admin'");
        String sibling = Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT);
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);
        long before = Api.count(ds, "select count(*) from membership");
        as("district_editor")
                .body(Map.of("orgId", township, "role", "EDITOR"))
                .post("/api/v1/accounts/" + townshipAdminId + "/memberships")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Map.of("orgId", sibling, "role", "EDITOR"))
                .post("/api/v1/accounts/" + townshipAdminId + "/memberships")
                .then()
                .statusCode(404)
                .body("code", equalTo("ORG_NOT_FOUND"));
        assertEquals(before, Api.count(ds, "select count(*) from membership"));

        // A membership in the sibling district is invisible to the district admin.
        String cityAdminId = Api.queryString(ds, "select id from account where username = 'city_admin'");
        String cityMembership =
                Api.queryString(ds, "select id from membership where account_id = ?", Long.parseLong(cityAdminId));
        as("district_admin")
                .delete("/api/v1/accounts/" + cityAdminId + "/memberships/" + cityMembership)
                .then()
                .statusCode(404);
        assertEquals(before, Api.count(ds, "select count(*) from membership"));
    }
}
