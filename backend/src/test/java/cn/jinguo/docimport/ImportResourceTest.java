package cn.jinguo.docimport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 公文导入 through the API: text, JSON, .txt and .docx uploads; who may import; names matched only inside the caller's
 * tree; odd, oversized and foreign input; and that an import writes nothing.
 */
@QuarkusTest
class ImportResourceTest {
    private static final String NOTICES = "/api/v1/notices/import";
    private static final String PLANS = "/api/v1/plans/import";

    @Inject
    AgroalDataSource ds;

    private long notices;
    private long plans;
    private long audit;

    @BeforeEach
    void countWhatAnImportMustNotWrite() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        notices = Api.count(ds, "select count(*) from notice");
        plans = Api.count(ds, "select count(*) from activity_plan");
        audit = Api.count(ds, "select count(*) from audit_event");
    }

    @AfterEach
    void nothingWasWritten() {
        assertEquals(notices, Api.count(ds, "select count(*) from notice"));
        assertEquals(plans, Api.count(ds, "select count(*) from activity_plan"));
        assertEquals(audit, Api.count(ds, "select count(*) from audit_event"));
    }

    @Test
    void aCityEditorImportsTheCitysNoticeAsItsOwnDraft() throws IOException {
        String text = sample("001_9759484eb8eccdb6.txt");
        JsonPath r =
                importText("city_editor", text).then().statusCode(200).extract().jsonPath();

        assertEquals(Api.orgId(ds, DemoOrgs.CITY), r.getString("draft.issuerOrgId"));
        assertEquals("重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知", r.getString("draft.title"));
        assertEquals("跟党走奋进新征程 巾帼建功新时代", r.getString("draft.theme"));
        assertEquals(
                OffsetDateTime.parse("2024-03-12T18:00+08:00"), OffsetDateTime.parse(r.getString("draft.deadline")));
        assertEquals("2024-02-20", r.getString("draft.signedOn"));
        assertEquals("67125371", r.getString("draft.contactPhone"));
        assertEquals(Api.orgId(ds, DemoOrgs.DEPARTMENT), r.getString("draft.receivingOrgId"), "市妇联宣传部");
        assertEquals(
                Map.of("summary", true, "minPhotos", 1, "video", true, "article", true, "newMediaLink", true),
                r.getMap("draft.requirements.items"));
        assertEquals(
                List.of(
                        Map.of("type", "FEDERATION", "level", "DISTRICT", "directChildrenOnly", false),
                        Map.of("type", "WORK_COMMITTEE", "directChildrenOnly", true)),
                r.getList("draft.recipients.groups").stream()
                        .map(ImportResourceTest::withoutNulls)
                        .toList());
        List<String> zones = List.of(Api.orgId(ds, "500191"), Api.orgId(ds, "500192"), Api.orgId(ds, "500193"));
        assertEquals(zones, r.getList("draft.recipients.orgIds"));
        assertEquals("两江新区妇联", r.getString("recipients[1].name"));
        assertEquals("两江新区妇女联合会", r.getString("recipients[1].orgs[0].name"));
        assertEquals("渝妇发", r.getString("docNumber.code"));
        assertEquals(5, r.getInt("docNumber.serial"));
        assertEquals(4, r.getList("activities").size());
        assertEquals("二、开展主题活动，营造节日氛围", r.getString("outline[4].heading"));

        Map<String, Object> deadline = field(r, "deadline");
        assertEquals("3月12日", r.getString("text").substring((int) deadline.get("start"), (int) deadline.get("end")));
        assertTrue(deadline.get("note").toString().contains("18:00"));
        for (Map<String, Object> f : r.<Map<String, Object>>getList("fields")) {
            String span = r.getString("text").substring((int) f.get("start"), (int) f.get("end"));
            assertFalse(span.isBlank(), f.toString());
        }
        assertEquals(List.of(), r.getList("warnings"));
    }

    @Test
    void theDraftIsWhatCreateTakes() throws IOException {
        Map<String, Object> draft = importText("city_editor", sample("001_9759484eb8eccdb6.txt"))
                .then()
                .statusCode(200)
                .extract()
                .path("draft");
        nothingWasWritten();
        Response created = Api.as("city_editor").body(draft).post("/api/v1/notices");
        created.then().statusCode(201).body("title", equalTo(draft.get("title")));
        Api.as("city_editor")
                .header("If-Match", created.header("ETag"))
                .delete("/api/v1/notices/" + created.path("id"))
                .then()
                .statusCode(204);
        countWhatAnImportMustNotWrite(); // the create and the delete were audited, not the import
    }

    @Test
    void jsonTxtAndGb18030TextReadTheSame() throws IOException {
        String text = sample("003_f0c2e99a7f78b697.txt");
        String title = "关于开展2023年“三八”国际妇女节纪念活动的通知";
        Api.as("city_editor")
                .body(Map.of("text", text))
                .post(NOTICES)
                .then()
                .statusCode(200)
                .body("draft.title", equalTo(title));
        upload("city_editor", NOTICES, "阳泉.txt", text.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(200)
                .body("draft.title", equalTo(title))
                .body("draft.contactEmail", equalTo("yqflxjb@163.com"));
        importBytes("city_editor", NOTICES, text.getBytes(Charset.forName("GB18030")))
                .then()
                .statusCode(200)
                .body("draft.title", equalTo(title))
                .body("draft.theme", equalTo("巾帼心向党·奋进新征程"));
    }

    @Test
    void aDocxIsReadWithItsTablesInOrder() throws IOException {
        byte[] docx = docx(
                List.of("重庆市妇女联合会", "渝妇发〔2024〕9号", "关于报送2024年“三八”活动情况的通知", "各区县（自治县）妇联：", "请填写下表，于3月15日前报送市妇联办公室。"),
                List.of(List.of("单位", "活动场次"), List.of("渝中区妇联", "12")),
                List.of("联系人：王丽", "联系电话：023-63851234", "重庆市妇女联合会", "2024年3月1日"));
        JsonPath r = upload("city_editor", NOTICES, "通知.docx", docx)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("关于报送2024年“三八”活动情况的通知", r.getString("draft.title"));
        assertEquals(Api.orgId(ds, DemoOrgs.CITY), r.getString("draft.issuerOrgId"));
        assertEquals("王丽", r.getString("draft.contactPerson"));
        assertEquals("023-63851234", r.getString("draft.contactPhone"));
        assertEquals(
                OffsetDateTime.parse("2024-03-15T18:00+08:00"), OffsetDateTime.parse(r.getString("draft.deadline")));
        String text = r.getString("text");
        assertTrue(text.indexOf("单位｜活动场次\n渝中区妇联｜12") > text.indexOf("请填写下表"), text);
        assertTrue(text.indexOf("联系人：王丽") > text.indexOf("渝中区妇联｜12"), text);
    }

    @Test
    void onlyThoseWhoMayWriteImport() throws IOException {
        String text = sample("001_9759484eb8eccdb6.txt");
        importText("district_viewer", text).then().statusCode(403).body("code", equalTo("PERMISSION_REQUIRED"));
        importBytes("district_viewer", PLANS, text.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(403);
        given().contentType("text/plain").body(text).post(NOTICES).then().statusCode(401);
        importText("district_editor", text).then().statusCode(200);
        given().auth()
                .oauth2(Api.token("platform_admin", "PLATFORM_ADMIN"))
                .contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .post(NOTICES)
                .then()
                .statusCode(200)
                .body("draft.issuerOrgId", equalTo(Api.orgId(ds, DemoOrgs.CITY)));
    }

    @Test
    void namesAreMatchedOnlyInsideTheCallersTree() throws IOException {
        String district = Api.orgId(ds, DemoOrgs.DISTRICT);
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);
        JsonPath own = importText(
                        "district_editor",
                        "渝中区妇女联合会\n关于开展“三八”活动的通知\n江北区妇联、解放碑街道妇联、各街道妇联：\n请于3月10日前报送区妇联办公室。\n" + "渝中区妇女联合会\n2024年2月26日")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(district, own.getString("draft.issuerOrgId"));
        assertEquals(List.of(township), own.getList("draft.recipients.orgIds"));
        assertEquals(List.of(), own.getList("recipients[0].orgs"), "江北区妇联 is a sibling district");
        assertTrue(warnings(own).contains("IMPORT_RECIPIENT_NOT_FOUND"));

        // The city's notice imported at the district: no issuer of its own, and none of the city's zones.
        JsonPath city = importText("district_editor", sample("001_9759484eb8eccdb6.txt"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(null, city.getString("draft.issuerOrgId"));
        assertTrue(warnings(city).contains("IMPORT_ISSUER_NOT_MATCHED"));
        assertEquals(List.of(), city.getList("draft.recipients.orgIds"));
        city.getList("recipients.orgs.id").forEach(ids -> assertEquals(List.of(), ids));
    }

    @Test
    void textThatIsNoNoticeGivesWhatWasFoundAndAWarning() {
        importText("city_editor", "今天天气很好，我们去公园散步。\n晚上七点回家。")
                .then()
                .statusCode(200)
                .body("draft.title", nullValue())
                .body("warnings.code", hasItem("IMPORT_NOT_A_NOTICE"))
                .body("warnings[0].message", not(equalTo("IMPORT_NOT_A_NOTICE")));
        importBytes("city_editor", NOTICES, new byte[] {(byte) 0xC0, (byte) 0xE0, '\n', '~', (byte) 0xFF})
                .then()
                .statusCode(415);
    }

    @Test
    void tooLargeIsRefused() throws IOException {
        byte[] big = new byte[21 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        importBytes("city_editor", NOTICES, big).then().statusCode(413).body("code", equalTo("IMPORT_TOO_LARGE"));
        upload("city_editor", NOTICES, "big.txt", big).then().statusCode(413).body("code", equalTo("IMPORT_TOO_LARGE"));
        Api.as("city_editor")
                .body(Map.of("text", "通知".repeat(300_000)))
                .post(NOTICES)
                .then()
                .statusCode(413);
        upload("city_editor", NOTICES, "bomb.docx", zipBomb())
                .then()
                .statusCode(413)
                .body("code", equalTo("IMPORT_TOO_LARGE"));
        upload("city_editor", PLANS, "bomb.docx", zipBomb()).then().statusCode(413);
    }

    @Test
    void onlyDocxAndTextAreRead() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1
        };
        upload("city_editor", NOTICES, "通知.png", png)
                .then()
                .statusCode(415)
                .body("code", equalTo("IMPORT_UNSUPPORTED_TYPE"));
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        upload("city_editor", NOTICES, "通知.doc", doc)
                .then()
                .statusCode(415)
                .body("code", equalTo("IMPORT_LEGACY_WORD"));
        upload("city_editor", NOTICES, "通知.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                .then()
                .statusCode(415)
                .body("code", equalTo("IMPORT_PDF"));
        upload("city_editor", NOTICES, "表.xlsx", zip("xl/workbook.xml", "<workbook/>"))
                .then()
                .statusCode(415);
        upload("city_editor", NOTICES, "坏.docx", "PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1))
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(Api.token("city_editor"))
                .contentType("image/png")
                .body(png)
                .post(NOTICES)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void emptyIsABadRequest() {
        importBytes("city_editor", NOTICES, new byte[0])
                .then()
                .statusCode(400)
                .body("code", equalTo("IMPORT_EMPTY_DOCUMENT"));
        Api.as("city_editor").body(Map.of()).post(NOTICES).then().statusCode(400);
        Api.as("city_editor").body(Map.of("text", "  \n ")).post(PLANS).then().statusCode(400);
        multipart("city_editor").multiPart("other", "x").post(NOTICES).then().statusCode(400);
    }

    @Test
    void aDistrictImportsItsWorkPlanWithTargets() throws IOException {
        JsonPath r = importBytes(
                        "district_admin",
                        PLANS,
                        sample("002_d13e1b89eb259ffd.txt").getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(Api.orgId(ds, DemoOrgs.DISTRICT), r.getString("draft.orgId"));
        assertEquals("区妇联2024年工作思路", r.getString("draft.title"));
        assertEquals("2024-12-31", r.getString("draft.periodEnd"));
        assertEquals(11, r.getList("draft.items").size());
        assertEquals("打造50家示范型姐妹驿站", r.getString("draft.items[10].title"));
        assertEquals(50, r.getInt("draft.items[10].targetValue"));
        assertEquals("家", r.getString("draft.items[10].targetUnit"));
        assertEquals("2026-12-31", r.getString("draft.items[10].endsOn"));
        Map<String, Object> target = field(r, "items[10].target");
        assertEquals("50家", r.getString("text").substring((int) target.get("start"), (int) target.get("end")));
        assertEquals(List.of(), r.getList("warnings"));

        nothingWasWritten();
        Response created = Api.as("district_admin").body(r.getMap("draft")).post("/api/v1/plans");
        created.then().statusCode(201);
        Api.as("district_admin")
                .header("If-Match", created.header("ETag"))
                .delete("/api/v1/plans/" + created.path("id"))
                .then()
                .statusCode(204);
        countWhatAnImportMustNotWrite(); // the create and the delete were audited, not the import
    }

    // ---- helpers ----

    private static Response importText(String user, String text) {
        return importBytes(user, NOTICES, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Response importBytes(String user, String path, byte[] body) {
        return given().auth()
                .oauth2(Api.token(user))
                .accept(ContentType.JSON)
                .contentType("text/plain; charset=UTF-8")
                .body(body)
                .post(path);
    }

    private static RequestSpecification multipart(String user) {
        return given().auth()
                .oauth2(Api.token(user))
                .accept(ContentType.JSON)
                .config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
    }

    private static Response upload(String user, String path, String fileName, byte[] content) {
        return multipart(user)
                .multiPart("file", fileName, content, "application/octet-stream")
                .post(path);
    }

    private static String sample(String name) throws IOException {
        return NoticeParserAccuracyTest.read("demo/samples/" + name);
    }

    private static Map<String, Object> field(JsonPath r, String name) {
        return r.<Map<String, Object>>getList("fields").stream()
                .filter(f -> f.get("field").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> warnings(JsonPath r) {
        return r.getList("warnings.code");
    }

    private static Map<Object, Object> withoutNulls(Object map) {
        Map<Object, Object> out = new java.util.HashMap<>((Map<?, ?>) map);
        out.values().removeIf(v -> v == null);
        return out;
    }

    /** A .docx: paragraphs, a table, paragraphs. */
    private static byte[] docx(List<String> before, List<List<String>> rows, List<String> after) throws IOException {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            before.forEach(t -> doc.createParagraph().createRun().setText(t));
            XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
            for (int r = 0; r < rows.size(); r++)
                for (int c = 0; c < rows.get(r).size(); c++)
                    table.getRow(r).getCell(c).setText(rows.get(r).get(c));
            after.forEach(t -> doc.createParagraph().createRun().setText(t));
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] bomb;

    /** A .docx whose document.xml unpacks to 1 GB of zeros (about 1 MB packed); built once. */
    private static byte[] zipBomb() throws IOException {
        if (bomb == null) bomb = packZeros();
        return bomb;
    }

    private static byte[] packZeros() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) zip.write(zeros);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
