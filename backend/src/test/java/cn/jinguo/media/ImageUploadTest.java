package cn.jinguo.media;

import static cn.jinguo.support.Files.pdf;
import static cn.jinguo.support.Files.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Media;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photos are re-encoded before anyone is served them, with a thumbnail and a display size. */
@QuarkusTest
class ImageUploadTest {
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

    private static byte[] get(String user, String path) {
        return given().auth()
                .oauth2(Api.token(user))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + n.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + n.length, n, 0, n.length)) return true;
        }
        return false;
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    private static boolean bluish(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60;
    }

    @Test
    void aPhonePhotoLosesItsExifAndGpsAndIsTurnedUpright() throws Exception {
        byte[] photo = Media.jpegWithExif(400, 200, 6);
        assertTrue(contains(photo, Media.SECRET) && contains(photo, "Exif"), "the fixture carries EXIF");

        Response created = upload("district_editor", district, "三八活动合影.jpg", photo);
        created.then()
                .statusCode(201)
                .body("contentType", equalTo("image/jpeg"))
                .body("kind", equalTo("IMAGE"))
                // orientation 6: the camera held sideways, so the upright photo is portrait
                .body("width", equalTo(200))
                .body("height", equalTo(400))
                .body("hasThumbnail", equalTo(true));
        String id = created.path("id");

        byte[] served = get("district_viewer", "/api/v1/files/" + id);
        assertFalse(contains(served, "Exif"), "no EXIF segment");
        assertFalse(contains(served, "GPS"), "no GPS data");
        assertFalse(contains(served, "F2LXJ0QNHG7F"), "no camera serial");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
        assertEquals(sha, created.path("sha256"), "the hash is that of what is served");
        assertEquals(served.length, (int) created.path("size"));
        assertNotEquals(photo.length, served.length);

        BufferedImage upright = Media.decode(served);
        assertEquals(200, upright.getWidth());
        assertEquals(400, upright.getHeight());
        // turned 90° clockwise: the left (red) half is now on top, the right (blue) half below
        assertTrue(reddish(upright.getRGB(100, 50)), "red on top");
        assertTrue(bluish(upright.getRGB(100, 350)), "blue below");

        // The upload is audited with what was uploaded as well as what is kept.
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from audit_event where action = 'file.upload' and target_id = ?"
                                + " and details->>'uploadedSize' = ?",
                        id,
                        Integer.toString(photo.length)));
    }

    @Test
    void thumbnailAndPreviewAreServedInlineToWhoeverReadsTheFile() {
        String id = upload("district_admin", district, "活动现场.png", Media.png(2000, 1000))
                .then()
                .statusCode(201)
                .body("contentType", equalTo("image/png"))
                .body("width", equalTo(2000))
                .extract()
                .path("id");

        Response thumbnail =
                given().auth().oauth2(Api.token("district_viewer")).get("/api/v1/files/" + id + "/thumbnail");
        thumbnail
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"));
        BufferedImage small = Media.decode(thumbnail.asByteArray());
        assertEquals(320, small.getWidth());
        assertEquals(160, small.getHeight());
        assertTrue(reddish(small.getRGB(40, 80)) && bluish(small.getRGB(280, 80)));

        String etag = thumbnail.header("ETag");
        given().auth()
                .oauth2(Api.token("district_viewer"))
                .header("If-None-Match", etag)
                .get("/api/v1/files/" + id + "/thumbnail")
                .then()
                .statusCode(304);

        BufferedImage preview = Media.decode(get("district_viewer", "/api/v1/files/" + id + "/preview"));
        assertEquals(1600, preview.getWidth());
        assertEquals(800, preview.getHeight());

        // Outside the owner's subtree: as absent as the file itself.
        given().auth()
                .oauth2(Api.token("township_admin"))
                .get("/api/v1/files/" + id + "/thumbnail")
                .then()
                .statusCode(404)
                .body("code", equalTo("FILE_NOT_FOUND"));
        given().get("/api/v1/files/" + id + "/thumbnail").then().statusCode(401);
    }

    @Test
    void aSmallImageIsItsOwnPreviewAndADocumentHasNoThumbnail() {
        Response small = upload("district_admin", district, "徽标.gif", Media.encode(Media.halves(64, 32), "gif"));
        small.then().statusCode(201).body("contentType", equalTo("image/gif")).body("hasThumbnail", equalTo(true));
        String id = small.path("id");
        byte[] preview = get("district_admin", "/api/v1/files/" + id + "/preview");
        assertArrayEquals(get("district_admin", "/api/v1/files/" + id), preview);
        assertEquals(
                64,
                Media.decode(get("district_admin", "/api/v1/files/" + id + "/thumbnail"))
                        .getWidth());

        String doc = upload("district_admin", district, "方案.pdf", pdf("方案"))
                .then()
                .statusCode(201)
                .body("kind", equalTo("DOCUMENT"))
                .body("hasThumbnail", equalTo(false))
                .body("width", nullValue())
                .extract()
                .path("id");
        Api.as("district_admin")
                .get("/api/v1/files/" + doc + "/thumbnail")
                .then()
                .statusCode(404)
                .body("code", equalTo("FILE_NO_THUMBNAIL"));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAndStoresNothing() {
        long before = files();
        upload("district_admin", district, "炸弹.png", Media.pngHeader(100_000, 100_000))
                .then()
                .statusCode(413)
                .body("code", equalTo("FILE_IMAGE_TOO_LARGE"))
                .body("detail", containsString("100000×100000"));
        // JPEG magic and garbage after it: not an image we can re-encode
        byte[] broken = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}, 2048);
        upload("district_admin", district, "损坏.jpg", broken)
                .then()
                .statusCode(422)
                .body("code", equalTo("FILE_IMAGE_UNREADABLE"));
        assertEquals(before, files());
    }

    @Test
    void heicAndWebpPhotosAreRefusedWithAHint() {
        long before = files();
        upload("district_admin", district, "IMG_0001.HEIC", Media.heic())
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_IMAGE_FORMAT_UNSUPPORTED"))
                .body("detail", containsString("JPEG"));
        // renamed to .jpg, it still says what it is
        upload("district_admin", district, "IMG_0001.jpg", Media.heic())
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_IMAGE_FORMAT_UNSUPPORTED"));
        byte[] webp = Arrays.copyOf(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}, 64);
        given().auth()
                .oauth2(Api.token("district_admin"))
                .header("Accept-Language", "en")
                .queryParam("orgId", district)
                .multiPart("file", "photo.webp", webp)
                .post("/api/v1/files")
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_IMAGE_FORMAT_UNSUPPORTED"))
                .body("detail", containsString("convert to JPEG"));
        assertEquals(before, files());
    }

    @Test
    void videosAreRecognisedByTheirContainer() {
        upload("district_admin", district, "活动.mp4", Media.mp4(4096, 1))
                .then()
                .statusCode(201)
                .body("contentType", equalTo("video/mp4"))
                .body("kind", equalTo("VIDEO"))
                .body("hasThumbnail", equalTo(false));
        byte[] mov = Media.mp4(4096, 2);
        System.arraycopy(new byte[] {'q', 't', ' ', ' '}, 0, mov, 8, 4);
        upload("district_admin", district, "IMG_0002.MOV", mov)
                .then()
                .statusCode(201)
                .body("contentType", equalTo("video/quicktime"));
        byte[] webm = Arrays.copyOf(
                new byte[] {
                    0x1A,
                    0x45,
                    (byte) 0xDF,
                    (byte) 0xA3,
                    (byte) 0x9F,
                    0x42,
                    (byte) 0x82,
                    (byte) 0x84,
                    'w',
                    'e',
                    'b',
                    'm'
                },
                4096);
        upload("district_admin", district, "录屏.webm", webm)
                .then()
                .statusCode(201)
                .body("contentType", equalTo("video/webm"));
        // a HEIF still renamed to .mp4 is not a video
        upload("district_admin", district, "假视频.mp4", Media.heic()).then().statusCode(415);
    }

    @Test
    void limitsTellClientsWhatTheyMaySend() {
        Api.as("district_viewer")
                .get("/api/v1/files/limits")
                .then()
                .statusCode(200)
                .body("maxSize", equalTo(1024 * 1024))
                .body("maxVideoSize", equalTo(3 * 1024 * 1024))
                .body("chunkSize", equalTo(64 * 1024))
                .body("thumbnailSize", equalTo(320))
                .body("types.find { it.extension == 'mov' }.kind", equalTo("VIDEO"))
                .body("types.find { it.extension == 'jpg' }.contentType", equalTo("image/jpeg"));
        given().get("/api/v1/files/limits").then().statusCode(401);
    }
}
