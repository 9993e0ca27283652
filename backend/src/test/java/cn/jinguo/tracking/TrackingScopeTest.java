package cn.jinguo.tracking;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes a notice's tracking: the issuing side everything, a recipient its own branch, a department
 * its own notices (and their re-issues), and nobody else; decisions need tracking:manage in the issuer itself.
 */
@QuarkusTest
class TrackingScopeTest {
    @Inject
    AgroalDataSource ds;

    TrackingFixture f;

    @BeforeEach
    void setUp() {
        f = new TrackingFixture(ds);
    }

    @Test
    void theIssuerSeesEveryRecipientAndARecipientOnlyItsOwnBranch() {
        String id = f.cityToDistricts("督办范围测试");
        int recipients = f.recipientCodes(id).size();
        String own = f.receipt(id, DemoOrgs.DISTRICT);
        String sibling = f.receipt(id, DemoOrgs.SIBLING_DISTRICT);

        for (String user : List.of("city_admin", "city_editor")) {
            as(user).get("/api/v1/notices/" + id + "/tracking")
                    .then()
                    .statusCode(200)
                    .body("view", equalTo("ISSUER"))
                    .body("canManage", equalTo(true))
                    .body("counts.recipients", equalTo(recipients));
        }
        as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"));

        // 渝中 received it: it sees itself, not 江北
        as("district_admin")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("BRANCH"))
                .body("canManage", equalTo(false))
                .body("counts.recipients", equalTo(1));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/tracking/branches")
                .then()
                .statusCode(200)
                .body("items.code", equalTo(List.of(DemoOrgs.DISTRICT)));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/tracking/receipts?size=200")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].receiptId", equalTo(own));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/tracking/missing")
                .then()
                .statusCode(200)
                .body("items.orgCode", everyItem(equalTo(DemoOrgs.DISTRICT)));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/tracking?orgId=" + f.org(DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
        as("district_admin")
                .get("/api/v1/notices/" + id + "/receipts/" + sibling + "/reminders")
                .then()
                .statusCode(404);
        as("district_admin")
                .get("/api/v1/notices/" + id + "/receipts/" + own + "/reminders")
                .then()
                .statusCode(200);
        // seeing one's own branch gives no say over it
        as("district_admin")
                .body(Map.of("reason", "无需报送"))
                .post("/api/v1/notices/" + id + "/receipts/" + own + "/exemption")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Map.of("reason", "无需报送"))
                .post("/api/v1/notices/" + id + "/receipts/" + sibling + "/exemption")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Map.of("receiptIds", List.of(own), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(403);
        assertEquals(0, f.count("select count(*) from reminder where notice_id = ?", Long.parseLong(id)));
        assertEquals(
                0,
                f.count(
                        "select count(*) from receipt where notice_id = ? and exempt_reason is not null",
                        Long.parseLong(id)));

        // the township was not a recipient of the city's notice; the department neither
        as("township_admin").get("/api/v1/notices/" + id + "/tracking").then().statusCode(404);
        as("dept_editor").get("/api/v1/notices/" + id + "/tracking").then().statusCode(404);
        as("dept_editor")
                .get("/api/v1/notices/" + id + "/tracking/receipts")
                .then()
                .statusCode(404);
    }

    @Test
    void decisionsNeedTrackingManageAsAMemberOfTheIssuer() {
        String id = f.districtToChildren(
                "区级督办权限测试", cn.jinguo.common.BusinessTime.today().plusDays(10), Map.of());
        String receipt = f.receipt(id, DemoOrgs.TOWNSHIP);
        String base = "/api/v1/notices/" + id + "/receipts/" + receipt;
        String due = TrackingFixture.at(cn.jinguo.common.BusinessTime.today().plusDays(12))
                .toString();

        // a viewer of the district reads but decides nothing
        as("district_viewer")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"))
                .body("canManage", equalTo(false));
        as("district_viewer")
                .body(Map.of("deadline", due, "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(403)
                .body("code", equalTo("PERMISSION_REQUIRED"));
        as("district_viewer")
                .body(Map.of("receiptIds", List.of(receipt), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(403);
        // the city sees its district's notice but does not decide for the district
        as("city_admin")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("canManage", equalTo(false));
        as("city_admin")
                .body(Map.of("reason", "无需报送"))
                .post(base + "/exemption")
                .then()
                .statusCode(403);
        // another district knows nothing of it
        as("sibling_admin").get("/api/v1/notices/" + id + "/tracking").then().statusCode(404);
        as("sibling_admin")
                .get("/api/v1/notices/" + id + "/tracking/branches")
                .then()
                .statusCode(404);
        as("sibling_admin")
                .body(Map.of("deadline", due, "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(404);
        as("sibling_admin")
                .body(Map.of("receiptIds", List.of(receipt), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(404);
        // the township is a recipient: its branch, no decisions
        as("township_admin")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("BRANCH"))
                .body("counts.recipients", equalTo(1));
        as("township_admin")
                .body(Map.of("deadline", due, "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(403);
        assertEquals(
                0,
                f.count(
                        "select count(*) from receipt where id = ? and extension_reason is not null",
                        Long.parseLong(receipt)));

        // the district's editor and reviewer may (tracking:manage)
        as("district_editor")
                .body(Map.of("deadline", due, "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(200);
        as("district_reviewer")
                .delete(base + "/extension")
                .then()
                .statusCode(200)
                .body("extensionReason", equalTo(null));
        assertEquals(
                2,
                f.count(
                        "select count(*) from audit_event where target_type = 'receipt' and target_id = ?"
                                + " and action in ('tracking.extend', 'tracking.extension-revoke')",
                        receipt));
    }

    @Test
    void aDepartmentTracksItsOwnNoticesAndTheirReissuesOnly() {
        String department = f.org(DemoOrgs.DEPARTMENT);
        String code = Notices.issuerCode("city_admin", department);
        var draft = Notices.draft(department, "宣传部督办测试", Notices.allDistricts());
        String id = as("dept_editor")
                .body(draft)
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // a draft has no tracking yet: 409 for its issuer, 404 for others
        as("dept_editor")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_NOTICE_DRAFT"));
        as("district_admin").get("/api/v1/notices/" + id + "/tracking").then().statusCode(404);
        as("dept_editor")
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);

        // the department's range is its federation's: the branches start at the city
        as("dept_editor")
                .get("/api/v1/notices/" + id + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"))
                .body("canManage", equalTo(true))
                .body("rootOrgId", equalTo(f.org(DemoOrgs.CITY)));
        as("dept_editor")
                .get("/api/v1/notices/" + id + "/tracking/branches")
                .then()
                .statusCode(200)
                .body("parentOrgId", equalTo(f.org(DemoOrgs.CITY)));

        // 渝中 re-issues it; the department follows the answers to its notice down
        String receipt = f.receipt(id, DemoOrgs.DISTRICT);
        String reissue = as("district_admin")
                .post("/api/v1/inbox/" + receipt + "/forward")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // while the re-issue is a draft it is 渝中's alone: up the chain it does not exist (no title leaks in a 409)
        as("dept_editor")
                .get("/api/v1/notices/" + reissue + "/tracking")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTICE_NOT_FOUND"));
        as("dept_editor").get("/api/v1/stats?noticeId=" + reissue).then().statusCode(404);
        as("dept_editor")
                .get("/api/v1/notices/" + reissue + "/featured-pack")
                .then()
                .statusCode(404);
        as("district_admin")
                .get("/api/v1/notices/" + reissue + "/tracking")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_NOTICE_DRAFT"));
        as("district_admin")
                .body(Map.of("issuerCodeId", Notices.issuerCode("district_admin", f.org(DemoOrgs.DISTRICT))))
                .post("/api/v1/notices/" + reissue + "/publish")
                .then()
                .statusCode(200);
        as("dept_editor")
                .get("/api/v1/notices/" + reissue + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"))
                .body("canManage", equalTo(false));
        // a city notice of someone else is not the department's
        String other = f.cityToDistricts("市妇联的通知");
        as("dept_editor").get("/api/v1/notices/" + other + "/tracking").then().statusCode(404);
    }

    @Test
    void badQueriesAre400() {
        String id = f.cityToDistricts("督办参数测试");
        as("city_admin")
                .get("/api/v1/notices/" + id + "/tracking/receipts?status=NOPE")
                .then()
                .statusCode(400);
        as("city_admin")
                .get("/api/v1/notices/" + id + "/tracking/receipts?size=500")
                .then()
                .statusCode(400)
                .body("code", equalTo("PAGE_INVALID"));
        as("city_admin")
                .get("/api/v1/notices/" + id + "/tracking/missing?page=-1")
                .then()
                .statusCode(400);
        as("city_admin").get("/api/v1/notices/nope/tracking").then().statusCode(404);
        // a year no database can hold is the input's fault, and changes nothing
        String receipt = f.receipt(id, DemoOrgs.DISTRICT);
        as("city_admin")
                .body(Map.of("deadline", "+300000-01-01T17:00:00+08:00", "reason", "年份写错"))
                .post("/api/v1/notices/" + id + "/receipts/" + receipt + "/extension")
                .then()
                .statusCode(400);
        assertEquals(
                0,
                f.count(
                        "select count(*) from receipt where id = ? and extension_reason is not null",
                        Long.parseLong(receipt)));
        as("city_admin")
                .get("/api/v1/notices/" + id + "/tracking?orgId=x")
                .then()
                .statusCode(404)
                .body("code", equalTo("ORG_NOT_FOUND"));
    }
}
