package cn.jinguo.account;

import static cn.jinguo.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.jinguo.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void districtAdminSeesItsMembershipAndPermissions() {
        as("district_admin")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("district_admin"))
                .body("platformAdmin", equalTo(false))
                .body("memberships[0].orgCode", equalTo("500103"))
                .body("memberships[0].role", equalTo("ORG_ADMIN"))
                .body("memberships[0].permissions", hasItems("notice:write", "receipt:sign", "org:write"))
                .body("permissions", hasItems("org:read", "org:write", "org:import"))
                .body("permissions", not(hasItem("platform:admin")));
    }

    @Test
    void editorHasNoOrgWritePermission() {
        as("dept_editor")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("memberships[0].orgCode", equalTo("500000-XCB"))
                .body("permissions", not(hasItem("org:write")));
    }

    @Test
    void unknownAccountIsForbiddenWithAClearProblem() {
        as("stranger")
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_UNKNOWN"))
                .body("detail", containsString("stranger"));
    }

    @Test
    void disabledAccountIsForbiddenEverywhere() {
        Api.exec(ds, "insert into account (username, display_name, enabled) values ('gone_user', '离职人员', false)");
        as("gone_user").get("/api/v1/orgs/roots").then().statusCode(403).body("code", equalTo("ACCOUNT_DISABLED"));
    }

    @Test
    void platformAdminIsProvisionedOnFirstCall() {
        as("new_platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("platformAdmin", equalTo(true))
                .body("permissions", hasItem("platform:admin"));
        org.junit.jupiter.api.Assertions.assertEquals(
                1, Api.count(ds, "select count(*) from account where username = 'new_platform_admin'"));
    }

    @Test
    void missingOrInvalidTokenIs401Problem() {
        given().get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth()
                .oauth2("not-a-token")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("trace", nullValue());
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String token = io.smallrye.jwt.build.Jwt.preferredUserName("district_admin")
                .issuer(Api.ISSUER)
                .audience("some-other-api")
                .sign();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void englishProblemsOnRequest() {
        as("stranger")
                .header("Accept-Language", "en")
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .body("title", equalTo("Forbidden"))
                .body("detail", containsString("has no access"));
    }

    @Test
    void theSpaConfigurationIsPublic() {
        given().get("/api/v1/config")
                .then()
                .statusCode(200)
                .body("oidcClientId", equalTo("jinguo-spa"))
                .body("apiAudience", equalTo("jinguo-api"));
    }
}
