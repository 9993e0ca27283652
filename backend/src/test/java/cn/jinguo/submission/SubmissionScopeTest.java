package cn.jinguo.submission;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees and does what with packages: roles, subtrees, siblings, departments. */
@QuarkusTest
class SubmissionScopeTest {
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        Reports.member(ds, "township2_admin", DemoOrgs.TOWNSHIP_2, "ORG_ADMIN");
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
    }

    @Test
    void rolesOnTheOrgsSide() {
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "报送角色测试", Notices.allDistricts());
        String receipt = Reports.receipt(ds, notice, DemoOrgs.DISTRICT);
        for (String user : List.of("district_viewer", "district_reviewer")) {
            as(user).body(Map.of("receiptId", receipt))
                    .post("/api/v1/submissions")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("PERMISSION_REQUIRED"));
        }
        // A city member is above the district but does not report in its name.
        as("city_admin")
                .body(Map.of("receiptId", receipt))
                .post("/api/v1/submissions")
                .then()
                .statusCode(403);
        // Another district's receipt is out of sight.
        as("sibling_admin")
                .body(Map.of("receiptId", receipt))
                .post("/api/v1/submissions")
                .then()
                .statusCode(404);
        as("district_editor")
                .body(Map.of("receiptId", "abc"))
                .post("/api/v1/submissions")
                .then()
                .statusCode(404);
        as("district_editor").body(Map.of()).post("/api/v1/submissions").then().statusCode(400);
        assertNoPackage(notice);

        String id = Reports.open(ds, "district_editor", notice, DemoOrgs.DISTRICT);
        // The viewer reads it but neither edits nor submits.
        as("district_viewer")
                .get("/api/v1/submissions/" + id)
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of()));
        String etag = as("district_viewer").get("/api/v1/submissions/" + id).header("ETag");
        as("district_viewer")
                .header("If-Match", etag)
                .body(Map.of("entries", List.of()))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(403);
        as("district_viewer")
                .post("/api/v1/submissions/" + id + "/submit")
                .then()
                .statusCode(403);
        as("sibling_admin").get("/api/v1/submissions/" + id).then().statusCode(404);
        as("sibling_admin").post("/api/v1/submissions/" + id + "/submit").then().statusCode(404);

        // A draft is the org's own: the issuer does not see it before it is sent.
        as("city_admin").get("/api/v1/submissions/" + id).then().statusCode(200);
        as("dept_editor").get("/api/v1/submissions/" + id).then().statusCode(404);

        Reports.fillAndSubmit(ds, "district_editor", id, DemoOrgs.DISTRICT, "编辑报送的活动");
        // Review: the issuer's admin or reviewer only; the district cannot accept its own package.
        for (String user : List.of("city_editor", "district_admin")) {
            as(user).body(Map.of("decision", "ACCEPT"))
                    .post("/api/v1/submissions/" + id + "/review")
                    .then()
                    .statusCode(403);
        }
        as("sibling_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(404);
        as("city_admin")
                .body(Map.of("decision", "MAYBE"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(400);
        as("city_admin")
                .body(Map.of("decision", "ACCEPT", "entries", List.of(Map.of("entryId", "1", "reason", "x"))))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(422)
                .body("code", equalTo("SUBMISSION_ACCEPT_WITH_RETURNS"));
        as("city_admin").get("/api/v1/submissions/" + id).then().body("status", equalTo("SUBMITTED"));
        // Featuring waits for acceptance, and is the reviewers' too.
        String entry = as("city_admin").get("/api/v1/submissions/" + id).path("entries[0].id");
        as("city_admin")
                .put("/api/v1/submissions/" + id + "/entries/" + entry + "/featured")
                .then()
                .statusCode(409);
        as("city_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(200);
        as("city_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(409);
        as("city_editor")
                .put("/api/v1/submissions/" + id + "/entries/" + entry + "/featured")
                .then()
                .statusCode(403);
        as("city_admin")
                .put("/api/v1/submissions/" + id + "/entries/999999/featured")
                .then()
                .statusCode(404);
        // Accepted is final for the org.
        as("district_admin").delete("/api/v1/submissions/" + id).then().statusCode(409);
    }

    @Test
    void siblingsAndDepartments() {
        String notice = Reports.publish(ds, "district_admin", DemoOrgs.DISTRICT, "街道报送范围测试", Notices.directChildren());
        String mine = Reports.open(ds, "township_admin", notice, DemoOrgs.TOWNSHIP);
        String theirs = Reports.open(ds, "township2_admin", notice, DemoOrgs.TOWNSHIP_2);
        Reports.fillAndSubmit(ds, "township2_admin", theirs, DemoOrgs.TOWNSHIP_2, "兄弟街道的活动");
        String photo =
                as("township2_admin").get("/api/v1/submissions/" + theirs).path("entries[0].media[0].fileId");

        // A township sees its own package only: not a sibling's, nor its photos.
        as("township_admin").get("/api/v1/submissions/" + theirs).then().statusCode(404);
        as("township_admin")
                .get("/api/v1/submissions/" + theirs + "/revisions")
                .then()
                .statusCode(404);
        as("township_admin").get("/api/v1/files/" + photo + "/meta").then().statusCode(404);
        as("township_admin")
                .get("/api/v1/submissions?noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(mine));
        // The issuing district sees both, and the photos.
        as("district_admin")
                .get("/api/v1/submissions?noticeId=" + notice)
                .then()
                .body("total", equalTo(2));
        as("district_admin").get("/api/v1/files/" + photo + "/meta").then().statusCode(200);
        as("sibling_admin").get("/api/v1/submissions?noticeId=" + notice).then().body("total", equalTo(0));

        // A department sees the replies to its own notices, not to the city's.
        String deptNotice = Reports.publish(ds, "dept_editor", DemoOrgs.DEPARTMENT, "宣传部报送测试", Notices.allDistricts());
        String toDept = Reports.open(ds, "district_admin", deptNotice, DemoOrgs.DISTRICT);
        Reports.fillAndSubmit(ds, "district_admin", toDept, DemoOrgs.DISTRICT, "回复宣传部的活动");
        String cityNotice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "市妇联报送测试", Notices.allDistricts());
        String toCity = Reports.open(ds, "district_admin", cityNotice, DemoOrgs.DISTRICT);
        Reports.fillAndSubmit(ds, "district_admin", toCity, DemoOrgs.DISTRICT, "回复市妇联的活动");
        as("dept_editor").get("/api/v1/submissions/" + toDept).then().statusCode(200);
        as("dept_editor").get("/api/v1/submissions/" + toCity).then().statusCode(404);
        as("dept_editor")
                .get("/api/v1/submissions?size=200")
                .then()
                .body("items.id", hasItem(toDept))
                .body("items.id", not(hasItem(toCity)));
    }

    /** 收文部门: a department named on the notice reviews its reports in the issuer's place. */
    @Test
    void receivingDepartmentReviews() {
        Reports.member(ds, "dept_reviewer", DemoOrgs.DEPARTMENT, "REVIEWER");
        String city = Api.orgId(ds, DemoOrgs.CITY);
        Map<String, Object> body = Notices.draft(city, "收文部门审核测试", Notices.allDistricts());
        body.put("receivingOrgId", Api.orgId(ds, DemoOrgs.DISTRICT));
        as("city_admin")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_RECEIVING_ORG_INVALID"));
        body.put("receivingOrgId", Api.orgId(ds, DemoOrgs.DEPARTMENT));
        String notice = as("city_admin")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .body(
                        "receivingOrgName",
                        equalTo(Api.queryString(ds, "select name from org where code = ?", DemoOrgs.DEPARTMENT)))
                .extract()
                .path("id");
        as("city_admin")
                .body(Map.of(
                        "issuerCodeId",
                        Api.queryString(
                                ds,
                                "select min(id) from issuer_code where org_id = ? and active",
                                Long.parseLong(city))))
                .post("/api/v1/notices/" + notice + "/publish")
                .then()
                .statusCode(200);
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        Reports.fillAndSubmit(ds, "district_admin", id, DemoOrgs.DISTRICT, "交宣传部审核的活动");
        assertNoticeTold("dept_reviewer", notice);
        // The department's editor sees it but does not review; its reviewer does.
        as("dept_editor")
                .get("/api/v1/submissions/" + id)
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of()));
        as("dept_editor")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(403);
        as("dept_reviewer").get("/api/v1/submissions/" + id).then().body("actions", equalTo(List.of("REVIEW")));
        as("dept_reviewer").get("/api/v1/submissions?reviewable=true").then().body("items.id", hasItem(id));
        as("dept_editor").get("/api/v1/submissions?reviewable=true").then().body("items.id", not(hasItem(id)));
        as("dept_reviewer")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(200);
    }

    private void assertNoticeTold(String user, String notice) {
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where a.username = ? and n.kind = 'SUBMISSION_SUBMITTED' and n.notice_id = ?",
                        user,
                        Long.parseLong(notice)));
    }

    @Test
    void badParameters() {
        as("city_admin").get("/api/v1/submissions?size=0").then().statusCode(400);
        as("city_admin").get("/api/v1/submissions?status=NOPE").then().statusCode(400);
        as("city_admin").get("/api/v1/submissions/abc").then().statusCode(404);
        as("city_admin").get("/api/v1/submissions/999999999/revisions").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/submissions").then().statusCode(401);
    }

    @Test
    void aMovedOrgsReceiptAndPackageFollowIt() {
        // A new township under 渝中 gets a district notice and reports; then it moves to the sibling district.
        String code = "MV" + System.nanoTime() % 100_000_000;
        String org = as("district_admin")
                .body(Map.of(
                        "parentId",
                        Api.orgId(ds, DemoOrgs.DISTRICT),
                        "code",
                        code,
                        "name",
                        "迁移测试街道" + code,
                        "type",
                        "FEDERATION",
                        "level",
                        "TOWNSHIP"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Reports.member(ds, "mover_admin", code, "ORG_ADMIN");
        String notice = Reports.publish(ds, "district_admin", DemoOrgs.DISTRICT, "迁移跟随测试", Notices.directChildren());
        String pkg = Reports.open(ds, "mover_admin", notice, code);
        Reports.fillAndSubmit(ds, "mover_admin", pkg, code, "迁移前的活动");
        as("sibling_admin")
                .get("/api/v1/notices/" + notice + "/tracking")
                .then()
                .statusCode(404);
        as("sibling_admin")
                .get("/api/v1/submissions?noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("newParentId", Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT)))
                .post("/api/v1/orgs/" + org + "/move")
                .then()
                .statusCode(200);

        String path = Api.queryString(ds, "select path from org where id = ?", Long.parseLong(org));
        assertEquals(
                path,
                Api.queryString(
                        ds,
                        "select org_path from receipt where id = ?",
                        Long.parseLong(Reports.receipt(ds, notice, code))));
        assertEquals(path, Api.queryString(ds, "select org_path from submission where id = ?", Long.parseLong(pkg)));
        // The new district sees its new township's receipt and package; the issuer still tracks every recipient.
        as("sibling_admin")
                .get("/api/v1/notices/" + notice + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("BRANCH"))
                .body("counts.recipients", equalTo(1))
                .body("counts.submitted", equalTo(1));
        as("sibling_admin")
                .get("/api/v1/submissions?noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(pkg));
        as("sibling_admin")
                .get("/api/v1/submissions?orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT) + "&branch=true")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(pkg));
        as("district_admin")
                .get("/api/v1/submissions?orgId=" + Api.orgId(ds, DemoOrgs.DISTRICT) + "&branch=true")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(pkg)));
        as("district_admin")
                .get("/api/v1/notices/" + notice + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"))
                .body("counts.submitted", equalTo(1));
    }

    private void assertNoPackage(String notice) {
        assertEquals(0, Api.count(ds, "select count(*) from submission where notice_id = ?", Long.parseLong(notice)));
    }
}
