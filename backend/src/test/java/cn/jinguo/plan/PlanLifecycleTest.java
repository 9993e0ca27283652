package cn.jinguo.plan;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Plans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plan state machine: every transition, allowed and refused, and what each moves on the other side. */
@QuarkusTest
class PlanLifecycleTest {
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    private String org(String code) {
        return Api.orgId(ds, code);
    }

    private String receiptOf(String noticeId, String orgCode) {
        return Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(noticeId),
                orgCode);
    }

    private String receiptColumn(String receiptId, String column) {
        return Api.queryString(ds, "select " + column + " from receipt where id = ?", Long.parseLong(receiptId));
    }

    private long notifications(String user, String planId, String kind) {
        return Api.count(
                ds,
                "select count(*) from notification n join account a on a.id = n.account_id"
                        + " where a.username = ? and n.plan_id = ? and n.kind = ?",
                user,
                Long.parseLong(planId),
                kind);
    }

    private Response post(String user, String planId, String action) {
        return as(user).post("/api/v1/plans/" + planId + "/" + action);
    }

    private Response returnPlan(String user, String planId, Object body) {
        return as(user).body(body).post("/api/v1/plans/" + planId + "/return");
    }

    private Response progress(String user, String planId, String itemId, String etag, Object body) {
        var spec = as(user).body(body);
        if (etag != null) spec = spec.header("If-Match", etag);
        return spec.put("/api/v1/plans/" + planId + "/items/" + itemId + "/progress");
    }

    private static void refused(Response r, int status, String code) {
        r.then().statusCode(status).body("code", equalTo(code));
    }

    @Test
    void aFilingInAnswerToANoticeIsReturnedRefiledAndAcknowledgedMovingItsReceipt() {
        String notice = Plans.notice("city_admin", "city_editor", org(DemoOrgs.CITY), Notices.allDistricts());
        String receipt = receiptOf(notice, DemoOrgs.DISTRICT);
        // the receipt offers 填报活动方案 to those who write the org's plans
        as("district_editor")
                .get("/api/v1/inbox/" + receipt)
                .then()
                .statusCode(200)
                .body("actions", hasItem("FILE_PLAN"))
                .body("planId", nullValue());
        as("district_reviewer").get("/api/v1/inbox/" + receipt).then().body("actions", not(hasItem("FILE_PLAN")));

        Response created = as("district_editor")
                .body(Plans.body(org(DemoOrgs.DISTRICT), notice, "渝中区妇联“三八”活动方案"))
                .post("/api/v1/plans");
        created.then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("kind", equalTo("ANSWER"))
                .body("status", equalTo("DRAFT"))
                .body("receiptId", equalTo(receipt))
                .body("notice.id", equalTo(notice))
                .body("reviewOrgId", nullValue())
                .body("sections[0].html", equalTo("<p>以党的二十大精神为指导</p>"))
                .body("items[1].targetValue", equalTo(50))
                .body("items[1].targetUnit", equalTo("家"))
                .body("actions", equalTo(List.of("UPDATE", "DELETE", "FILE")));
        String plan = created.path("id");
        String targetItem = created.path("items[1].id");
        String activityItem = created.path("items[0].id");
        as("district_editor")
                .get("/api/v1/inbox/" + receipt)
                .then()
                .body("planId", equalTo(plan))
                .body("planStatus", nullValue())
                .body("actions", not(hasItem("FILE_PLAN")));
        // one plan per receipt
        refused(
                as("district_admin")
                        .body(Plans.body(org(DemoOrgs.DISTRICT), notice, "第二份方案"))
                        .post("/api/v1/plans"),
                409,
                "PLAN_EXISTS_FOR_RECEIPT");

        // a draft is not for review, nor for progress
        as("city_admin").get("/api/v1/plans/" + plan).then().statusCode(200).body("actions", equalTo(List.of()));
        refused(post("city_admin", plan, "acknowledge"), 409, "PLAN_STATE_FILED");
        refused(returnPlan("city_admin", plan, Map.of("reason", "不完整")), 409, "PLAN_STATE_FILED");
        refused(
                progress("district_editor", plan, targetItem, Plans.etag("district_editor", plan), Map.of("value", 3)),
                409,
                "PLAN_STATE_PROGRESS");

        // 备案: the writers of the org file; the receipt and the issuer's reviewers hear of it
        post("district_viewer", plan, "file").then().statusCode(403);
        post("district_reviewer", plan, "file").then().statusCode(403);
        post("district_editor", plan, "file")
                .then()
                .statusCode(200)
                .body("status", equalTo("FILED"))
                .body("filedBy", equalTo("district_editor"))
                .body("reviewOrgId", equalTo(org(DemoOrgs.CITY)))
                .body("actions", equalTo(List.of("PROGRESS")));
        assertEquals("FILED", receiptColumn(receipt, "plan_status"));
        String firstFiled = receiptColumn(receipt, "plan_filed_at");
        assertNotNull(firstFiled);
        assertEquals(1, notifications("city_admin", plan, "PLAN_FILED"));
        assertEquals(1, notifications("city_editor", plan, "PLAN_FILED"));
        as("city_admin")
                .get("/api/v1/plans?filedTo=true&status=FILED&noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(plan));
        as("city_admin").get("/api/v1/plans/" + plan).then().body("actions", equalTo(List.of("ACKNOWLEDGE", "RETURN")));
        as("district_editor").get("/api/v1/inbox/" + receipt).then().body("planStatus", equalTo("FILED"));

        // filed: no edits, no deletion, no second filing
        refused(
                as("district_editor")
                        .header("If-Match", Plans.etag("district_editor", plan))
                        .body(Plans.body(null, null, "改一改"))
                        .put("/api/v1/plans/" + plan),
                409,
                "PLAN_STATE_EDITABLE");
        refused(as("district_editor").delete("/api/v1/plans/" + plan), 409, "PLAN_STATE_DRAFT");
        refused(post("district_editor", plan, "file"), 409, "PLAN_STATE_EDITABLE");

        // review belongs to the issuer's members with report:review
        post("city_editor", plan, "acknowledge").then().statusCode(403);
        post("district_admin", plan, "acknowledge").then().statusCode(403);
        returnPlan("city_admin", plan, Map.of("reason", " "))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertEquals("FILED", receiptColumn(receipt, "plan_status"));

        returnPlan("city_admin", plan, Map.of("reason", "请补充活动地点"))
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("returnReason", equalTo("请补充活动地点"))
                .body("reviewedBy", equalTo("city_admin"));
        assertEquals("RETURNED", receiptColumn(receipt, "plan_status"));
        assertEquals(1, notifications("district_editor", plan, "PLAN_RETURNED"));
        refused(post("city_admin", plan, "acknowledge"), 409, "PLAN_STATE_FILED");
        refused(returnPlan("city_admin", plan, Map.of("reason", "再退")), 409, "PLAN_STATE_FILED");
        refused(as("district_editor").delete("/api/v1/plans/" + plan), 409, "PLAN_STATE_DRAFT");
        refused(
                progress("district_editor", plan, targetItem, Plans.etag("district_editor", plan), Map.of("value", 3)),
                409,
                "PLAN_STATE_PROGRESS");

        // edited (items keep their ids) and filed again: the receipt keeps the first filing time
        Map<String, Object> edited = Plans.body(null, null, "渝中区妇联“三八”活动方案（修改稿）");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) edited.get("items");
        items.get(0).put("id", activityItem);
        items.get(1).put("id", targetItem);
        as("district_editor")
                .header("If-Match", Plans.etag("district_editor", plan))
                .body(edited)
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(activityItem, targetItem)))
                .body("actions", equalTo(List.of("UPDATE", "FILE")));
        post("district_editor", plan, "file").then().statusCode(200).body("returnReason", nullValue());
        assertEquals("FILED", receiptColumn(receipt, "plan_status"));
        assertEquals(firstFiled, receiptColumn(receipt, "plan_filed_at"));
        assertEquals(2, notifications("city_admin", plan, "PLAN_FILED"));

        as("city_admin")
                .header("If-Match", "\"0\"")
                .post("/api/v1/plans/" + plan + "/acknowledge")
                .then()
                .statusCode(412);
        as("city_admin")
                .header("If-Match", Plans.etag("city_admin", plan))
                .post("/api/v1/plans/" + plan + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("reviewedAt", notNullValue());
        assertEquals("ACKNOWLEDGED", receiptColumn(receipt, "plan_status"));
        assertEquals(1, notifications("district_admin", plan, "PLAN_ACKNOWLEDGED"));

        // acknowledged is final but for progress
        refused(post("city_admin", plan, "acknowledge"), 409, "PLAN_STATE_FILED");
        refused(returnPlan("city_admin", plan, Map.of("reason", "晚了")), 409, "PLAN_STATE_FILED");
        refused(post("district_editor", plan, "file"), 409, "PLAN_STATE_EDITABLE");
        refused(as("district_editor").delete("/api/v1/plans/" + plan), 409, "PLAN_STATE_DRAFT");
        refused(
                as("district_editor")
                        .header("If-Match", Plans.etag("district_editor", plan))
                        .body(edited)
                        .put("/api/v1/plans/" + plan),
                409,
                "PLAN_STATE_EDITABLE");

        assertEquals(
                List.of("plan.create", "plan.file", "plan.return", "plan.update", "plan.file", "plan.acknowledge"),
                List.of(Api.queryString(
                                ds,
                                "select string_agg(action, ',' order by id) from audit_event where target_type = 'plan'"
                                        + " and target_id = ?",
                                plan)
                        .split(",")));
    }

    @Test
    void progressOnTargetsIsRecordedByThePlansOrgOnceFiled() {
        String township = org(DemoOrgs.TOWNSHIP);
        String plan = Plans.create("township_admin", Plans.body(township, null, Plans.title("解放碑街道年度工作计划")));
        Response read = as("township_admin").get("/api/v1/plans/" + plan);
        read.then().body("kind", equalTo("STANDALONE"));
        String activity = read.path("items[0].id");
        String target = read.path("items[1].id");

        post("township_admin", plan, "file")
                .then()
                .statusCode(200)
                .body("reviewOrgId", equalTo(org(DemoOrgs.DISTRICT)))
                .body("actions", equalTo(List.of("PROGRESS")));
        String etag = Plans.etag("township_admin", plan);
        refused(progress("township_admin", plan, target, null, Map.of("value", 3)), 428, "PRECONDITION_REQUIRED");
        refused(progress("township_admin", plan, activity, etag, Map.of("value", 3)), 422, "PLAN_ITEM_NO_TARGET");
        refused(progress("township_admin", plan, "999999999", etag, Map.of("value", 3)), 404, "PLAN_ITEM_NOT_FOUND");
        progress("township_admin", plan, target, etag, Map.of("value", -1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        progress("township_admin", plan, target, etag, Map.of("value", 1.234))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].code", equalTo("Digits"));
        // the district sees the township's plan but does not write it
        progress("district_admin", plan, target, etag, Map.of("value", 3))
                .then()
                .statusCode(403);
        as("township_admin")
                .get("/api/v1/plans/" + plan)
                .then()
                .header("ETag", equalTo(etag))
                .body("items[1].progressValue", nullValue());

        Response updated = progress("township_admin", plan, target, etag, Map.of("value", 12, "note", "2024年建成12家"));
        updated.then()
                .statusCode(200)
                .body("items[1].progressValue", equalTo(12))
                .body("items[1].progressNote", equalTo("2024年建成12家"))
                .body("items[1].progressUpdatedAt", notNullValue());
        // a new version: the old ETag is stale
        refused(progress("township_admin", plan, target, etag, Map.of("value", 13)), 412, "PRECONDITION_FAILED");

        // the district reviews its township's plan; progress goes on after acknowledgement
        post("city_admin", plan, "acknowledge").then().statusCode(403);
        post("district_admin", plan, "acknowledge").then().statusCode(200);
        progress("township_admin", plan, target, Plans.etag("township_admin", plan), Map.of("value", 20.5))
                .then()
                .statusCode(200)
                .body("items[1].progressValue", equalTo(20.5f));
        assertEquals(
                2,
                Api.count(
                        ds, "select count(*) from audit_event where action = 'plan.progress' and target_id = ?", plan));
    }

    @Test
    void aStandalonePlanOfTheRootOrgHasNobodyToFileWith() {
        String city = org(DemoOrgs.CITY);
        String plan = Plans.create("city_admin", Plans.body(city, null, Plans.title("市妇联年度工作要点")));
        as("city_admin")
                .get("/api/v1/plans/" + plan)
                .then()
                .body("kind", equalTo("STANDALONE"))
                .body("actions", equalTo(List.of("UPDATE", "DELETE")));
        refused(post("city_admin", plan, "file"), 422, "PLAN_NO_PARENT");
        // and a plan without items is not filed either
        Map<String, Object> empty = Plans.body(org(DemoOrgs.DISTRICT), null, Plans.title("空方案"));
        empty.put("items", List.of());
        String bare = Plans.create("district_admin", empty);
        refused(post("district_admin", bare, "file"), 422, "PLAN_NO_ITEMS");
        // drafts are deleted by their writers, If-Match honoured
        as("district_viewer").delete("/api/v1/plans/" + bare).then().statusCode(403);
        as("district_admin")
                .header("If-Match", "\"7\"")
                .delete("/api/v1/plans/" + bare)
                .then()
                .statusCode(412);
        as("district_admin").delete("/api/v1/plans/" + bare).then().statusCode(204);
        as("district_admin").get("/api/v1/plans/" + bare).then().statusCode(404);
        assertEquals(
                1,
                Api.count(ds, "select count(*) from audit_event where action = 'plan.delete' and target_id = ?", bare));
    }

    @Test
    void theIssuersOwnPlanIsCarriedByItsNoticeAndReadByItsRecipientsOnly() {
        String city = org(DemoOrgs.CITY);
        String code = Notices.issuerCode("city_admin", city);
        String notice = as("city_editor")
                .body(Notices.draft(city, Plans.title("关于印发“三八”系列活动方案的通知"), Notices.allDistricts()))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response created =
                as("city_editor").body(Plans.body(city, notice, "“三八”系列活动方案")).post("/api/v1/plans");
        created.then()
                .statusCode(201)
                .body("kind", equalTo("ISSUER"))
                .body("receiptId", nullValue())
                .body("actions", equalTo(List.of("UPDATE", "DELETE")));
        String plan = created.path("id");
        refused(post("city_editor", plan, "file"), 422, "PLAN_ISSUER_NOT_FILED");
        refused(
                as("city_editor").body(Plans.body(city, notice, "另一份")).post("/api/v1/plans"),
                409,
                "PLAN_EXISTS_FOR_NOTICE");
        // recipients read it once the notice is published
        as("district_admin").get("/api/v1/plans/" + plan).then().statusCode(404);
        as("city_editor")
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + notice + "/publish")
                .then()
                .statusCode(200);
        as("district_admin").get("/api/v1/plans/" + plan).then().statusCode(200).body("actions", equalTo(List.of()));
        as("district_admin")
                .get("/api/v1/plans?kind=ISSUER&noticeId=" + notice)
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(plan));
        as("district_admin")
                .header("If-Match", Plans.etag("district_admin", plan))
                .body(Plans.body(null, null, "改写"))
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(403);
        // a township received nothing
        as("township_admin").get("/api/v1/plans/" + plan).then().statusCode(404);
        // the issuer keeps editing its own plan
        as("city_editor")
                .header("If-Match", Plans.etag("city_editor", plan))
                .body(Plans.body(city, notice, "“三八”系列活动方案（修订）"))
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(200);
        // and it stays tied to its notice
        refused(
                as("city_editor")
                        .header("If-Match", Plans.etag("city_editor", plan))
                        .body(Plans.body(org(DemoOrgs.DISTRICT), null, "换单位"))
                        .put("/api/v1/plans/" + plan),
                422,
                "PLAN_ORG_FIXED");
    }

    @Test
    void aNoticeNeitherReceivedNorIssuedIsNotAnswered() {
        String district = org(DemoOrgs.DISTRICT);
        String districtNotice = Plans.notice("district_admin", "district_admin", district, Notices.directChildren());
        // the city sees the district's notice, but did not receive it
        refused(
                as("city_admin")
                        .body(Plans.body(org(DemoOrgs.CITY), districtNotice, "不相干"))
                        .post("/api/v1/plans"),
                422,
                "PLAN_NOTICE_UNRELATED");
        // a sibling district does not even see it
        String cityNotice = Plans.notice("city_admin", "city_editor", org(DemoOrgs.CITY), Notices.allDistricts());
        refused(
                as("township_admin")
                        .body(Plans.body(org(DemoOrgs.TOWNSHIP), cityNotice, "越级"))
                        .post("/api/v1/plans"),
                404,
                "NOTICE_NOT_FOUND");
        // the township answers its district's re-issue (here: the district's own notice to it)
        as("township_admin")
                .body(Plans.body(org(DemoOrgs.TOWNSHIP), districtNotice, "解放碑街道“三八”活动方案"))
                .post("/api/v1/plans")
                .then()
                .statusCode(201)
                .body("kind", equalTo("ANSWER"));
    }

    @Test
    void theReceivingDepartmentReviewsInTheIssuersPlace() {
        Api.exec(
                ds,
                "insert into account (username, display_name) values ('dept_reviewer', 'dept_reviewer')"
                        + " on conflict do nothing");
        Api.exec(
                ds,
                """
                insert into membership (account_id, org_id, role)
                select a.id, o.id, 'REVIEWER' from account a, org o where a.username = 'dept_reviewer' and o.code = ?
                on conflict do nothing""",
                DemoOrgs.DEPARTMENT);
        String notice = Plans.notice("city_admin", "city_editor", org(DemoOrgs.CITY), Notices.allDistricts());
        Api.exec(
                ds,
                "update notice set receiving_org_id = ? where id = ?",
                Long.parseLong(org(DemoOrgs.DEPARTMENT)),
                Long.parseLong(notice));
        String plan = Plans.create("district_admin", Plans.body(org(DemoOrgs.DISTRICT), notice, "报宣传部的方案"));
        post("district_admin", plan, "file")
                .then()
                .statusCode(200)
                .body("reviewOrgId", equalTo(org(DemoOrgs.DEPARTMENT)));
        assertEquals(1, notifications("dept_editor", plan, "PLAN_FILED"));
        assertEquals(0, notifications("city_admin", plan, "PLAN_FILED"));
        // the city still sees it, the department reviews it
        as("city_admin").get("/api/v1/plans/" + plan).then().statusCode(200).body("actions", equalTo(List.of()));
        post("city_admin", plan, "acknowledge").then().statusCode(403);
        post("dept_editor", plan, "acknowledge").then().statusCode(403);
        as("dept_reviewer")
                .get("/api/v1/plans?filedTo=true")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(plan));
        post("dept_reviewer", plan, "acknowledge").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }
}
