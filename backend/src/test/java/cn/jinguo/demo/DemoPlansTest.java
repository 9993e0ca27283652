package cn.jinguo.demo;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo plans as `make run` finds them: sample 002 with its targets, the Bijie plan and two filings. */
@QuarkusTest
class DemoPlansTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    DemoPlans demo;

    @Inject
    ObjectMapper json;

    private DemoPlans.Sample sample(String key) {
        return DemoPlans.catalog(json, BusinessTime.today()).plans().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private String planId(String key) {
        return Api.queryString(
                ds,
                "select id from activity_plan where title = ?",
                sample(key).plan().title());
    }

    private String bijieNotice() {
        String title = DemoNotices.catalog(json).notices().stream()
                .filter(s -> s.key().equals("bijie-sanba"))
                .findFirst()
                .orElseThrow()
                .notice()
                .title();
        return Api.queryString(ds, "select id from notice where title = ? and parent_notice_id is null", title);
    }

    @Test
    void sample002IsTheDistrictsAnnualWorkPlanWithItsTargetsAndProgress() throws Exception {
        String id = planId("district-work-plan");
        assertNotNull(id);
        Response plan = as("district_admin").get("/api/v1/plans/" + id);
        plan.then()
                .statusCode(200)
                .body("kind", equalTo("STANDALONE"))
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("orgId", equalTo(Api.orgId(ds, DemoOrgs.DISTRICT)))
                .body("reviewOrgId", equalTo(Api.orgId(ds, DemoOrgs.CITY)))
                .body("reviewedBy", equalTo("city_admin"))
                .body("periodStart", equalTo("2024-01-01"))
                .body("actions", equalTo(List.of("PROGRESS")));
        String stations = "items.find { it.title == '打造示范型姐妹驿站' }";
        plan.then()
                .body(stations + ".targetValue", equalTo(50))
                .body(stations + ".targetUnit", equalTo("家"))
                .body(stations + ".progressValue", equalTo(44))
                .body(stations + ".startsOn", equalTo("2024-01-01"))
                .body(stations + ".endsOn", equalTo("2026-12-31"))
                .body(stations + ".section", equalTo("（五）夯实基础，持续强化自身建设不停步"));
        // the five 板块 of the sample, in its order
        List<String> sections = plan.path("items.section");
        assertEquals(
                List.of(
                        "（一）强化引领，唱响“巾帼心向党”主旋律",
                        "（二）聚焦主业，服务妇女儿童家庭不懈怠",
                        "（三）抓住重点，围绕中心大局工作不偏离",
                        "（四）突出主责，提升倾情服务能力不放松",
                        "（五）夯实基础，持续强化自身建设不停步"),
                sections.stream().distinct().toList());
        // the headings are the sample's own words
        String text = new String(
                getClass()
                        .getResourceAsStream(
                                "/demo/samples/" + sample("district-work-plan").sample())
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        sections.stream().distinct().forEach(s -> assertTrue(text.contains(s), s));
        assertTrue(text.contains("计划通过三年时间打造50家示范型姐妹驿站"));
        // filed with the city on the sample's date, found by what it says
        assertEquals(
                "2024-01-15",
                Api.queryString(
                        ds,
                        "select (filed_at at time zone 'Asia/Shanghai')::date from activity_plan where id = ?",
                        Long.parseLong(id)));
        as("city_admin").get("/api/v1/plans?q=姐妹驿站&filedTo=true").then().body("items.id", hasItem(id));
    }

    @Test
    void theBijieNoticeCarriesTheCitysPlanAndHasAFilingAwaitingReview() {
        String notice = bijieNotice();
        String issuerPlan = planId("bijie-issuer-plan");
        as("district_admin")
                .get("/api/v1/plans?kind=ISSUER&noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(issuerPlan))
                .body("items[0].itemCount", equalTo(5));

        String receipt = Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(notice),
                DemoOrgs.DISTRICT);
        String filed = planId("district-bijie-answer");
        as("district_admin")
                .get("/api/v1/inbox/" + receipt)
                .then()
                .body("planId", equalTo(filed))
                .body("planStatus", equalTo("FILED"));
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from receipt r join activity_plan p on p.receipt_id = r.id"
                                + " where r.id = ? and r.plan_filed_at = p.filed_at and p.filed_at < now()",
                        Long.parseLong(receipt)));
        as("city_admin")
                .get("/api/v1/plans/" + filed)
                .then()
                .body("status", equalTo("FILED"))
                .body("actions", equalTo(List.of("ACKNOWLEDGE", "RETURN")));
        as("dept_editor")
                .get("/api/v1/plans/" + planId("department-bijie-answer"))
                .then()
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("items[1].progressValue", equalTo(8));
        // history was mailed when it happened
        for (String key : List.of("district-work-plan", "district-bijie-answer", "department-bijie-answer")) {
            long id = Long.parseLong(planId(key));
            assertTrue(Api.count(ds, "select count(*) from notification where plan_id = ?", id) > 0, key);
            assertEquals(
                    0,
                    Api.count(ds, "select count(*) from notification where plan_id = ? and mailed_at is null", id),
                    key);
        }
    }

    @Test
    void loadingAgainAddsNothing() {
        String[] tables = {"activity_plan", "plan_item", "notification", "audit_event"};
        long[] before = new long[tables.length];
        for (int i = 0; i < tables.length; i++) before[i] = Api.count(ds, "select count(*) from " + tables[i]);
        assertEquals(0, demo.load());
        for (int i = 0; i < tables.length; i++)
            assertEquals(before[i], Api.count(ds, "select count(*) from " + tables[i]), tables[i]);
    }
}
