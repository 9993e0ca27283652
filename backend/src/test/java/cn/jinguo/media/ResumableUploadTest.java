package cn.jinguo.media;

import static cn.jinguo.support.Media.OFFSET_OCTET_STREAM;
import static cn.jinguo.support.Media.chunk;
import static cn.jinguo.support.Media.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Media;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads: chunks at the server's offset, resuming after a failure, sizes enforced while streaming,
 * sessions private to their starter and org, and expired sessions cleaned up. The test profile's chunk size is
 * 64 KB, the largest video 3 MB and any other file 1 MB.
 */
@QuarkusTest
class ResumableUploadTest {
    static final int CHUNK = 64 * 1024;

    @Inject
    AgroalDataSource ds;

    @Inject
    UploadService uploads;

    @Inject
    MediaConfig config;

    String district;

    @BeforeEach
    void setUp() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        district = Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    private long files() {
        return Api.count(ds, "select count(*) from stored_file");
    }

    private Path part(String id) {
        return config.dir().resolve(".uploads").resolve(id + ".part");
    }

    private static String started(Response r) {
        return r.then().statusCode(201).extract().path("id");
    }

    private static byte[] slice(byte[] content, int from, int to) {
        return Arrays.copyOfRange(content, from, Math.min(to, content.length));
    }

    @Test
    void aVideoArrivesInChunksAndIsStoredLikeAnyUpload() throws Exception {
        byte[] video = Media.mp4(3 * CHUNK + 1000, 7);
        Response created = start("district_editor", district, "三八节活动视频.mp4", video.length);
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/uploads/"))
                .header("Upload-Offset", "0")
                .body("offset", equalTo(0))
                .body("size", equalTo(video.length))
                .body("chunkSize", equalTo(CHUNK))
                .body("expiresAt", notNullValue())
                .body("file", nullValue());
        String id = created.path("id");

        for (int offset = 0; offset < 3 * CHUNK; offset += CHUNK) {
            chunk("district_editor", id, offset, slice(video, offset, offset + CHUNK))
                    .then()
                    .statusCode(200)
                    .header("Upload-Offset", Integer.toString(offset + CHUNK))
                    .body("offset", equalTo(offset + CHUNK))
                    .body("file", nullValue());
        }
        assertEquals(3L * CHUNK, Files.size(part(id)));
        Response last = chunk("district_editor", id, 3 * CHUNK, slice(video, 3 * CHUNK, video.length));
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
        last.then()
                .statusCode(200)
                .body("offset", equalTo(video.length))
                .body("file.contentType", equalTo("video/mp4"))
                .body("file.kind", equalTo("VIDEO"))
                .body("file.size", equalTo(video.length))
                .body("file.sha256", equalTo(sha))
                .body("file.name", equalTo("三八节活动视频.mp4"))
                .body("file.ownerOrgId", equalTo(district));
        String fileId = last.path("file.id");
        assertFalse(Files.exists(part(id)), "the part became the stored file");

        // A client whose last answer was lost asks, and learns the file.
        Api.as("district_editor")
                .get("/api/v1/uploads/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("file.id", equalTo(fileId));
        chunk("district_editor", id, video.length, new byte[0])
                .then()
                .statusCode(409)
                .body("code", equalTo("UPLOAD_COMPLETE"));
        byte[] downloaded = given().auth()
                .oauth2(Api.token("district_viewer"))
                .get("/api/v1/files/" + fileId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(video, downloaded);
        assertEquals(
                1,
                Api.count(ds, "select count(*) from audit_event where action = 'upload.start' and target_id = ?", id));
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from audit_event where action = 'file.upload' and target_id = ?"
                                + " and details->>'resumable' = 'true'",
                        fileId));
    }

    @Test
    void aPhotoSentInChunksIsReEncodedToo() {
        byte[] photo = Media.encode(Media.noisy(600, 300, 5), "png");
        assertTrue(photo.length > 2 * CHUNK, "several chunks");
        Media.resumable("district_admin", district, "合影.png", photo, CHUNK)
                .then()
                .statusCode(200)
                .body("file.kind", equalTo("IMAGE"))
                .body("file.width", equalTo(600))
                .body("file.hasThumbnail", equalTo(true));
    }

    @Test
    void aWrongOffsetIsAConflictAndChangesNothing() throws Exception {
        byte[] video = Media.mp4(2 * CHUNK, 8);
        String id = started(start("district_admin", district, "a.mp4", video.length));
        chunk("district_admin", id, 0, slice(video, 0, CHUNK)).then().statusCode(200);

        // the same chunk again (a retry after a lost answer), and one from the future
        chunk("district_admin", id, 0, slice(video, 0, CHUNK))
                .then()
                .statusCode(409)
                .body("code", equalTo("UPLOAD_OFFSET_MISMATCH"))
                .body("detail", containsString(Integer.toString(CHUNK)));
        chunk("district_admin", id, 2 * CHUNK, new byte[] {1}).then().statusCode(409);
        given().auth()
                .oauth2(Api.token("district_admin"))
                .contentType(OFFSET_OCTET_STREAM)
                .body(new byte[] {1})
                .patch("/api/v1/uploads/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("UPLOAD_OFFSET_INVALID"));
        given().auth()
                .oauth2(Api.token("district_admin"))
                .contentType("text/plain")
                .header("Upload-Offset", CHUNK)
                .body("x")
                .patch("/api/v1/uploads/" + id)
                .then()
                .statusCode(415);
        Api.as("district_admin").get("/api/v1/uploads/" + id).then().body("offset", equalTo(CHUNK));
        assertEquals(CHUNK, Files.size(part(id)));
    }

    @Test
    void anUploadResumesFromTheServersOffsetAfterAFailure() throws Exception {
        byte[] video = Media.mp4(3 * CHUNK, 9);
        String id = started(start("district_admin", district, "断点续传.mp4", video.length));
        chunk("district_admin", id, 0, slice(video, 0, CHUNK)).then().statusCode(200);
        // The connection broke while the second chunk was being written: bytes reached the part file but the
        // server never acknowledged them.
        Files.write(part(id), slice(video, CHUNK, CHUNK + 5000), StandardOpenOption.APPEND);

        // The client asks where to resume, and sends from there.
        int offset = Api.as("district_admin")
                .get("/api/v1/uploads/" + id)
                .then()
                .statusCode(200)
                .header("Upload-Offset", Integer.toString(CHUNK))
                .extract()
                .path("offset");
        assertEquals(CHUNK, offset);
        chunk("district_admin", id, offset, slice(video, offset, offset + CHUNK))
                .then()
                .statusCode(200);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video));
        chunk("district_admin", id, 2 * CHUNK, slice(video, 2 * CHUNK, 3 * CHUNK))
                .then()
                .statusCode(200)
                .body("file.sha256", equalTo(sha));
    }

    @Test
    void sizesAreEnforcedUpFrontAndWhileStreaming() throws Exception {
        long before = files();
        // declared too large: a video above the video limit, anything else above the one-request limit
        start("district_admin", district, "长视频.mp4", 3L * 1024 * 1024 + 1)
                .then()
                .statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        start("district_admin", district, "大文件.pdf", 1024L * 1024 + 1)
                .then()
                .statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        start("district_admin", district, "setup.exe", 100)
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        Api.as("district_admin")
                .body(Map.of("orgId", district, "fileName", "a.mp4", "size", 0))
                .post("/api/v1/uploads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));

        // more than declared: refused, nothing written
        byte[] video = Media.mp4(CHUNK + 100, 10);
        String id = started(start("district_admin", district, "b.mp4", CHUNK + 50));
        chunk("district_admin", id, 0, slice(video, 0, CHUNK)).then().statusCode(200);
        chunk("district_admin", id, CHUNK, slice(video, CHUNK, CHUNK + 100))
                .then()
                .statusCode(413)
                .body("code", equalTo("UPLOAD_EXCEEDS_SIZE"));
        assertEquals(CHUNK, Files.size(part(id)));
        Api.as("district_admin").get("/api/v1/uploads/" + id).then().body("offset", equalTo(CHUNK));

        // a chunk above the chunk size
        String big = started(start("district_admin", district, "c.mp4", 3 * CHUNK));
        chunk("district_admin", big, 0, Media.mp4(CHUNK + 1, 11))
                .then()
                .statusCode(413)
                .body("code", equalTo("UPLOAD_CHUNK_TOO_LARGE"));
        Api.as("district_admin").get("/api/v1/uploads/" + big).then().body("offset", equalTo(0));
        assertFalse(Files.exists(part(big)));
        assertEquals(before, files());
    }

    @Test
    void aRenamedFileIsRefusedAtItsFirstChunkAndForgotten() {
        long before = files();
        byte[] exe = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0}, 2 * CHUNK);
        String id = started(start("district_admin", district, "宣传片.mp4", exe.length));
        chunk("district_admin", id, 0, slice(exe, 0, CHUNK))
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_CONTENT_MISMATCH"));
        Api.as("district_admin").get("/api/v1/uploads/" + id).then().statusCode(404);
        assertFalse(Files.exists(part(id)));

        // a broken image is only known at the end: then too nothing is kept
        byte[] broken = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, CHUNK + 10);
        Response last = Media.resumable("district_admin", district, "损坏.jpg", broken, CHUNK);
        last.then().statusCode(422).body("code", equalTo("FILE_IMAGE_UNREADABLE"));
        assertEquals(
                0,
                Api.count(
                        ds,
                        "select count(*) from upload_session where file_name = '损坏.jpg' and created_by = 'district_admin'"));
        assertEquals(before, files());
    }

    @Test
    void onlyTheOrgsWritingMembersUploadAndEachSeesOnlyItsOwnSessions() {
        // forbidden role, org outside the subtree, org below the caller's own
        start("district_reviewer", district, "a.mp4", 100)
                .then()
                .statusCode(403)
                .body("code", equalTo("PERMISSION_REQUIRED"));
        start("district_viewer", district, "a.mp4", 100).then().statusCode(403);
        start("district_admin", Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT), "a.mp4", 100)
                .then()
                .statusCode(404)
                .body("code", equalTo("ORG_NOT_FOUND"));
        start("district_admin", Api.orgId(ds, DemoOrgs.TOWNSHIP), "a.mp4", 100)
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("orgId", district, "fileName", "a.mp4", "size", 100))
                .post("/api/v1/uploads")
                .then()
                .statusCode(401);

        // Another member of the same org, or anyone else, does not see or touch the session.
        String id = started(start("district_admin", district, "a.mp4", 2 * CHUNK));
        for (String other : new String[] {"district_editor", "township_admin", "city_admin"}) {
            Api.as(other).get("/api/v1/uploads/" + id).then().statusCode(404).body("code", equalTo("UPLOAD_NOT_FOUND"));
            chunk(other, id, 0, Media.mp4(100, 1)).then().statusCode(404);
            Api.as(other).delete("/api/v1/uploads/" + id).then().statusCode(404);
        }
        Api.as("district_admin").get("/api/v1/uploads/not-an-id").then().statusCode(404);

        // A starter who lost the right to upload for the org loses the session with it.
        String editor = started(start("district_editor", district, "b.mp4", 2 * CHUNK));
        Api.exec(
                ds,
                "update membership set role = 'VIEWER' where account_id = (select id from account where username ="
                        + " 'district_editor')");
        try {
            chunk("district_editor", editor, 0, Media.mp4(100, 1)).then().statusCode(403);
        } finally {
            Api.exec(
                    ds,
                    "update membership set role = 'EDITOR' where account_id = (select id from account where username ="
                            + " 'district_editor')");
        }
        Api.as("district_admin")
                .get("/api/v1/uploads/" + id)
                .then()
                .statusCode(200)
                .body("offset", equalTo(0));
    }

    @Test
    void cancellingDropsWhatWasReceived() {
        String id = started(start("district_admin", district, "取消.mp4", 2 * CHUNK));
        chunk("district_admin", id, 0, Media.mp4(CHUNK, 12)).then().statusCode(200);
        assertTrue(Files.exists(part(id)));
        Api.as("district_admin").delete("/api/v1/uploads/" + id).then().statusCode(204);
        assertFalse(Files.exists(part(id)));
        Api.as("district_admin").get("/api/v1/uploads/" + id).then().statusCode(404);
        assertEquals(
                1,
                Api.count(ds, "select count(*) from audit_event where action = 'upload.cancel' and target_id = ?", id));
    }

    @Test
    void expiredSessionsAndTheirPartsAreCleanedUp() throws Exception {
        String stale = started(start("district_admin", district, "过期.mp4", 2 * CHUNK));
        chunk("district_admin", stale, 0, Media.mp4(CHUNK, 13)).then().statusCode(200);
        String fresh = started(start("district_admin", district, "进行中.mp4", 2 * CHUNK));
        chunk("district_admin", fresh, 0, Media.mp4(CHUNK, 14)).then().statusCode(200);
        Api.exec(ds, "update upload_session set expires_at = now() - interval '1 minute' where id = ?::uuid", stale);
        // an expired session is gone for its owner even before the cleanup runs
        Api.as("district_admin").get("/api/v1/uploads/" + stale).then().statusCode(404);
        // a part no session owns, left by a crash long ago
        Path orphan = config.dir().resolve(".uploads").resolve("00000000-0000-0000-0000-000000000000.part");
        Files.write(orphan, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(
                orphan,
                java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().minus(config.uploadTtl()).minusSeconds(60)));

        assertTrue(uploads.purgeExpired() >= 1);

        assertEquals(0, Api.count(ds, "select count(*) from upload_session where id = ?::uuid", stale));
        assertFalse(Files.exists(part(stale)));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(part(fresh)));
        Api.as("district_admin")
                .get("/api/v1/uploads/" + fresh)
                .then()
                .statusCode(200)
                .body("offset", equalTo(CHUNK));
    }

    @Test
    void onePersonHoldsALimitedNumberOfUnfinishedUploads() {
        Api.exec(ds, "delete from upload_session where created_by = 'district_editor'");
        for (int i = 0; i < config.maxOpenUploads(); i++) {
            start("district_editor", district, "v" + i + ".mp4", 100).then().statusCode(201);
        }
        start("district_editor", district, "one-too-many.mp4", 100)
                .then()
                .statusCode(429)
                .body("code", equalTo("UPLOAD_TOO_MANY"));
        Api.exec(ds, "delete from upload_session where created_by = 'district_editor'");
    }
}
