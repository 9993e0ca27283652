package cn.jinguo.plan;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Plans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees and who writes plans: allowed role, forbidden role, and orgs outside the caller's subtree. */
@QuarkusTest
class PlanScopeTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        // an admin of the district's second township
        Api.exec(
                ds,
                "insert into account (username, display_name) values ('township2_admin', 'township2_admin')"
                        + " on conflict do nothing");
        Api.exec(
                ds,
                """
                insert into membership (account_id, org_id, role)
                select a.id, o.id, 'ORG_ADMIN' from account a, org o where a.username = 'township2_admin' and o.code = ?
                on conflict do nothing""",
                DemoOrgs.TOWNSHIP_2);
    }

    private String org(String code) {
        return Api.orgId(ds, code);
    }

    private long plans() {
        return Api.count(ds, "select count(*) from activity_plan");
    }

    @Test
    void onlyWritersOfThePlansOwnOrgWriteIt() {
        String district = org(DemoOrgs.DISTRICT);
        long before = plans();
        as("district_viewer")
                .body(Plans.body(district, null, "查看者的方案"))
                .post("/api/v1/plans")
                .then()
                .statusCode(403)
                .body("code", equalTo("PERMISSION_REQUIRED"));
        as("district_reviewer")
                .body(Plans.body(district, null, "审核人的方案"))
                .post("/api/v1/plans")
                .then()
                .statusCode(403);
        // a role above the org does not write for it; an org outside the subtree does not exist for the caller
        as("district_admin")
                .body(Plans.body(org(DemoOrgs.TOWNSHIP), null, "替街道写"))
                .post("/api/v1/plans")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Plans.body(org(DemoOrgs.SIBLING_DISTRICT), null, "替江北写"))
                .post("/api/v1/plans")
                .then()
                .statusCode(404)
                .body("code", equalTo("ORG_NOT_FOUND"));
        assertEquals(before, plans());

        String plan = Plans.create("district_editor", Plans.body(district, null, Plans.title("编辑写的方案")));
        as("district_viewer")
                .get("/api/v1/plans/" + plan)
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of()));
        as("district_viewer")
                .header("If-Match", Plans.etag("district_viewer", plan))
                .body(Plans.body(district, null, "查看者改"))
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(403);
        as("district_reviewer").post("/api/v1/plans/" + plan + "/file").then().statusCode(403);
        as("district_admin")
                .get("/api/v1/plans/" + plan)
                .then()
                .body("actions", equalTo(List.of("UPDATE", "DELETE", "FILE")));
        // outside the subtree: 404 for every operation
        as("township_admin").get("/api/v1/plans/" + plan).then().statusCode(404);
        as("township_admin").post("/api/v1/plans/" + plan + "/file").then().statusCode(404);
        as("township_admin").delete("/api/v1/plans/" + plan).then().statusCode(404);
        as("dept_editor").get("/api/v1/plans/" + plan).then().statusCode(404);
        as("district_admin").get("/api/v1/plans/abc").then().statusCode(404).body("code", equalTo("PLAN_NOT_FOUND"));
    }

    @Test
    void aTownshipCannotSeeASiblingsPlan() {
        String mine = Plans.create("township_admin", Plans.body(org(DemoOrgs.TOWNSHIP), null, Plans.title("解放碑方案")));
        String sibling =
                Plans.create("township2_admin", Plans.body(org(DemoOrgs.TOWNSHIP_2), null, Plans.title("邻街道方案")));
        as("township_admin").get("/api/v1/plans/" + sibling).then().statusCode(404);
        as("township_admin")
                .header("If-Match", "\"0\"")
                .body(Plans.body(null, null, "改邻居的"))
                .put("/api/v1/plans/" + sibling)
                .then()
                .statusCode(404);
        as("township_admin")
                .get("/api/v1/plans?size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(sibling)))
                .body("items.orgId", everyItem(equalTo(org(DemoOrgs.TOWNSHIP))));
        // filed with the district, the district reviews it; the sibling still does not see it
        as("township2_admin").post("/api/v1/plans/" + sibling + "/file").then().statusCode(200);
        as("township_admin").get("/api/v1/plans/" + sibling).then().statusCode(404);
        as("district_admin").get("/api/v1/plans/" + sibling).then().statusCode(200);
        as("district_admin").get("/api/v1/plans?filedTo=true").then().body("items.id", hasItem(sibling));
        as("township_admin").get("/api/v1/plans?filedTo=true").then().body("items.id", not(hasItem(sibling)));
    }

    @Test
    void aDepartmentSeesThePlansFiledToItsOwnNoticesOnly() {
        String district = org(DemoOrgs.DISTRICT);
        String deptNotice = Plans.notice("city_admin", "dept_editor", org(DemoOrgs.DEPARTMENT), Notices.allDistricts());
        String cityNotice = Plans.notice("city_admin", "city_editor", org(DemoOrgs.CITY), Notices.allDistricts());
        String toDept = Plans.create("district_admin", Plans.body(district, deptNotice, Plans.title("报宣传部")));
        String toCity = Plans.create("district_admin", Plans.body(district, cityNotice, Plans.title("报市妇联")));
        // drafts stay with their writers
        as("dept_editor").get("/api/v1/plans/" + toDept).then().statusCode(404);
        as("district_admin").post("/api/v1/plans/" + toDept + "/file").then().statusCode(200);
        as("district_admin").post("/api/v1/plans/" + toCity + "/file").then().statusCode(200);

        as("dept_editor")
                .get("/api/v1/plans/" + toDept)
                .then()
                .statusCode(200)
                .body("reviewOrgId", equalTo(org(DemoOrgs.DEPARTMENT)));
        as("dept_editor").get("/api/v1/plans/" + toCity).then().statusCode(404);
        as("dept_editor")
                .get("/api/v1/plans?size=200")
                .then()
                .body("items.id", hasItem(toDept))
                .body("items.id", not(hasItem(toCity)));
        as("dept_editor").get("/api/v1/plans?filedTo=true&size=200").then().body("items.id", hasItem(toDept));
        // nor the answers to the city's notices, filed or not
        as("dept_editor").get("/api/v1/plans?noticeId=" + cityNotice).then().body("total", equalTo(0));
        // the city sees both: they are in its subtree
        as("city_admin")
                .get("/api/v1/plans?orgId=" + district + "&size=200")
                .then()
                .body("items.id", hasItem(toDept))
                .body("items.id", hasItem(toCity));
    }

    @Test
    void listFiltersBySearchStatusKindAndOrgWithoutAQueryPerPlan() {
        String district = org(DemoOrgs.DISTRICT);
        String word = "晨曦" + System.nanoTime() % 100000;
        Map<String, Object> body = Plans.body(district, null, Plans.title("检索方案"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        items.get(0).put("title", word + "读书会");
        String found = Plans.create("district_admin", body);
        as("district_admin")
                .get("/api/v1/plans?q=" + word)
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(found))
                .body("items[0].itemCount", equalTo(2))
                .body("items[0].targetCount", equalTo(1))
                .body("items[0].kind", equalTo("STANDALONE"));
        as("township_admin").get("/api/v1/plans?q=" + word).then().body("total", equalTo(0));
        as("district_admin")
                .get("/api/v1/plans?q=" + word + "&status=FILED")
                .then()
                .body("total", equalTo(0));
        as("district_admin")
                .get("/api/v1/plans?q=" + word + "&kind=ANSWER")
                .then()
                .body("total", equalTo(0));
        as("district_admin")
                .get("/api/v1/plans?q=" + word + "&orgId=" + org(DemoOrgs.TOWNSHIP))
                .then()
                .body("total", equalTo(0));
        as("district_admin")
                .get("/api/v1/plans?size=500")
                .then()
                .statusCode(400)
                .body("code", equalTo("PAGE_INVALID"));
        as("district_admin").get("/api/v1/plans?status=LOST").then().statusCode(400);

        // the statements of a page do not grow with its plans
        String township = org(DemoOrgs.TOWNSHIP);
        String tag = "计数" + System.nanoTime() % 100000;
        for (int i = 0; i < 2; i++) Plans.create("township_admin", Plans.body(township, null, tag + i));
        long small = statements(
                () -> as("township_admin").get("/api/v1/plans?q=" + tag).then().body("total", equalTo(2)));
        for (int i = 2; i < 8; i++) Plans.create("township_admin", Plans.body(township, null, tag + i));
        long large = statements(
                () -> as("township_admin").get("/api/v1/plans?q=" + tag).then().body("total", equalTo(8)));
        assertTrue(small > 0);
        assertEquals(small, large);
    }

    private long statements(Runnable request) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        try {
            stats.clear();
            request.run();
            return stats.getPrepareStatementCount();
        } finally {
            stats.setStatisticsEnabled(false);
        }
    }
}
