package cn.jinguo.submission;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Plans;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planned activities a package's entries may realise (GET /submissions/{id}/plan-items): which, and for whom. */
@QuarkusTest
class SubmissionPlanItemsTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    @BeforeEach
    void accounts() {
        Reports.member(ds, "township2_admin", DemoOrgs.TOWNSHIP_2, "ORG_ADMIN");
        Reports.member(ds, "township_viewer", DemoOrgs.TOWNSHIP, "VIEWER");
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
    }

    @Test
    void theOrgsOwnPlansAndTheNoticesPlanNotAnotherOrgs() {
        String notice = Reports.publish(ds, "district_admin", DemoOrgs.DISTRICT, "方案活动选择测试", Notices.directChildren());
        // The district's plan carried by its notice; the township's own annual plan.
        String issuerPlan = Plans.title("区妇联随通知方案");
        Plans.create("district_admin", Plans.body(org(DemoOrgs.DISTRICT), notice, issuerPlan));
        String ownPlan = Plans.title("街道年度工作计划");
        Plans.create("township_admin", Plans.body(org(DemoOrgs.TOWNSHIP), null, ownPlan));
        // Not the township's: a sibling township's answer to the same notice, another district's plan.
        String siblingsTitle = Plans.title("兄弟街道方案");
        String siblingsAnswer =
                Plans.create("township2_admin", Plans.body(org(DemoOrgs.TOWNSHIP_2), notice, siblingsTitle));
        String otherDistrictsTitle = Plans.title("江北区方案");
        Plans.create("sibling_admin", Plans.body(org(DemoOrgs.SIBLING_DISTRICT), null, otherDistrictsTitle));
        String id = Reports.open(ds, "township_admin", notice, DemoOrgs.TOWNSHIP);

        // The notice's plan first, then the org's own, newest first (the demo's older ones after): in item order.
        Response items = as("township_admin").get("/api/v1/submissions/" + id + "/plan-items");
        items.then()
                .statusCode(200)
                .body("planTitle", not(hasItem(siblingsTitle)))
                .body("planTitle", not(hasItem(otherDistrictsTitle)))
                .body("[0].planKind", equalTo("ISSUER"))
                .body("[0].planStatus", equalTo("DRAFT"))
                .body("[0].title", equalTo("纪念“三八”节妇女代表座谈会"))
                .body("[0].startsOn", equalTo("2024-03-05"))
                .body("[0].targetValue", nullValue())
                .body("[1].section", equalTo("（五）夯实基础"))
                .body("[1].title", equalTo("打造示范型姐妹驿站"))
                .body("[1].endsOn", equalTo("2026-12-31"))
                .body("[1].targetValue", equalTo(50.0f)) // numeric(14,2): 50.00
                .body("[1].targetUnit", equalTo("家"))
                .body("[1].progressValue", nullValue())
                .body("[2].planKind", equalTo("STANDALONE"))
                .body("planKind.findAll { it == 'ISSUER' }", hasSize(2));
        List<String> titles = items.path("planTitle");
        assertEquals(List.of(issuerPlan, issuerPlan, ownPlan, ownPlan), titles.subList(0, 4));
        List<String> offered = items.path("id");
        // The org's viewer and the district above read the same list.
        as("township_viewer")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(200)
                .body("id", equalTo(offered));
        as("district_admin")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(200)
                .body("id", equalTo(offered));

        // What is offered is what saving accepts: the notice's plan, not a sibling's answer to it.
        String siblingItem =
                Api.queryString(ds, "select min(id) from plan_item where plan_id = ?", Long.parseLong(siblingsAnswer));
        save(id, offered.get(1)).then().statusCode(200).body("entries[0].planItemId", equalTo(offered.get(1)));
        save(id, siblingItem).then().statusCode(422).body("code", equalTo("SUBMISSION_PLAN_ITEM_INVALID"));
        as("township_admin")
                .get("/api/v1/submissions/" + id)
                .then()
                .body("entries[0].planItemId", equalTo(offered.get(1)));

        // Outside the package's readers: 404, as for the package itself.
        as("township2_admin")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBMISSION_NOT_FOUND"));
        as("sibling_admin")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(404);
        as("township_admin").get("/api/v1/submissions/abc/plan-items").then().statusCode(404);
        as("township_admin")
                .get("/api/v1/submissions/999999999/plan-items")
                .then()
                .statusCode(404);
        RestAssured.given()
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(401);
    }

    /** A department reads replies to its notice, not the replying org's plans: only the items the entries name. */
    @Test
    void theIssuersSideSeesOnlyTheLinkedItems() {
        String notice = Reports.publish(ds, "dept_editor", DemoOrgs.DEPARTMENT, "宣传部方案活动测试", Notices.allDistricts());
        String plan = Plans.create("district_admin", Plans.body(org(DemoOrgs.DISTRICT), null, Plans.title("区妇联工作计划")));
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        // The district's new plan first (no plan on the notice; the demo's annual plan after it).
        List<String> offered = as("district_admin")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .path("id");
        String planItems = Api.queryString(
                ds,
                "select string_agg(id::text, ',' order by position) from plan_item where plan_id = ?",
                Long.parseLong(plan));
        assertEquals(List.of(planItems.split(",")), offered.subList(0, 2));

        // A draft is the org's own: the issuing department does not see it, nor its plan items.
        as("dept_editor")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(404);

        Map<String, Object> entry = Reports.entry("宣传月活动", Reports.photos(ds, "district_admin", DemoOrgs.DISTRICT, 3));
        entry.put("planItemId", offered.get(1));
        as("district_admin")
                .header(
                        "If-Match",
                        as("district_admin").get("/api/v1/submissions/" + id).header("ETag"))
                .body(Map.of("summary", "工作总结", "entries", List.of(entry)))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(200);
        as("district_admin")
                .post("/api/v1/submissions/" + id + "/submit")
                .then()
                .statusCode(200);
        as("dept_editor")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .statusCode(200)
                .body("id", contains(offered.get(1)))
                .body("[0].title", equalTo("打造示范型姐妹驿站"));
        as("district_admin")
                .get("/api/v1/submissions/" + id + "/plan-items")
                .then()
                .body("id", equalTo(offered));
    }

    @Test
    void statementsDoNotGrowWithTheItems() {
        String notice = Reports.publish(ds, "district_admin", DemoOrgs.DISTRICT, "方案活动计数测试", Notices.directChildren());
        String township = org(DemoOrgs.TOWNSHIP_2);
        Plans.create("township2_admin", Plans.body(township, null, Plans.title("计数方案")));
        String id = Reports.open(ds, "township2_admin", notice, DemoOrgs.TOWNSHIP_2);
        String url = "/api/v1/submissions/" + id + "/plan-items";
        int before = as("township2_admin").get(url).jsonPath().getList("$").size();
        long small = statements(() -> as("township2_admin").get(url).then().body("$", hasSize(before)));
        for (int i = 0; i < 4; i++) Plans.create("township2_admin", Plans.body(township, null, Plans.title("计数方案")));
        long large = statements(() -> as("township2_admin").get(url).then().body("$", hasSize(before + 8)));
        assertTrue(small > 0);
        assertEquals(small, large);
    }

    /** Saves the township's package with one entry realising {@code planItemId}. */
    private Response save(String id, String planItemId) {
        String etag = as("township_admin").get("/api/v1/submissions/" + id).header("ETag");
        return as("township_admin")
                .header("If-Match", etag)
                .body(Map.of(
                        "entries",
                        List.of(Map.of("title", "姐妹驿站揭牌", "heldOn", "2026-03-06", "planItemId", planItemId))))
                .put("/api/v1/submissions/" + id);
    }

    private String org(String code) {
        return Api.orgId(ds, code);
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
