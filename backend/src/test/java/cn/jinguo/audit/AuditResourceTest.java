package cn.jinguo.audit;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void adminsReadTheTrailOfTheirSubtreeOnly() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        String district = Api.orgId(ds, DemoOrgs.DISTRICT);
        String code = "AUD" + System.nanoTime() % 1_000_000;
        String id = as("district_admin")
                .body(Map.of("parentId", district, "code", code, "name", "审计测试" + code, "type", "SOCIAL"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String sibling = Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT);
        String other = as("city_admin")
                .body(Map.of("parentId", sibling, "code", code + "X", "name", "外区审计" + code, "type", "SOCIAL"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("district_admin")
                .get("/api/v1/audit?targetType=org&targetId=" + id)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("org.create"))
                .body("items[0].actor", equalTo("district_admin"))
                .body("items[0].summary", startsWith("新建组织"));
        as("district_admin")
                .get("/api/v1/audit?targetId=" + other)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as("district_admin")
                .get("/api/v1/audit?size=200")
                .then()
                .statusCode(200)
                .body("items.orgId", everyItem(org.hamcrest.Matchers.not(equalTo(other))));
        as("district_admin").get("/api/v1/audit?orgId=" + sibling).then().statusCode(404);
        as("district_editor").get("/api/v1/audit").then().statusCode(403);
        as("city_admin")
                .get("/api/v1/audit?targetId=" + other)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", greaterThan(1));
    }
}
