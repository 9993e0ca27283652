package cn.jinguo.stats;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** 工作台: the counts move with the receipts in the same request that changes them. */
@QuarkusTest
class DashboardTest {
    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    private static Response dashboard(String user, String query) {
        Response r = as(user).get("/api/v1/dashboard" + query);
        r.then().statusCode(200);
        return r;
    }

    private static int count(Response r, String path) {
        return r.path(path);
    }

    /** The issued notice's completion on the city's dashboard: [recipients, expected, signed, submitted, accepted]. */
    private static List<Integer> completion(String noticeId) {
        Response r = dashboard("city_admin", "");
        List<Map<String, Object>> items = r.path("issued.items");
        Map<String, Object> n = items.stream()
                .filter(i -> noticeId.equals(i.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("notice " + noticeId + " not on the city's dashboard"));
        return List.of(
                (Integer) n.get("recipients"),
                (Integer) n.get("expected"),
                (Integer) n.get("signed"),
                (Integer) n.get("submitted"),
                (Integer) n.get("accepted"));
    }

    @Test
    void countsMoveWhenReceiptsAreSignedFiledAndPackagesSubmitted() {
        StatsWorld w = new StatsWorld(ds, 2033);
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
        Response district0 = dashboard("district_admin", "");
        district0.then().body("org.name", equalTo(w.name(DemoOrgs.DISTRICT)));
        Response city0 = dashboard("city_admin", "");
        // the district federations below the city (other tests add trees of their own beside it)
        int districts = (int) Api.count(
                ds,
                "select count(*) from org where type = 'FEDERATION' and level = 'DISTRICT' and active"
                        + " and path like (select path from org where code = ?) || '%'",
                DemoOrgs.CITY);

        String planDeadline = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusDays(5)
                .withNano(0)
                .toString();
        String notice = w.publish(
                "city_admin",
                DemoOrgs.CITY,
                "工作台测试通知",
                "工作台",
                Notices.allDistricts(),
                Map.of("planRequired", true, "planDeadline", planDeadline));
        String receipt = Reports.receipt(ds, notice, DemoOrgs.DISTRICT);
        // Long overdue, so it is the nearest of every list.
        Api.exec(
                ds, "update receipt set deadline = now() - interval '3650 days' where id = ?", Long.parseLong(receipt));
        Api.exec(
                ds,
                "update notice set plan_deadline = now() - interval '3650 days', deadline = now() - interval '3650 days'"
                        + " where id = ?",
                Long.parseLong(notice));

        Response d1 = dashboard("district_admin", "");
        assertEquals(count(district0, "toSign.count") + 1, count(d1, "toSign.count"));
        assertEquals(count(district0, "toFile.count") + 1, count(d1, "toFile.count"));
        assertEquals(count(district0, "toSubmit.count") + 1, count(d1, "toSubmit.count"));
        assertEquals(count(district0, "toSubmit.overdue") + 1, count(d1, "toSubmit.overdue"));
        d1.then()
                .body("toSign.items[0].receiptId", equalTo(receipt))
                .body("toSign.items[0].noticeId", equalTo(notice))
                .body("toSign.items[0].overdue", equalTo(true))
                .body("toSign.items[0].issuerName", equalTo(w.name(DemoOrgs.CITY)))
                .body("toFile.items[0].noticeId", equalTo(notice))
                .body("toSubmit.items[0].receiptId", equalTo(receipt))
                .body("toSubmit.items[0].submissionId", nullValue());
        assertTrue(count(d1, "toSign.items.size()") <= 5);
        Response city1 = dashboard("city_admin", "");
        assertEquals(count(city0, "issued.total") + 1, count(city1, "issued.total"));
        assertEquals(List.of(districts, districts, 0, 0, 0), completion(notice));

        // Signing takes it off the list to sign.
        as("district_admin").post("/api/v1/inbox/" + receipt + "/sign").then().statusCode(200);
        Response d2 = dashboard("district_admin", "");
        assertEquals(count(district0, "toSign.count"), count(d2, "toSign.count"));
        assertEquals(List.of(districts, districts, 1, 0, 0), completion(notice));

        // A plan started: still to file, and the card opens it; filed: off the list, on the city's list to review.
        String plan = Plans.create(
                "district_admin", Plans.body(Api.orgId(ds, DemoOrgs.DISTRICT), notice, Plans.title("区妇联三八节活动方案")));
        Response drafted = dashboard("district_admin", "");
        assertEquals(count(district0, "toFile.count") + 1, count(drafted, "toFile.count"));
        drafted.then().body("toFile.items[0].planId", equalTo(plan));
        as("district_admin").post("/api/v1/plans/" + plan + "/file").then().statusCode(200);
        // Waiting the longest, so it is first on the city's list.
        Api.exec(
                ds,
                "update activity_plan set filed_at = now() - interval '3650 days' where id = ?",
                Long.parseLong(plan));
        Response d3 = dashboard("district_admin", "");
        assertEquals(count(district0, "toFile.count"), count(d3, "toFile.count"));
        Response city3 = dashboard("city_admin", "");
        assertEquals(count(city0, "toReview.plans") + 1, count(city3, "toReview.plans"));
        city3.then()
                .body("toReview.items[0].kind", equalTo("PLAN"))
                .body("toReview.items[0].id", equalTo(plan))
                .body("toReview.items[0].noticeId", equalTo(notice))
                .body("toReview.items[0].orgName", equalTo(w.name(DemoOrgs.DISTRICT)));

        // Submitting takes it off the list to submit and puts the package on the city's list to review.
        Response sent = w.report(
                "district_admin", notice, DemoOrgs.DISTRICT, List.of(StatsWorld.entry("工作台活动", w.day(3, 1), 10)));
        String pkg = sent.path("id");
        Response d4 = dashboard("district_admin", "");
        assertEquals(count(district0, "toSubmit.count"), count(d4, "toSubmit.count"));
        Response city4 = dashboard("city_admin", "");
        assertEquals(count(city0, "toReview.submissions") + 1, count(city4, "toReview.submissions"));
        assertEquals(List.of(districts, districts, 1, 1, 0), completion(notice));

        // Returned: to submit again, with its package.
        as("city_admin")
                .body(Map.of("decision", "RETURN", "reason", "请补充照片"))
                .post("/api/v1/submissions/" + pkg + "/review")
                .then()
                .statusCode(200);
        Response d5 = dashboard("district_admin", "");
        assertEquals(count(district0, "toSubmit.count") + 1, count(d5, "toSubmit.count"));
        d5.then().body("toSubmit.items[0].submissionId", equalTo(pkg));
        assertEquals(count(city0, "toReview.submissions"), count(dashboard("city_admin", ""), "toReview.submissions"));

        // Resubmitted and accepted.
        as("district_admin")
                .post("/api/v1/submissions/" + pkg + "/submit")
                .then()
                .statusCode(200);
        w.accept("city_admin", pkg);
        assertEquals(List.of(districts, districts, 1, 1, 1), completion(notice));

        // An exempt org leaves the denominator and has nothing to submit.
        Response sibling0 = dashboard("sibling_admin", "");
        Api.exec(
                ds,
                "update receipt set exempt_reason = '机构改革', exempted_at = now(), exempted_by = 'city_admin' where id = ?",
                Long.parseLong(Reports.receipt(ds, notice, DemoOrgs.SIBLING_DISTRICT)));
        assertEquals(List.of(districts, districts - 1, 1, 1, 1), completion(notice));
        Response sibling1 = dashboard("sibling_admin", "");
        assertEquals(count(sibling0, "toSubmit.count") - 1, count(sibling1, "toSubmit.count"));
        assertEquals(count(sibling0, "toFile.count") - 1, count(sibling1, "toFile.count"));
        // Still to sign: exemption is about reporting.
        assertEquals(count(sibling0, "toSign.count"), count(sibling1, "toSign.count"));
    }

    @Test
    void aDepartmentReviewsTheAnswersToItsOwnNotices() {
        StatsWorld w = new StatsWorld(ds, 2034);
        Response dept0 = dashboard("dept_editor", "");
        dept0.then().body("org.name", equalTo(w.name(DemoOrgs.DEPARTMENT)));
        String notice = w.publish("dept_editor", DemoOrgs.DEPARTMENT, "部室工作台测试", "宣传", Notices.allDistricts());
        Response sent = w.report(
                "district_admin", notice, DemoOrgs.DISTRICT, List.of(StatsWorld.entry("区宣传活动", w.day(3, 1), 10)));
        Response dept1 = dashboard("dept_editor", "");
        assertEquals(count(dept0, "toReview.submissions") + 1, count(dept1, "toReview.submissions"));
        assertEquals(count(dept0, "issued.total") + 1, count(dept1, "issued.total"));
        List<String> waiting = dept1.path("toReview.items.id");
        assertTrue(waiting.contains((String) sent.path("id")) || count(dept1, "toReview.submissions") > 5);
    }

    @Test
    void scopeOfTheOrgAsked() {
        String district = Api.orgId(ds, DemoOrgs.DISTRICT);
        // Above the org: the city may look at a district's dashboard.
        dashboard("city_admin", "?orgId=" + district).then().body("org.id", equalTo(district));
        // Beside or above the caller: 404.
        for (String code : new String[] {DemoOrgs.DISTRICT, DemoOrgs.SIBLING_DISTRICT, DemoOrgs.CITY}) {
            as("township_admin")
                    .get("/api/v1/dashboard?orgId=" + Api.orgId(ds, code))
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("ORG_NOT_FOUND"));
        }
        as("district_admin").get("/api/v1/dashboard?orgId=x1").then().statusCode(404);
        as("nobody_at_all").get("/api/v1/dashboard").then().statusCode(403);
        // A platform admin without memberships gets the root.
        as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .body("org.depth", equalTo(0));
    }

    @Test
    void aFixedNumberOfStatements() {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            dashboard("city_admin", "");
            long city = statistics.getPrepareStatementCount();
            statistics.clear();
            dashboard("township_admin", "");
            long township = statistics.getPrepareStatementCount();
            // The account, the org, three to-do lists, the reviews, the open notices and their completion.
            assertTrue(city > 0 && city <= 8, "statements (0: statistics off): " + city);
            assertTrue(township > 0 && township <= city, "statements (0: statistics off): " + township);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
