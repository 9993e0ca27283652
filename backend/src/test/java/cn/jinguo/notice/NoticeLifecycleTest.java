package cn.jinguo.notice;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notice from draft to withdrawal, as the city, a district and a township live it. */
@QuarkusTest
class NoticeLifecycleTest {
    private static final String DEADLINE = Notices.DEADLINE;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    private String city() {
        return Api.orgId(ds, DemoOrgs.CITY);
    }

    private String cityIssuerCode() {
        return Notices.issuerCode("city_admin", city());
    }

    private static Map<String, Object> draft(String issuerOrgId, String title, Map<String, Object> recipients) {
        return Notices.draft(issuerOrgId, title, recipients);
    }

    private static Map<String, Object> allDistricts() {
        return Notices.allDistricts();
    }

    private long districtCount() {
        return Api.count(
                ds,
                "select count(*) from org where type = 'FEDERATION' and level = 'DISTRICT' and active and path like ?",
                Api.queryString(ds, "select path from org where code = ?", DemoOrgs.CITY) + "%");
    }

    private Response publish(String user, String noticeId, String issuerCodeId) {
        return as(user).body(Map.of("issuerCodeId", issuerCodeId)).post("/api/v1/notices/" + noticeId + "/publish");
    }

    private String receiptOf(String noticeId, String orgCode) {
        return Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(noticeId),
                orgCode);
    }

    @Test
    void signingHonoursIfMatchAndTheReceiptSendsItsETag() {
        String id = cn.jinguo.support.Reports.publish(ds, "city_admin", DemoOrgs.CITY, "签收的版本", allDistricts());
        String receipt = receiptOf(id, DemoOrgs.DISTRICT);
        // The first reading is recorded and the ETag is the version after it.
        String read = as("district_admin").get("/api/v1/inbox/" + receipt).header("ETag");
        as("district_admin").get("/api/v1/inbox/" + receipt).then().header("ETag", equalTo(read));

        as("district_admin")
                .header("If-Match", "\"999\"")
                .post("/api/v1/inbox/" + receipt + "/sign")
                .then()
                .statusCode(412);
        assertEquals(
                0,
                Api.count(
                        ds,
                        "select count(*) from receipt where id = ? and signed_at is not null",
                        Long.parseLong(receipt)));

        Response signed = as("district_admin").header("If-Match", read).post("/api/v1/inbox/" + receipt + "/sign");
        signed.then().statusCode(200).body("signedBy", equalTo("district_admin"));
        assertTrue(!read.equals(signed.header("ETag")), "signing moves the version");
        as("district_admin").get("/api/v1/inbox/" + receipt).then().header("ETag", equalTo(signed.header("ETag")));
    }

    @Test
    void cityPublishesToDistrictsWhichSignAndReissueToTownships() {
        String code = cityIssuerCode();
        // preview before publishing
        as("city_editor")
                .body(Map.of("issuerOrgId", city(), "recipients", allDistricts()))
                .post("/api/v1/notices/recipients/preview")
                .then()
                .statusCode(200)
                .body("total", equalTo((int) districtCount()))
                .body("byLevel.DISTRICT", equalTo((int) districtCount()))
                .body("sample.code", hasItem(DemoOrgs.DISTRICT));

        Response created = as("city_editor")
                .body(draft(city(), "关于开展“三八”节活动的通知", allDistricts()))
                .post("/api/v1/notices");
        created.then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("docNumber", nullValue())
                .body("sections[0].html", equalTo("<p>开展“三八”系列活动</p>"))
                .body("actions", equalTo(List.of("UPDATE", "DELETE", "PUBLISH")));
        String id = created.path("id");
        // Drafts are the issuer's business: the district does not see this one.
        as("district_admin").get("/api/v1/notices/" + id).then().statusCode(404);

        Response published = publish("city_editor", id, code);
        published
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("docNumber", matchesPattern("测妇发.+〔\\d{4}〕1号"))
                .body("recipientCount", equalTo((int) districtCount()));
        assertEquals(
                districtCount(), Api.count(ds, "select count(*) from receipt where notice_id = ?", Long.parseLong(id)));
        assertTrue(Api.count(
                        ds,
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where a.username = 'district_admin' and n.notice_id = ? and n.kind = 'NOTICE_PUBLISHED'",
                        Long.parseLong(id))
                == 1);

        // The district reads, signs once, and re-issues to its townships.
        String receipt = receiptOf(id, DemoOrgs.DISTRICT);
        as("district_admin").get("/api/v1/inbox").then().statusCode(200).body("items.notice.id", hasItem(id));
        as("district_admin").get("/api/v1/inbox/summary").then().statusCode(200);
        as("district_admin")
                .get("/api/v1/inbox/issuers")
                .then()
                .statusCode(200)
                .body("find { it.orgId == '" + city() + "' }.count", greaterThanOrEqualTo(1));
        // another org's inbox: a member of it only (404 outside the subtree, 403 above it)
        as("district_admin")
                .get("/api/v1/inbox/issuers?orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
        as("city_admin")
                .get("/api/v1/inbox/issuers?orgId=" + Api.orgId(ds, DemoOrgs.DISTRICT))
                .then()
                .statusCode(403);
        as("district_editor")
                .get("/api/v1/inbox/" + receipt)
                .then()
                .statusCode(200)
                .body("firstReadBy", equalTo("district_editor"))
                .body("actions", equalTo(List.of("SIGN", "FORWARD", "REPORT")));
        // The buttons each member gets follow the same rules as the operations.
        as("district_reviewer").get("/api/v1/inbox/" + receipt).then().body("actions", equalTo(List.of("SIGN")));
        as("district_viewer").get("/api/v1/inbox/" + receipt).then().body("actions", equalTo(List.of()));
        as("city_admin").get("/api/v1/inbox/" + receipt).then().statusCode(200).body("actions", equalTo(List.of()));
        as("district_viewer").post("/api/v1/inbox/" + receipt + "/sign").then().statusCode(403);
        as("city_admin").post("/api/v1/inbox/" + receipt + "/sign").then().statusCode(403);
        as("district_admin")
                .post("/api/v1/inbox/" + receipt + "/sign")
                .then()
                .statusCode(200)
                .body("signedBy", equalTo("district_admin"))
                .body("actions", equalTo(List.of("FORWARD", "REPORT")));
        as("city_editor").get("/api/v1/notices/" + id).then().body("signedCount", equalTo(1));
        // The issuer's 发文 list keeps to what it issued; the district's shows what it received unless asked not to.
        as("district_admin").get("/api/v1/notices?q=" + "关于开展“三八”节活动的通知").then().body("items.id", hasItem(id));
        as("district_admin")
                .get("/api/v1/notices?issued=true&q=" + "关于开展“三八”节活动的通知")
                .then()
                .body("items.id", not(hasItem(id)));
        as("district_editor")
                .post("/api/v1/inbox/" + receipt + "/sign")
                .then()
                .statusCode(409)
                .body("code", equalTo("RECEIPT_ALREADY_SIGNED"));
        // A township of the district did not receive the city's notice.
        as("township_admin").get("/api/v1/notices/" + id).then().statusCode(404);

        Response forwarded = as("district_admin").post("/api/v1/inbox/" + receipt + "/forward");
        forwarded.then().statusCode(201).body("parent.id", equalTo(id)).body("status", equalTo("DRAFT"));
        as("district_admin").get("/api/v1/inbox/" + receipt).then().body("actions", equalTo(List.of("REPORT")));
        String reissue = forwarded.path("id");
        as("district_admin")
                .post("/api/v1/inbox/" + receipt + "/forward")
                .then()
                .statusCode(409);
        String districtCode = as("district_admin")
                .body(Map.of("orgId", Api.orgId(ds, DemoOrgs.DISTRICT), "code", "渝中测发" + System.nanoTime() % 100000))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // not later than the deadline the district received
        Map<String, Object> late = draft(
                Api.orgId(ds, DemoOrgs.DISTRICT),
                "关于转发市妇联通知的通知",
                Map.of("groups", List.of(Map.of("directChildrenOnly", true))));
        late.put("deadline", OffsetDateTime.parse(DEADLINE).plusDays(1).toString());
        Response draftRead = as("district_admin").get("/api/v1/notices/" + reissue);
        String etag = draftRead.header("ETag");
        String etag2 = as("district_admin")
                .header("If-Match", etag)
                .body(late)
                .put("/api/v1/notices/" + reissue)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        publish("district_admin", reissue, districtCode)
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_DEADLINE_AFTER_PARENT"));
        Map<String, Object> onTime = new HashMap<>(late);
        onTime.put("deadline", DEADLINE);
        as("district_admin")
                .header("If-Match", etag2)
                .body(onTime)
                .put("/api/v1/notices/" + reissue)
                .then()
                .statusCode(200);
        publish("district_admin", reissue, districtCode).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // The township now has it; lineage shows both ways.
        as("township_admin").get("/api/v1/inbox").then().statusCode(200).body("items.notice.id", hasItem(reissue));
        as("township_admin")
                .get("/api/v1/notices/" + reissue)
                .then()
                .statusCode(200)
                .body("parent.id", equalTo(id));
        as("city_editor").get("/api/v1/notices/" + id).then().body("forwards.id", hasItem(reissue));
        as("district_admin").get("/api/v1/inbox/" + receipt).then().body("forwardedNoticeId", equalTo(reissue));
    }

    @Test
    void withdrawAmendAndCloseFollowTheirRules() {
        String code = cityIssuerCode();
        String id = as("city_editor")
                .body(draft(city(), "关于报送巾帼建功活动信息的通知", allDistricts()))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response published = publish("city_editor", id, code);
        published.then().statusCode(200);

        // amend: the earlier version is kept, recipients stay, the district is told
        Map<String, Object> content = draft(city(), "关于报送巾帼建功活动信息的通知（修订）", allDistricts());
        as("city_editor")
                .body(Map.of("reason", "标题补充", "content", content))
                .post("/api/v1/notices/" + id + "/amend")
                .then()
                .statusCode(428);
        Map<String, Object> otherRecipients = new HashMap<>(content);
        otherRecipients.put("recipients", Map.of("groups", List.of(Map.of("type", "WORK_COMMITTEE"))));
        as("city_editor")
                .header("If-Match", published.header("ETag"))
                .body(Map.of("reason", "换收文单位", "content", otherRecipients))
                .post("/api/v1/notices/" + id + "/amend")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_RECIPIENTS_FROZEN"));
        as("city_editor")
                .header("If-Match", published.header("ETag"))
                .body(Map.of("reason", "标题补充", "content", content))
                .post("/api/v1/notices/" + id + "/amend")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("title", equalTo("关于报送巾帼建功活动信息的通知（修订）"));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("[0].content.title", equalTo("关于报送巾帼建功活动信息的通知"))
                .body("[0].reason", equalTo("标题补充"));

        // close only after the deadline
        as("city_editor")
                .post("/api/v1/notices/" + id + "/close")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_DEADLINE_NOT_PASSED"));

        // a reviewer reads but does not withdraw; the editor does, with a reason
        as("city_editor")
                .body(Map.of("reason", ""))
                .post("/api/v1/notices/" + id + "/withdraw")
                .then()
                .statusCode(400);
        as("city_editor")
                .body(Map.of("reason", "活动安排调整，另行通知"))
                .post("/api/v1/notices/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("actions", equalTo(List.of()));
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where a.username = 'district_admin' and n.notice_id = ? and n.kind = 'NOTICE_WITHDRAWN'",
                        Long.parseLong(id)));
        as("city_editor")
                .body(Map.of("reason", "再次撤回"))
                .post("/api/v1/notices/" + id + "/withdraw")
                .then()
                .statusCode(409);
        as("district_admin")
                .post("/api/v1/inbox/" + receiptOf(id, DemoOrgs.DISTRICT) + "/sign")
                .then()
                .statusCode(409)
                .body("code", equalTo("NOTICE_NOT_PUBLISHED"));
        // its number stays void: the next notice takes 2
        String next = as("city_editor")
                .body(draft(city(), "下一份通知", allDistricts()))
                .post("/api/v1/notices")
                .then()
                .extract()
                .path("id");
        publish("city_editor", next, code).then().statusCode(200).body("docNumber", matchesPattern(".+〔\\d{4}〕2号"));
    }

    @Test
    void onlyTheIssuersEditorsAndAdminsWriteAndBadInputChangesNothing() {
        long before = Api.count(ds, "select count(*) from notice");
        String district = Api.orgId(ds, DemoOrgs.DISTRICT);
        as("district_reviewer")
                .body(draft(district, "审核人起草", Map.of()))
                .post("/api/v1/notices")
                .then()
                .statusCode(403);
        // a role above the org is not membership of it
        as("city_admin")
                .body(draft(district, "代区县起草", Map.of()))
                .post("/api/v1/notices")
                .then()
                .statusCode(403);
        as("district_admin")
                .body(draft(Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT), "外区", Map.of()))
                .post("/api/v1/notices")
                .then()
                .statusCode(404);
        Map<String, Object> blank = draft(district, "", Map.of());
        blank.put("contactEmail", "not-mail");
        as("district_admin")
                .body(blank)
                .post("/api/v1/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("contactEmail"));
        Map<String, Object> noIssuer = draft(district, "无发文单位", Map.of());
        noIssuer.remove("issuerOrgId");
        as("district_admin")
                .body(noIssuer)
                .post("/api/v1/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("issuerOrgId"));
        as("district_admin")
                .body(draft(district, "越界", Map.of("orgIds", List.of(Api.orgId(ds, DemoOrgs.SIBLING_TOWNSHIP)))))
                .post("/api/v1/notices")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_RECIPIENT_OUT_OF_RANGE"));
        assertEquals(before, Api.count(ds, "select count(*) from notice"));

        // publishing without recipients or with another org's code is refused, and takes no number
        String id = as("district_admin")
                .body(draft(district, "无收文单位", Map.of()))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String cityCode = cityIssuerCode();
        publish("district_admin", id, cityCode)
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_ISSUER_CODE_INVALID"));
        String districtCode = as("district_admin")
                .body(Map.of("orgId", district, "code", "渝中无发" + System.nanoTime() % 100000))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        publish("district_admin", id, districtCode)
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_NO_RECIPIENTS"));
        assertEquals("DRAFT", Api.queryString(ds, "select status from notice where id = ?", Long.parseLong(id)));
        assertEquals(0, Api.count(ds, "select count(*) from receipt where notice_id = ?", Long.parseLong(id)));
        assertEquals(
                0,
                Api.count(
                        ds, "select count(*) from doc_serial where issuer_code_id = ?", Long.parseLong(districtCode)));
        as("district_editor")
                .get("/api/v1/notices/" + id)
                .then()
                .statusCode(200)
                .body("actions", hasItem("PUBLISH"));
        as("district_viewer")
                .get("/api/v1/notices/" + id)
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of()));
        as("district_viewer").delete("/api/v1/notices/" + id).then().statusCode(403);
        as("district_admin").delete("/api/v1/notices/" + id).then().statusCode(204);
    }

    @Test
    void fiftyParallelPublishesGetFiftyConsecutiveNumbers() throws Exception {
        String code = cityIssuerCode();
        List<String> ids = new ArrayList<>();
        Map<String, Object> oneDistrict = Map.of("orgIds", List.of(Api.orgId(ds, DemoOrgs.DISTRICT)));
        for (int i = 0; i < 50; i++) {
            ids.add(as("city_editor")
                    .body(draft(city(), "并发编号测试 " + i, oneDistrict))
                    .post("/api/v1/notices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : ids) {
                Callable<Integer> call =
                        () -> publish("city_editor", id, code).then().extract().statusCode();
                results.add(pool.submit(call));
            }
            for (Future<Integer> f : results) assertEquals(200, f.get());
        } finally {
            pool.shutdown();
        }
        List<Integer> serials = new ArrayList<>();
        for (String id : ids) {
            serials.add(Integer.parseInt(
                    Api.queryString(ds, "select doc_serial from notice where id = ?", Long.parseLong(id))));
        }
        serials.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 50; i++) expected.add(i);
        assertEquals(expected, serials);
    }
}
