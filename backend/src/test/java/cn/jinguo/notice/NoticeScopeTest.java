package cn.jinguo.notice;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuer codes, inbox and notifications: allowed role, forbidden role, and an org outside the caller's subtree. */
@QuarkusTest
class NoticeScopeTest {
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    @Test
    void issuerCodesAreManagedByTheOrgsAdminsAndRetiredRatherThanRenamedOnceUsed() {
        String district = Api.orgId(ds, DemoOrgs.DISTRICT);
        String code = "渝中范发" + System.nanoTime() % 100000;
        long before = Api.count(ds, "select count(*) from issuer_code");
        as("district_editor")
                .body(Map.of("orgId", district, "code", code))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(Map.of("orgId", Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT), "code", code))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(404);
        as("district_admin")
                .body(Map.of("orgId", district, "code", "bad code!"))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(400);
        assertEquals(before, Api.count(ds, "select count(*) from issuer_code"));

        Response created = as("district_admin")
                .body(Map.of("orgId", district, "code", code))
                .post("/api/v1/issuer-codes");
        created.then().statusCode(201).body("active", equalTo(true));
        String id = created.path("id");
        as("district_admin")
                .body(Map.of("orgId", district, "code", code))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(409);
        as("district_viewer")
                .get("/api/v1/issuer-codes?orgId=" + district)
                .then()
                .statusCode(200);
        as("district_admin")
                .get("/api/v1/issuer-codes?orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
        as("township_admin")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("code", code, "active", false))
                .put("/api/v1/issuer-codes/" + id)
                .then()
                .statusCode(404);

        // once it has numbered a notice it keeps its name
        Api.exec(
                ds,
                "insert into notice (issuer_org_id, status, issuer_code_id, doc_year, doc_serial, doc_number, title,"
                        + " created_by) values (?, 'WITHDRAWN', ?, 2024, 1, ?, '旧通知', 'test')",
                Long.parseLong(district),
                Long.parseLong(id),
                code + "〔2024〕1号");
        as("district_admin")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("code", code + "改", "active", true))
                .put("/api/v1/issuer-codes/" + id)
                .then()
                .statusCode(422)
                .body("code", equalTo("ISSUER_CODE_IN_USE"));
        as("district_admin")
                .header("If-Match", created.header("ETag"))
                .body(Map.of("code", code, "active", false))
                .put("/api/v1/issuer-codes/" + id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void anInboxIsItsMembersAndAReceiptOutsideTheSubtreeIsNotFound() {
        String city = Api.orgId(ds, DemoOrgs.CITY);
        String code = as("city_admin")
                .body(Map.of("orgId", city, "code", "渝妇范" + System.nanoTime() % 100000))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = as("city_editor")
                .body(Map.of(
                        "issuerOrgId",
                        city,
                        "title",
                        "范围测试通知",
                        "deadline",
                        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(5).toString(),
                        "recipients",
                        Map.of(
                                "orgIds",
                                List.of(Api.orgId(ds, DemoOrgs.DISTRICT), Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT)))))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("city_editor")
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("recipientCount", equalTo(2));
        String siblingReceipt = Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(id),
                DemoOrgs.SIBLING_DISTRICT);

        // the district does not open, sign or re-issue the sibling district's receipt
        as("district_admin").get("/api/v1/inbox/" + siblingReceipt).then().statusCode(404);
        as("district_admin")
                .post("/api/v1/inbox/" + siblingReceipt + "/sign")
                .then()
                .statusCode(404);
        as("district_admin")
                .post("/api/v1/inbox/" + siblingReceipt + "/forward")
                .then()
                .statusCode(404);
        as("district_admin")
                .get("/api/v1/inbox?orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
        // the city sees the district's receipt but it is not the city's inbox, nor its signature
        as("city_admin")
                .get("/api/v1/inbox?orgId=" + Api.orgId(ds, DemoOrgs.DISTRICT))
                .then()
                .statusCode(403)
                .body("code", equalTo("INBOX_NOT_MEMBER"));
        as("city_admin")
                .get("/api/v1/inbox/" + siblingReceipt)
                .then()
                .statusCode(200)
                .body("firstReadAt", equalTo(null));
        as("district_admin")
                .get("/api/v1/inbox?filter=UNSIGNED&size=200")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
        as("district_admin").get("/api/v1/inbox?filter=NOPE").then().statusCode(400);
        as("district_admin").get("/api/v1/inbox?size=0").then().statusCode(400);
    }

    @Test
    void notificationsAreTheCallersOwn() {
        as("district_admin").get("/api/v1/notifications").then().statusCode(200);
        String others = Api.queryString(
                ds,
                "select max(n.id) from notification n join account a on a.id = n.account_id"
                        + " where a.username <> 'district_admin' and n.read_at is null");
        if (others == null) {
            Api.exec(
                    ds,
                    "insert into notification (account_id, kind, title) select id, 'NOTICE_PUBLISHED', '他人的通知'"
                            + " from account where username = 'city_admin'");
            others = Api.queryString(
                    ds,
                    "select max(n.id) from notification n join account a on a.id = n.account_id where a.username = 'city_admin'");
        }
        as("district_admin")
                .post("/api/v1/notifications/" + others + "/read")
                .then()
                .statusCode(404);
        assertEquals(
                "t",
                Api.queryString(ds, "select read_at is null from notification where id = ?", Long.parseLong(others)));

        Api.exec(
                ds,
                "insert into notification (account_id, kind, title) select id, 'NOTICE_PUBLISHED', '给区妇联的通知'"
                        + " from account where username = 'district_admin'");
        long unread = as("district_admin")
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("unread");
        String mine = as("district_admin")
                .get("/api/v1/notifications?unreadOnly=true")
                .then()
                .statusCode(200)
                .body("unread", equalTo((int) unread))
                .extract()
                .path("items[0].id");
        as("district_admin")
                .post("/api/v1/notifications/" + mine + "/read")
                .then()
                .statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        as("district_admin").get("/api/v1/notifications/unread-count").then().body("unread", equalTo((int) unread - 1));
        as("district_admin").post("/api/v1/notifications/read-all").then().statusCode(200);
        as("district_admin").get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void aDepartmentSendsInItsFederationsNameButNotToIt() {
        String department = Api.orgId(ds, DemoOrgs.DEPARTMENT);
        long districts = Api.count(
                ds,
                "select count(*) from org where type = 'FEDERATION' and level = 'DISTRICT' and active and path like ?",
                Api.queryString(ds, "select path from org where code = ?", DemoOrgs.CITY) + "%");
        as("dept_editor")
                .body(Map.of(
                        "issuerOrgId",
                        department,
                        "recipients",
                        Map.of("groups", List.of(Map.of("type", "FEDERATION", "level", "DISTRICT")))))
                .post("/api/v1/notices/recipients/preview")
                .then()
                .statusCode(200)
                .body("total", equalTo((int) districts));
        as("dept_editor")
                .body(Map.of(
                        "issuerOrgId",
                        department,
                        "recipients",
                        Map.of("orgIds", List.of(Api.orgId(ds, DemoOrgs.CITY)))))
                .post("/api/v1/notices/recipients/preview")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        // the district's editor may not preview for the department
        as("district_editor")
                .body(Map.of("issuerOrgId", department, "recipients", Map.of()))
                .post("/api/v1/notices/recipients/preview")
                .then()
                .statusCode(404);
    }

    @Test
    void theNoticeListShowsWhatWasIssuedOrReceivedInTheSubtree() {
        String city = Api.orgId(ds, DemoOrgs.CITY);
        String draft = as("city_editor")
                .body(Map.of("issuerOrgId", city, "title", "市里的草稿"))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("city_editor")
                .get("/api/v1/notices?issuerOrgId=" + city + "&status=DRAFT&size=200")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(draft));
        as("district_admin")
                .get("/api/v1/notices?size=200")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(draft)));
        as("district_admin").get("/api/v1/notices?status=NOPE").then().statusCode(400);
    }
}
