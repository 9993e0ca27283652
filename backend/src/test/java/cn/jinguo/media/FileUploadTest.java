package cn.jinguo.media;

import static cn.jinguo.support.Files.docx;
import static cn.jinguo.support.Files.pdf;
import static cn.jinguo.support.Files.upload;
import static cn.jinguo.support.Files.zip;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads: limits, type sniffing, hashing, who may upload for an org and who may download. */
@QuarkusTest
class FileUploadTest {
    @Inject
    AgroalDataSource ds;

    String district;

    @BeforeEach
    void setUp() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        district = Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    private long files() {
        return Api.count(ds, "select count(*) from stored_file");
    }

    @Test
    void aFileIsSniffedHashedStoredAndDownloadedAsAnAttachment() throws Exception {
        byte[] content = pdf("渝中区妇联 活动方案");
        Response created = upload("district_admin", district, "C:\\fakepath\\活动方案.pdf", content);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/files/"))
                .body("name", equalTo("活动方案.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(sha))
                .body("ownerOrgId", equalTo(district));
        String id = created.path("id");
        assertEquals(
                1,
                Api.count(ds, "select count(*) from audit_event where action = 'file.upload' and target_id = ?", id));

        Response download = given().auth().oauth2(Api.token("district_viewer")).get("/api/v1/files/" + id);
        download.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("ETag", "\"" + sha + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%B4%BB%E5%8A%A8"));
        assertArrayEquals(content, download.asByteArray());
        given().auth()
                .oauth2(Api.token("district_admin"))
                .header("If-None-Match", "\"" + sha + "\"")
                .get("/api/v1/files/" + id)
                .then()
                .statusCode(304);
        Api.as("district_admin")
                .get("/api/v1/files/" + id + "/meta")
                .then()
                .statusCode(200)
                .body("sha256", equalTo(sha));

        // Outside the owner's subtree and not attached to anything the caller reads: not there at all.
        given().auth()
                .oauth2(Api.token("township_admin"))
                .get("/api/v1/files/" + id)
                .then()
                .statusCode(404);
        Api.as("township_admin").get("/api/v1/files/" + id + "/meta").then().statusCode(404);
        Api.as("district_admin").get("/api/v1/files/abc/meta").then().statusCode(404);
        given().get("/api/v1/files/" + id).then().statusCode(401);

        // The same bytes again: a second record, one stored copy.
        upload("district_admin", district, "活动方案（副本）.pdf", content).then().statusCode(201);
        assertEquals(1, Api.count(ds, "select count(distinct storage_key) from stored_file where sha256 = ?", sha));
    }

    @Test
    void officeDocumentsTextAndImagesAreRecognisedByTheirContent() {
        upload("district_admin", district, "报名表.docx", docx("报名表"))
                .then()
                .statusCode(201)
                .body(
                        "contentType",
                        equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload("district_admin", district, "说明.txt", "各街道妇联：请于3月10日前报送。".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(201)
                .body("contentType", containsString("text/plain"));
        upload("district_admin", district, "合影.PNG", cn.jinguo.support.Media.png(8, 8))
                .then()
                .statusCode(201)
                .body("contentType", equalTo("image/png"));
        upload("district_admin", district, "版式文件.ofd", zip("OFD.xml", "<ofd:OFD/>"))
                .then()
                .statusCode(201)
                .body("contentType", equalTo("application/ofd"));
    }

    @Test
    void badUploadsAreRefusedWithTheirReasonAndStoreNothing() {
        long before = files();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        upload("district_admin", district, "通知.pdf", exe)
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_CONTENT_MISMATCH"));
        upload("district_admin", district, "setup.exe", exe)
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        upload("district_admin", district, "无扩展名", pdf("x"))
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        // a zip that is not a Word document, and a picture renamed to .docx
        upload("district_admin", district, "报名表.docx", zip("a.txt", "hello"))
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_CONTENT_MISMATCH"));
        upload("district_admin", district, "报名表.docx", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
                .then()
                .statusCode(415);
        upload("district_admin", district, "乱码.txt", new byte[] {'a', 0, 'b'})
                .then()
                .statusCode(415);
        upload("district_admin", district, "空.pdf", new byte[0])
                .then()
                .statusCode(400)
                .body("code", equalTo("FILE_EMPTY"));
        // The test profile's limit is 1 MB.
        byte[] big = Arrays.copyOf(pdf("big"), 1024 * 1024 + 1);
        upload("district_admin", district, "大文件.pdf", big)
                .then()
                .statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"))
                .body("detail", containsString("1 MB"));
        upload("district_admin", null, "活动方案.pdf", pdf("x"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("orgId"));
        given().auth()
                .oauth2(Api.token("district_admin"))
                .queryParam("orgId", district)
                .multiPart("other", "x")
                .post("/api/v1/files")
                .then()
                .statusCode(400)
                .body("code", equalTo("FILE_REQUIRED"));
        assertEquals(before, files());
    }

    @Test
    void onlyTheOrgsWritingMembersUploadForIt() {
        long before = files();
        // allowed: an editor of the org itself
        upload("district_editor", district, "a.pdf", pdf("a")).then().statusCode(201);
        // a reviewer or viewer of the org: no notice:write, plan:write or report:write
        upload("district_reviewer", district, "a.pdf", pdf("a"))
                .then()
                .statusCode(403)
                .body("code", equalTo("PERMISSION_REQUIRED"))
                .body("detail", containsString("report:write"));
        upload("district_viewer", district, "a.pdf", pdf("a")).then().statusCode(403);
        // an org outside the caller's subtree
        upload("district_admin", Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT), "a.pdf", pdf("a"))
                .then()
                .statusCode(404);
        // a role above the org does not act in its name
        upload("district_admin", Api.orgId(ds, DemoOrgs.TOWNSHIP), "a.pdf", pdf("a"))
                .then()
                .statusCode(403);
        given().multiPart("file", "a.pdf", pdf("a"))
                .queryParam("orgId", district)
                .post("/api/v1/files")
                .then()
                .statusCode(401);
        assertEquals(before + 1, files());
    }
}
