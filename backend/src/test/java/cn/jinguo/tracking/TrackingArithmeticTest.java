package cn.jinguo.tracking;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completeness counted from the receipts: exemption leaves the denominator, an extension moves the deadline that
 * on-time and overdue are judged by, and the branches add up to the whole, through re-issues and at every level.
 */
@QuarkusTest
class TrackingArithmeticTest {
    private static final String WANZHOU = "500101";
    private static final String FULING = "500102";
    private static final String DADUKOU = "500104";
    private static final String SHAPINGBA = "500106";
    private static final String JIULONGPO = "500107";

    @Inject
    AgroalDataSource ds;

    TrackingFixture f;

    @BeforeEach
    void setUp() {
        f = new TrackingFixture(ds);
    }

    private JsonPath summary(String user, String noticeId) {
        return as(user).get("/api/v1/notices/" + noticeId + "/tracking")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void exemptionExtensionLateOnTimeMissingAndOverdueAreCountedFromTheReceipts() {
        String id = f.cityToDistricts("督办算术测试");
        long n = Long.parseLong(id);
        int recipients = f.recipientCodes(id).size();
        assertTrue(recipients > 10);
        JsonPath fresh = summary("city_editor", id);
        assertEquals(recipients, fresh.getInt("counts.recipients"));
        assertEquals(recipients, fresh.getInt("counts.expected"));
        assertEquals(recipients, fresh.getInt("counts.missing"));
        assertEquals(0, fresh.getInt("counts.overdue"));
        assertEquals("ISSUER", fresh.getString("view"));
        assertTrue(fresh.getBoolean("canManage"));

        // Time passes: the deadline was two days ago for everyone.
        f.exec("update notice set deadline = now() - interval '2 days' where id = ?", n);
        f.exec(
                "update receipt r set deadline = (select deadline from notice where id = r.notice_id) where notice_id = ?",
                n);
        OffsetDateTime laterTime =
                OffsetDateTime.now(TrackingFixture.SHANGHAI).plusDays(3).withNano(0);
        String later = laterTime.toString();

        // 涪陵 gets three more days and reports within them (on time); 九龙坡 gets them and has not reported yet.
        String extended = as("city_editor")
                .body(Map.of("deadline", later, "reason", "区妇联换届，报送顺延"))
                .post("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, FULING) + "/extension")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("extensionReason", equalTo("区妇联换届，报送顺延"))
                .body("extendedBy", equalTo("city_editor"))
                .extract()
                .path("deadline");
        assertEquals(laterTime.toInstant(), OffsetDateTime.parse(extended).toInstant());
        as("city_editor")
                .body(Map.of("deadline", later, "reason", "受灾延期"))
                .post("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, JIULONGPO) + "/extension")
                .then()
                .statusCode(200)
                .body("progress", equalTo("PENDING"));
        // 万州 is exempt: it leaves the denominator.
        as("city_editor")
                .body(Map.of("reason", "已撤并，无需报送"))
                .post("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, WANZHOU) + "/exemption")
                .then()
                .statusCode(200)
                .body("progress", equalTo("EXEMPT"));

        // 渝中 on time, accepted, two entries featured; 江北 an hour late and returned; 涪陵 after the notice's
        // deadline but within its extension; 大渡口 filed a plan; 沙坪坝 read only.
        f.exec(
                """
                update receipt set first_read_at = deadline - interval '3 days', signed_at = deadline - interval '3 days',
                  submitted_at = deadline - interval '1 day', report_status = 'ACCEPTED', accepted_at = now(), featured_count = 2
                where notice_id = ? and org_id = (select id from org where code = ?)""",
                n,
                DemoOrgs.DISTRICT);
        f.exec(
                """
                update receipt set first_read_at = deadline - interval '3 days', signed_at = deadline - interval '2 days',
                  submitted_at = deadline + interval '1 hour', report_status = 'RETURNED'
                where notice_id = ? and org_id = (select id from org where code = ?)""",
                n,
                DemoOrgs.SIBLING_DISTRICT);
        f.exec(
                """
                update receipt set submitted_at = now() - interval '1 day', report_status = 'SUBMITTED'
                where notice_id = ? and org_id = (select id from org where code = ?)""",
                n,
                FULING);
        f.exec(
                """
                update receipt set first_read_at = now(), plan_status = 'FILED', plan_filed_at = now()
                where notice_id = ? and org_id = (select id from org where code = ?)""",
                n,
                DADUKOU);
        f.exec(
                "update receipt set first_read_at = now() where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                SHAPINGBA);

        JsonPath s = summary("city_editor", id);
        assertEquals(recipients, s.getInt("counts.recipients"));
        assertEquals(1, s.getInt("counts.exempt"));
        assertEquals(recipients - 1, s.getInt("counts.expected"));
        assertEquals(4, s.getInt("counts.read"));
        assertEquals(2, s.getInt("counts.signed"));
        assertEquals(1, s.getInt("counts.plansFiled"));
        assertEquals(0, s.getInt("counts.plansAcknowledged"));
        assertEquals(3, s.getInt("counts.submitted"));
        assertEquals(2, s.getInt("counts.onTime"), "渝中, and 涪陵 thanks to its extension");
        assertEquals(1, s.getInt("counts.late"), "江北");
        assertEquals(recipients - 1 - 3, s.getInt("counts.missing"));
        assertEquals(recipients - 1 - 3 - 1, s.getInt("counts.overdue"), "九龙坡's extension has not run out");
        assertEquals(1, s.getInt("counts.accepted"));
        assertEquals(1, s.getInt("counts.returned"));
        assertEquals(2, s.getInt("counts.featured"));
        assertEquals(2, s.getInt("counts.extended"));
        assertEquals(Math.round(3.0 / (recipients - 1) * 10000) / 10000.0, s.getDouble("counts.completionRate"), 1e-9);

        // the table's filters agree with the counts
        Map<String, Integer> expected = Map.of(
                "EXEMPT", 1,
                "SUBMITTED", 3,
                "ON_TIME", 2,
                "LATE", 1,
                "MISSING", recipients - 4,
                "OVERDUE", recipients - 5,
                "ACCEPTED", 1,
                "RETURNED", 1,
                "EXTENDED", 2,
                "UNSIGNED", recipients - 2);
        expected.forEach((status, total) -> as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/receipts?size=200&status=" + status)
                .then()
                .statusCode(200)
                .body("total", equalTo(total)));
        as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/receipts?status=LATE")
                .then()
                .body("items[0].orgCode", equalTo(DemoOrgs.SIBLING_DISTRICT))
                .body("items[0].late", equalTo(true))
                .body("items[0].progress", equalTo("RETURNED"));
        as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/receipts?status=PLAN_MISSING")
                .then()
                .body("total", equalTo(0)); // no plan is required by this notice
        as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/receipts?q=渝中")
                .then()
                .body("total", equalTo(1))
                .body("items[0].progress", equalTo("ACCEPTED"))
                .body("items[0].featuredCount", equalTo(2));

        // the missing list: not submitted, not exempt, with contacts and overdue days
        JsonPath missing = as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/missing?size=200")
                .then()
                .statusCode(200)
                .body("total", equalTo(recipients - 4))
                .extract()
                .jsonPath();
        List<String> missingCodes = missing.getList("items.orgCode");
        for (String done : List.of(WANZHOU, DemoOrgs.DISTRICT, DemoOrgs.SIBLING_DISTRICT, FULING))
            assertTrue(!missingCodes.contains(done), done);
        Map<String, Object> jiulongpo = missing.getMap("items.find { it.orgCode == '" + JIULONGPO + "' }");
        assertEquals(true, jiulongpo.get("extended"));
        assertEquals(0, jiulongpo.get("overdueDays"));
        Map<String, Object> dadukou = missing.getMap("items.find { it.orgCode == '" + DADUKOU + "' }");
        assertEquals(2, dadukou.get("overdueDays"));
        assertNotNull(dadukou.get("contactPhone"));

        // every branch is a district here; together they are the whole
        JsonPath branches = as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/branches")
                .then()
                .statusCode(200)
                .body("parentOrgId", equalTo(f.org(DemoOrgs.CITY)))
                .body("items.recipient", everyItem(equalTo(true)))
                .body("items.hasChildren", everyItem(equalTo(false)))
                .extract()
                .jsonPath();
        assertEquals(recipients, branches.getList("items").size());
        for (String key : List.of(
                "recipients",
                "exempt",
                "expected",
                "read",
                "signed",
                "plansFiled",
                "submitted",
                "onTime",
                "late",
                "missing",
                "overdue",
                "accepted",
                "returned",
                "featured",
                "extended")) {
            int sum = branches.getList("items.counts." + key, Integer.class).stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            assertEquals(s.getInt("counts." + key), sum, key);
        }
        // one branch alone
        as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking?orgId=" + f.org(FULING))
                .then()
                .statusCode(200)
                .body("orgId", equalTo(f.org(FULING)))
                .body("counts.recipients", equalTo(1))
                .body("counts.onTime", equalTo(1))
                .body("counts.completionRate", equalTo(1.0f));

        // revoking 涪陵's extension makes its report late; revoking 万州's exemption brings it back as overdue
        as("city_editor")
                .delete("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, FULING) + "/extension")
                .then()
                .statusCode(200)
                .body("late", equalTo(true));
        as("city_editor")
                .delete("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, WANZHOU) + "/exemption")
                .then()
                .statusCode(200)
                .body("progress", equalTo("OVERDUE"));
        JsonPath after = summary("city_editor", id);
        assertEquals(0, after.getInt("counts.exempt"));
        assertEquals(recipients, after.getInt("counts.expected"));
        assertEquals(1, after.getInt("counts.onTime"));
        assertEquals(2, after.getInt("counts.late"));
        assertEquals(recipients - 4, after.getInt("counts.overdue"));
        assertEquals(
                5,
                f.count(
                        "select count(*) from audit_event where target_type = 'receipt' and action like 'tracking.%'"
                                + " and details ->> 'noticeId' = ?",
                        id),
                "two extensions, one exemption and two revocations were audited");
    }

    @Test
    void extensionAndExemptionRulesRefuseBadInputAndChangeNothing() {
        String id = f.cityToDistricts("督办规则测试");
        String district = f.receipt(id, DemoOrgs.DISTRICT);
        String before = receiptState(district);
        String base = "/api/v1/notices/" + id + "/receipts/" + district;
        OffsetDateTime deadline = OffsetDateTime.parse(cn.jinguo.support.Notices.DEADLINE);

        // reason required, deadline required, bad date, deadline not after the notice's
        as("city_editor")
                .body(Map.of("deadline", deadline.plusDays(2).toString(), "reason", " "))
                .post(base + "/extension")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("city_editor")
                .body(Map.of("reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("deadline"));
        as("city_editor")
                .body(Map.of("deadline", "下周一", "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_JSON"));
        as("city_editor")
                .body(Map.of("deadline", deadline.toString(), "reason", "顺延"))
                .post(base + "/extension")
                .then()
                .statusCode(422)
                .body("code", equalTo("TRACKING_EXTENSION_NOT_AFTER_DEADLINE"));
        as("city_editor")
                .body(Map.of("reason", "x".repeat(501)))
                .post(base + "/exemption")
                .then()
                .statusCode(400);
        as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .header("If-Match", "\"99\"")
                .post(base + "/exemption")
                .then()
                .statusCode(412);
        as("city_editor")
                .delete(base + "/extension")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_NOT_EXTENDED"));
        as("city_editor")
                .delete(base + "/exemption")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_NOT_EXEMPT"));
        as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .post("/api/v1/notices/" + id + "/receipts/abc/exemption")
                .then()
                .statusCode(404);
        // a receipt of another notice is not this notice's
        String other = f.cityToDistricts("另一份通知");
        as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .post("/api/v1/notices/" + other + "/receipts/" + district + "/exemption")
                .then()
                .statusCode(404);
        assertEquals(before, receiptState(district));
        assertEquals(
                0,
                f.count("select count(*) from audit_event where target_type = 'receipt' and target_id = ?", district));

        // an org that submitted is not exempted; an exempt one is not extended; twice is a conflict
        f.exec(
                "update receipt set submitted_at = now(), report_status = 'SUBMITTED' where id = ?",
                Long.parseLong(district));
        as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .post(base + "/exemption")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_ALREADY_SUBMITTED"));
        String sibling = f.receipt(id, DemoOrgs.SIBLING_DISTRICT);
        String siblingBase = "/api/v1/notices/" + id + "/receipts/" + sibling;
        String etag = as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .post(siblingBase + "/exemption")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as("city_editor")
                .body(Map.of("reason", "无需报送"))
                .header("If-Match", etag)
                .post(siblingBase + "/exemption")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_ALREADY_EXEMPT"));
        as("city_editor")
                .body(Map.of("deadline", deadline.plusDays(2).toString(), "reason", "顺延"))
                .post(siblingBase + "/extension")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_RECEIPT_EXEMPT"));
        // the exempt org was told
        assertEquals(
                1,
                f.count(
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where n.kind = 'RECEIPT_EXEMPTED' and n.receipt_id = ?",
                        Long.parseLong(sibling)));

        // a withdrawn notice takes no more decisions, but its tracking stays readable
        String etagNotice =
                as("city_editor").get("/api/v1/notices/" + id).then().extract().header("ETag");
        as("city_editor")
                .header("If-Match", etagNotice)
                .body(Map.of("reason", "撤回测试"))
                .post("/api/v1/notices/" + id + "/withdraw")
                .then()
                .statusCode(200);
        as("city_editor")
                .body(Map.of("deadline", deadline.plusDays(2).toString(), "reason", "顺延"))
                .post("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, FULING) + "/extension")
                .then()
                .statusCode(409)
                .body("code", equalTo("TRACKING_NOTICE_NOT_OPEN"));
        as("city_editor").get("/api/v1/notices/" + id + "/tracking").then().statusCode(200);
    }

    @Test
    void branchesDrillDownThroughAReissueAndAddUpAtEveryLevel() {
        String city = f.cityToDistricts("督办钻取测试");
        String districtReceipt = f.receipt(city, DemoOrgs.DISTRICT);
        as("district_admin")
                .post("/api/v1/inbox/" + districtReceipt + "/sign")
                .then()
                .statusCode(200);
        String reissue = as("district_admin")
                .post("/api/v1/inbox/" + districtReceipt + "/forward")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // a draft re-issue is not offered for drilling down
        as("city_editor")
                .get("/api/v1/notices/" + city + "/tracking/branches")
                .then()
                .body("items.find { it.code == '" + DemoOrgs.DISTRICT + "' }.forwardedNoticeId", equalTo(null));
        String code = cn.jinguo.support.Notices.issuerCode("district_admin", f.org(DemoOrgs.DISTRICT));
        as("district_admin")
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + reissue + "/publish")
                .then()
                .statusCode(200);
        long townships = f.recipientCodes(reissue).size();
        assertTrue(townships > 3);
        f.exec(
                "update receipt set submitted_at = now(), report_status = 'SUBMITTED' where notice_id = ?"
                        + " and org_id = (select id from org where code = ?)",
                Long.parseLong(reissue),
                DemoOrgs.TOWNSHIP);

        as("city_editor")
                .get("/api/v1/notices/" + city + "/tracking/branches")
                .then()
                .statusCode(200)
                .body("items.find { it.code == '" + DemoOrgs.DISTRICT + "' }.forwardedNoticeId", equalTo(reissue))
                .body("items.find { it.code == '" + DemoOrgs.DISTRICT + "' }.receiptId", equalTo(districtReceipt));
        // the city follows the district's re-issue: its default root is the district
        JsonPath level2 = as("city_editor")
                .get("/api/v1/notices/" + reissue + "/tracking/branches")
                .then()
                .statusCode(200)
                .body("parentOrgId", equalTo(f.org(DemoOrgs.DISTRICT)))
                .extract()
                .jsonPath();
        assertEquals(townships, level2.getList("items").size());
        assertEquals(
                1,
                level2.getList("items.counts.submitted", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        as("city_editor")
                .get("/api/v1/notices/" + reissue + "/tracking")
                .then()
                .statusCode(200)
                .body("view", equalTo("ISSUER"))
                .body("canManage", equalTo(false)) // the district decides on its own notice
                .body("counts.recipients", equalTo((int) townships))
                .body("counts.submitted", equalTo(1))
                .body("notice.parentNoticeId", equalTo(city));
    }

    @Test
    void branchesGroupRecipientsBelowOrgsThatAreNoRecipientsAndShowTheParentsOwnReceipt() {
        // to every township of 渝中 and to 渝中 itself: under the city one branch (渝中) with its own receipt and
        // townships below it; under 渝中 a self row and one row per township
        String district = f.org(DemoOrgs.DISTRICT);
        String id = f.publish(
                "city_admin",
                "city_editor",
                DemoOrgs.CITY,
                "督办分支测试",
                Map.of(
                        "recipients",
                        Map.of(
                                "groups",
                                List.of(Map.of("level", "TOWNSHIP", "withinOrgId", district)),
                                "orgIds",
                                List.of(district, f.org(DemoOrgs.SIBLING_TOWNSHIP)))));
        int recipients = f.recipientCodes(id).size();
        f.exec(
                "update receipt set submitted_at = now() where notice_id = ? and org_id in (select id from org where code in (?, ?))",
                Long.parseLong(id),
                DemoOrgs.TOWNSHIP,
                DemoOrgs.SIBLING_TOWNSHIP);

        JsonPath top = as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/branches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, top.getList("items").size(), "渝中 and 江北");
        Map<String, Object> yuzhong = top.getMap("items.find { it.code == '" + DemoOrgs.DISTRICT + "' }");
        assertEquals(true, yuzhong.get("recipient"));
        assertEquals(true, yuzhong.get("hasChildren"));
        Map<String, Object> jiangbei = top.getMap("items.find { it.code == '" + DemoOrgs.SIBLING_DISTRICT + "' }");
        assertEquals(false, jiangbei.get("recipient"), "江北 holds a recipient below it but is none itself");
        assertEquals(true, jiangbei.get("hasChildren"));
        assertEquals(recipients, top.getInt("items[0].counts.recipients") + top.getInt("items[1].counts.recipients"));

        JsonPath below = as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/branches?parentOrgId=" + district)
                .then()
                .statusCode(200)
                .body("items[0].self", equalTo(true))
                .body("items[0].orgId", equalTo(district))
                .body("items[1].self", equalTo(false))
                .extract()
                .jsonPath();
        JsonPath branch = as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking?orgId=" + district)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String key : List.of("recipients", "submitted", "missing")) {
            assertEquals(
                    branch.getInt("counts." + key),
                    below.getList("items.counts." + key, Integer.class).stream()
                            .mapToInt(Integer::intValue)
                            .sum(),
                    key);
        }
        assertEquals(1, branch.getInt("counts.submitted"));
        // a parent outside the sending range is unknown
        as("city_editor")
                .get("/api/v1/notices/" + id + "/tracking/branches?parentOrgId=999999999")
                .then()
                .statusCode(404);
    }

    private String receiptState(String receiptId) {
        return cn.jinguo.support.Api.queryString(
                ds,
                "select concat_ws('|', deadline, exempt_reason, extension_reason, version) from receipt where id = ?",
                Long.parseLong(receiptId));
    }
}
