package cn.jinguo.org;

import static cn.jinguo.support.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgImportTest {
    private static final String HEADER = "编码,名称,简称,上级编码,类型,层级,排序,联系人,联系电话,联系邮箱,成立日期\n";

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    private static String tokenOf(String user) {
        return user.equals("platform_admin") ? token(user, "PLATFORM_ADMIN") : token(user);
    }

    private static JsonPath upload(String user, String fileName, byte[] content, int expectedStatus) {
        return given().auth()
                .oauth2(tokenOf(user))
                .multiPart("file", fileName, content)
                .accept("application/json")
                .post("/api/v1/orgs/import")
                .then()
                .statusCode(expectedStatus)
                .extract()
                .jsonPath();
    }

    private static JsonPath awaitDone(String user, String jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath job = given().auth()
                    .oauth2(tokenOf(user))
                    .get("/api/v1/orgs/import/" + jobId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = job.getString("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("import " + jobId + " did not finish");
    }

    @Test
    void csvImportCreatesOrgsParentsFirstWhateverTheRowOrder() throws Exception {
        String csv = HEADER
                + "IMPV001,测试社区A妇联,,IMPT01,妇联,村（社区）级,,,,,\n"
                + "IMPT01,导入测试街道妇联,导入街道妇联,500103,妇联,乡镇（街道）级,,赵敏,023-63000001,imp@example.cn,2024-03-08\n"
                + "IMPW01,\"导入测试机关妇委会,一\",,500103,机关妇委会,,5,,,,\n";
        JsonPath job = upload("district_admin", "orgs.csv", csv.getBytes(StandardCharsets.UTF_8), 202);
        assertEquals(3, job.getInt("totalRows"));
        JsonPath done = awaitDone("district_admin", job.getString("id"));
        assertEquals("SUCCEEDED", done.getString("status"), done.prettify());
        assertEquals(3, done.getInt("created"));
        String townshipPath = Api.queryString(ds, "select path from org where code = 'IMPT01'");
        assertTrue(
                townshipPath.startsWith(Api.queryString(ds, "select path from org where code = ?", DemoOrgs.DISTRICT)));
        assertEquals(
                townshipPath,
                Api.queryString(
                        ds, "select p.path from org c join org p on p.id = c.parent_id where c.code = 'IMPV001'"));
        assertEquals("2024-03-08", Api.queryString(ds, "select opened_on from org where code = 'IMPT01'"));
        assertEquals("导入测试机关妇委会,一", Api.queryString(ds, "select name from org where code = 'IMPW01'"));
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from audit_event where action = 'org.import' and target_id = ?",
                        job.getString("id")));
    }

    @Test
    void anyBadRowMeansNothingIsImportedAndEveryErrorIsReportedInChinese() throws Exception {
        long before = Api.count(ds, "select count(*) from org");
        String csv = HEADER
                + "BADT01,合格的街道妇联,,500103,妇联,乡镇级,,,,,\n"
                + "BADT02,,,500103,妇联,乡镇级,,,,,\n" // row 3: no name
                + "BADT03,错误类型,,500103,妇女团体,,,,,,\n" // row 4: unknown type
                + "BADT04,外区组织,,500105,妇联,乡镇级,,,,,\n" // row 5: parent outside the caller's scope
                + "BADT01,重复编码,,500103,社会组织,,,,,,\n" // row 6: duplicate code in file
                + "500103001,已有编码,,500103,社会组织,,,,,,\n" // row 7: code taken
                + "BADT07,层级错误,,500103,妇联,区县级,,,,,\n" // row 8: level not below parent
                + "BADT08,邮箱错误,,500103,社会组织,,,,,bad-mail,2024-13-45\n" // row 9: e-mail, date
                + "BADT09,循环甲,,BADT10,社会组织,,,,,,\n" // rows 10/11: cycle
                + "BADT10,循环乙,,BADT09,社会组织,,,,,,\n";
        JsonPath job = upload("district_admin", "bad.csv", csv.getBytes(StandardCharsets.UTF_8), 202);
        JsonPath done = awaitDone("district_admin", job.getString("id"));
        assertEquals("FAILED", done.getString("status"));
        List<Integer> rows = done.getList("errors.row", Integer.class);
        for (int row : List.of(3, 4, 5, 6, 7, 8, 9, 10, 11))
            assertTrue(rows.contains(row), "row " + row + " in " + rows);
        assertTrue(!rows.contains(2), "row 2 is fine: " + rows);
        assertTrue(done.getList("errors.message", String.class).stream().anyMatch(m -> m.contains("既不在文件中")));
        assertEquals(before, Api.count(ds, "select count(*) from org"));
        String report = given().auth()
                .oauth2(token("district_admin"))
                .get("/api/v1/orgs/import/" + job.getString("id") + "/report")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(report.startsWith("\uFEFF行号,列,值,错误"), report);
        assertTrue(report.contains("上级编码"));
    }

    @Test
    void gb18030CsvFromExcelIsRead() throws Exception {
        String csv = HEADER + "GBK001,国标编码社区妇委会,,500103,机关妇委会,,,,,,\n";
        JsonPath job = upload("district_admin", "gbk.csv", csv.getBytes(Charset.forName("GB18030")), 202);
        assertEquals(
                "SUCCEEDED", awaitDone("district_admin", job.getString("id")).getString("status"));
        assertEquals("国标编码社区妇委会", Api.queryString(ds, "select name from org where code = 'GBK001'"));
    }

    @Test
    void xlsxTemplateRoundTrips() throws Exception {
        byte[] template = given().auth()
                .oauth2(token("district_admin"))
                .get("/api/v1/orgs/import/template?format=xlsx")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("编码*", sheet.getRow(0).getCell(0).getStringCellValue());
            Row row = sheet.createRow(1);
            String[] values = {"XLSX01", "表格导入街道妇联", "", "500103", "妇联", "乡镇（街道）级"};
            for (int i = 0; i < values.length; i++) row.createCell(i).setCellValue(values[i]);
            wb.write(out);
            JsonPath job = upload("district_admin", "组织.xlsx", out.toByteArray(), 202);
            assertEquals(
                    "SUCCEEDED",
                    awaitDone("district_admin", job.getString("id")).getString("status"));
        }
        assertEquals("TOWNSHIP", Api.queryString(ds, "select level from org where code = 'XLSX01'"));
        String csvTemplate = given().auth()
                .oauth2(token("district_admin"))
                .get("/api/v1/orgs/import/template?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csvTemplate.contains("编码,名称,简称,上级编码"));
    }

    @Test
    void badFilesAreRefusedAtOnce() {
        long jobs = Api.count(ds, "select count(*) from org_import_job");
        upload("district_admin", "orgs.txt", "hello".getBytes(StandardCharsets.UTF_8), 415);
        upload("district_admin", "orgs.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), 415);
        assertTrue(upload("district_admin", "orgs.csv", "名字,地址\n甲,乙\n".getBytes(StandardCharsets.UTF_8), 400)
                .getString("detail")
                .contains("编码"));
        upload("district_admin", "orgs.csv", HEADER.getBytes(StandardCharsets.UTF_8), 400);
        assertEquals(jobs, Api.count(ds, "select count(*) from org_import_job"));
    }

    @Test
    void onlyImportersMayImportAndOnlyTheStarterSeesTheJob() throws Exception {
        String csv = HEADER + "PERM01,权限测试组织,,500103,社会组织,,,,,,\n";
        upload("district_editor", "orgs.csv", csv.getBytes(StandardCharsets.UTF_8), 403);
        JsonPath job = upload("township_admin", "orgs.csv", csv.getBytes(StandardCharsets.UTF_8), 202);
        JsonPath done = awaitDone("township_admin", job.getString("id"));
        assertEquals("FAILED", done.getString("status"));
        assertTrue(done.getList("errors.column", String.class).contains("上级编码"));
        given().auth()
                .oauth2(token("district_admin"))
                .get("/api/v1/orgs/import/" + job.getString("id"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token("district_admin"))
                .get("/api/v1/orgs/import/" + job.getString("id") + "/report")
                .then()
                .statusCode(404);
        assertEquals(0, Api.count(ds, "select count(*) from org where code = 'PERM01'"));
    }

    @Test
    void rowsBelowABadRowPointAtItAndCyclesAreNamedAsSuch() throws Exception {
        String csv = HEADER
                + "CHN01,链条甲,,NOPE99,社会组织,,,,,,\n" // row 2: parent unknown
                + "CHN02,链条乙,,CHN01,社会组织,,,,,,\n" // row 3: below row 2
                + "CHN03,链条丙,,CHN02,社会组织,,,,,,\n" // row 4: below row 3
                + "CYC01,环甲,,CYC02,社会组织,,,,,,\n" // rows 5/6: a real circle
                + "CYC02,环乙,,CYC01,社会组织,,,,,,\n";
        JsonPath done = awaitDone(
                "district_admin",
                upload("district_admin", "chain.csv", csv.getBytes(StandardCharsets.UTF_8), 202)
                        .getString("id"));
        assertEquals("FAILED", done.getString("status"));
        Map<Integer, String> byRow = new HashMap<>();
        List<Map<String, Object>> errors = done.getList("errors");
        errors.forEach(e -> byRow.put((Integer) e.get("row"), (String) e.get("message")));
        assertTrue(byRow.get(2).contains("既不在文件中"), byRow.toString());
        assertTrue(byRow.get(3).contains("第 2 行"), byRow.toString());
        assertTrue(byRow.get(4).contains("第 2 行"), byRow.toString());
        assertTrue(byRow.get(5).contains("循环"), byRow.toString());
        assertTrue(byRow.get(6).contains("循环"), byRow.toString());
    }

    @Test
    void importedOrgsFollowTheExistingSiblingsAndExplicitOrders() throws Exception {
        String parent = Api.as("district_admin")
                .body(Map.of(
                        "parentId",
                        Api.orgId(ds, DemoOrgs.DISTRICT),
                        "code",
                        "ORDP01",
                        "name",
                        "排序测试机关妇委会",
                        "type",
                        "WORK_COMMITTEE"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");
        for (String code : List.of("ORDE01", "ORDE02")) {
            Api.as("district_admin")
                    .body(Map.of("parentId", parent, "code", code, "name", "已有" + code, "type", "SOCIAL"))
                    .post("/api/v1/orgs")
                    .then()
                    .statusCode(201);
        }
        String csv = HEADER
                + "ORDN01,显式排序,,ORDP01,社会组织,,7,,,,\n"
                + "ORDN02,随后一个,,ORDP01,社会组织,,,,,,\n"
                + "ORDN03,文件内下级一,,ORDN01,社会组织,,,,,,\n"
                + "ORDN04,文件内下级二,,ORDN01,社会组织,,,,,,\n";
        JsonPath done = awaitDone(
                "district_admin",
                upload("district_admin", "order.csv", csv.getBytes(StandardCharsets.UTF_8), 202)
                        .getString("id"));
        assertEquals("SUCCEEDED", done.getString("status"), done.prettify());
        assertEquals("7", Api.queryString(ds, "select sort_order from org where code = 'ORDN01'"));
        assertEquals("8", Api.queryString(ds, "select sort_order from org where code = 'ORDN02'"));
        assertEquals("0", Api.queryString(ds, "select sort_order from org where code = 'ORDN03'"));
        assertEquals("1", Api.queryString(ds, "select sort_order from org where code = 'ORDN04'"));
    }

    @Test
    void theTemplateIsForKnownAccountsOnly() {
        given().auth()
                .oauth2(token("nobody_here"))
                .get("/api/v1/orgs/import/template")
                .then()
                .statusCode(403)
                .body("code", equalTo("ACCOUNT_UNKNOWN"));
    }

    @Test
    void twentyThousandRowsImportInUnderThirtySeconds() throws Exception {
        String root = Api.as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("code", "BULK", "name", "批量导入测试市妇联", "type", "FEDERATION", "level", "CITY"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(root != null);
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 0;
        for (int d = 0; d < 20 && rows < 20_000; d++) {
            csv.append("BK").append(d).append(",批量区").append(d).append("妇联,,BULK,妇联,区县级,,,,,\n");
            rows++;
            for (int t = 0; t < 40 && rows < 20_000; t++) {
                String tc = "BK" + d + "-" + t;
                csv.append(tc)
                        .append(",批量街道")
                        .append(t)
                        .append("妇联,,BK")
                        .append(d)
                        .append(",妇联,乡镇级,,张敏,023-6300")
                        .append(1000 + t)
                        .append(",t")
                        .append(t)
                        .append("@example.cn,2020-01-01\n");
                rows++;
                for (int v = 0; v < 24 && rows < 20_000; v++) {
                    csv.append(tc)
                            .append('-')
                            .append(v)
                            .append(",批量社区")
                            .append(v)
                            .append("妇联,,")
                            .append(tc)
                            .append(",妇联,社区,,,,,\n");
                    rows++;
                }
            }
        }
        assertEquals(20_000, rows);
        long t0 = System.nanoTime();
        JsonPath job = upload("platform_admin", "bulk.csv", csv.toString().getBytes(StandardCharsets.UTF_8), 202);
        JsonPath done = awaitDone("platform_admin", job.getString("id"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("SUCCEEDED", done.getString("status"), done.getString("errors"));
        assertEquals(20_000, done.getInt("created"));
        System.out.printf("IMPORT-BENCH 20000 rows imported in %d ms%n", ms);
        assertTrue(ms < 30_000, "took " + ms + " ms");
        assertEquals(
                20_000,
                Api.count(
                        ds,
                        "select count(*) from org where path like (select path from org where code = 'BULK') || '_%'"));
        Api.as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/orgs/" + root + "/counts")
                .then()
                .body("byLevel.VILLAGE", equalTo(19_180));
        Api.as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/orgs/roots")
                .then()
                .body("code", hasItem("BULK"));
    }
}
