package cn.jinguo.notice;

import static cn.jinguo.support.Api.as;
import static cn.jinguo.support.Files.docx;
import static cn.jinguo.support.Files.pdf;
import static cn.jinguo.support.Files.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 附件: attached in order with their printed titles, readable by recipients, passed on by a re-issue. */
@QuarkusTest
class NoticeAttachmentTest {
    @Inject
    AgroalDataSource ds;

    String city;
    String district;

    @BeforeEach
    void setUp() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        city = Api.orgId(ds, DemoOrgs.CITY);
        district = Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    private String uploaded(String user, String orgId, String name, byte[] content) {
        return upload(user, orgId, name, content)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static int status(String user, String fileId) {
        return given().auth()
                .oauth2(Api.token(user))
                .get("/api/v1/files/" + fileId)
                .statusCode();
    }

    @Test
    void recipientsReadTheAttachmentsAndAReissuePassesThemOn() {
        String form = uploaded("city_editor", city, "报名表.docx", docx("报名表"));
        String plan = uploaded("city_editor", city, "活动方案.pdf", pdf("方案"));
        Map<String, Object> body = Notices.draft(city, "关于报送三八活动材料的通知（附件测试）", Notices.allDistricts());
        body.put("attachments", List.of(Map.of("fileId", plan, "title", "2024年“三八”活动方案"), Map.of("fileId", form)));
        Response created = as("city_editor").body(body).post("/api/v1/notices");
        created.then()
                .statusCode(201)
                .body("attachments.fileId", equalTo(List.of(plan, form)))
                .body("attachments.title", equalTo(List.of("2024年“三八”活动方案", "报名表")))
                .body("attachments[1].name", equalTo("报名表.docx"))
                .body("attachments[0].contentType", equalTo("application/pdf"));
        String id = created.path("id");
        // Titles are searchable like the rest of the notice.
        as("city_editor")
                .get("/api/v1/notices?q=三八”活动方案")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        // A draft's attachments are the issuer's business.
        assertEquals(404, status("district_admin", plan));

        as("city_editor")
                .body(Map.of("issuerCodeId", Notices.issuerCode("city_admin", city)))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        assertEquals(200, status("district_admin", plan));
        assertEquals(200, status("district_viewer", form));
        // A township did not receive the city's notice.
        assertEquals(404, status("township_admin", plan));

        // The district re-issues to its townships: the draft carries the attachments, which stay attachable.
        String receipt = Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(id),
                DemoOrgs.DISTRICT);
        Response forwarded = as("district_admin").post("/api/v1/inbox/" + receipt + "/forward");
        forwarded.then().statusCode(201).body("attachments.fileId", equalTo(List.of(plan, form)));
        String reissue = forwarded.path("id");
        Map<String, Object> edit = Notices.draft(district, "关于转发三八活动材料通知的通知（附件测试）", Notices.directChildren());
        String own = uploaded("district_admin", district, "渝中区安排.pdf", pdf("渝中"));
        edit.put("attachments", List.of(Map.of("fileId", form), Map.of("fileId", own, "title", "渝中区安排")));
        edit.put("issuerOrgId", null);
        as("district_admin")
                .header("If-Match", forwarded.header("ETag"))
                .body(edit)
                .put("/api/v1/notices/" + reissue)
                .then()
                .statusCode(200)
                .body("attachments.title", equalTo(List.of("报名表", "渝中区安排")));
        as("district_admin")
                .body(Map.of("issuerCodeId", Notices.issuerCode("district_admin", district)))
                .post("/api/v1/notices/" + reissue + "/publish")
                .then()
                .statusCode(200);
        assertEquals(200, status("township_admin", form));
        assertEquals(200, status("township_admin", own));
        // The plan was dropped from the re-issue: the township still does not reach it.
        assertEquals(404, status("township_admin", plan));
    }

    @Test
    void filesOfAnotherOrgUnknownOrRepeatedFilesAreRefusedAndNothingChanges() {
        String foreign = uploaded("city_editor", city, "市级文件.pdf", pdf("市级"));
        String own = uploaded("district_admin", district, "区级文件.pdf", pdf("区级"));
        long notices = Api.count(ds, "select count(*) from notice");
        Map<String, Object> body = Notices.draft(district, "附件校验（测试）", Notices.directChildren());

        body.put("attachments", List.of(Map.of("fileId", foreign)));
        as("district_admin")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_ATTACHMENT_INVALID"));
        body.put("attachments", List.of(Map.of("fileId", "999999999")));
        as("district_admin").body(body).post("/api/v1/notices").then().statusCode(422);
        body.put("attachments", List.of(Map.of("fileId", own), Map.of("fileId", own)));
        as("district_admin")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(422)
                .body("code", equalTo("NOTICE_ATTACHMENT_DUPLICATE"));
        body.put("attachments", List.of(Map.of("fileId", "abc")));
        as("district_admin")
                .body(body)
                .post("/api/v1/notices")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attachments[0].fileId"));
        body.put("attachments", List.of(Map.of("title", "没有文件")));
        as("district_admin").body(body).post("/api/v1/notices").then().statusCode(400);
        assertEquals(notices, Api.count(ds, "select count(*) from notice"));

        // An update that fails keeps the attachments the draft had.
        body.put("attachments", List.of(Map.of("fileId", own)));
        Response created = as("district_admin").body(body).post("/api/v1/notices");
        created.then().statusCode(201);
        body.put("attachments", List.of(Map.of("fileId", own), Map.of("fileId", foreign)));
        as("district_admin")
                .header("If-Match", created.header("ETag"))
                .body(body)
                .put("/api/v1/notices/" + created.path("id"))
                .then()
                .statusCode(422);
        as("district_admin")
                .get("/api/v1/notices/" + created.path("id"))
                .then()
                .body("attachments.fileId", equalTo(List.of(own)))
                .body("version", equalTo(created.path("version")));
    }
}
