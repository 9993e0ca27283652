package cn.jinguo.tracking;

import static cn.jinguo.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracking table and the missing list as .xlsx, opened with POI: headers, rows, states, Shanghai times. */
@QuarkusTest
class TrackingExportTest {
    private static final String XLSX = TrackingExport.XLSX;

    @Inject
    AgroalDataSource ds;

    TrackingFixture f;

    @BeforeEach
    void setUp() {
        f = new TrackingFixture(ds);
    }

    private static List<String> cells(Row row) {
        DataFormatter fmt = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) out.add(fmt.formatCellValue(row.getCell(c)));
        return out;
    }

    private static Row rowOf(Sheet sheet, String orgCode) {
        for (Row row : sheet)
            if (row.getRowNum() >= 2 && orgCode.equals(row.getCell(1).getStringCellValue())) return row;
        throw new AssertionError("no row for " + orgCode);
    }

    @Test
    void theTrackingTableExportsEveryRecipientWithItsStateAndTheCounts() throws IOException {
        String id = f.cityToDistricts("导出测试通知");
        long n = Long.parseLong(id);
        int recipients = f.recipientCodes(id).size();
        as("city_editor")
                .body(Map.of("reason", "已撤并"))
                .post("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, DemoOrgs.SIBLING_DISTRICT) + "/exemption")
                .then()
                .statusCode(200);
        f.exec(
                "update receipt set signed_at = ?, signed_by = 'district_admin', submitted_at = now(),"
                        + " report_status = 'ACCEPTED' where notice_id = ? and org_id = (select id from org where code = ?)",
                java.sql.Timestamp.from(Instant.parse("2024-03-01T02:30:00Z")),
                n,
                DemoOrgs.DISTRICT);

        Response response = as("city_editor").accept(XLSX).get("/api/v1/notices/" + id + "/tracking/receipts/export");
        response.then().statusCode(200).contentType(XLSX);
        String disposition = URLDecoder.decode(response.header("Content-Disposition"), StandardCharsets.UTF_8);
        assertTrue(disposition.contains("督办明细.xlsx"), disposition);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = wb.getSheet("督办明细");
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("导出测试通知"));
            List<String> header = cells(sheet.getRow(1));
            assertEquals(
                    List.of("序号", "单位编码", "单位名称", "上级单位", "类型", "层级", "办理状态", "截止时间", "延期原因", "首次阅读", "签收时间"),
                    header.subList(0, 11));
            assertTrue(header.containsAll(List.of("方案备案", "报送状态", "首次报送", "是否逾期报送", "免报原因", "催报次数")));
            assertEquals(recipients, sheet.getLastRowNum() - 1);
            Row district = rowOf(sheet, DemoOrgs.DISTRICT);
            List<String> values = cells(district);
            assertEquals("渝中区妇女联合会", values.get(2));
            assertEquals("重庆市妇女联合会", values.get(3));
            assertEquals("妇联", values.get(4));
            assertEquals("区县级", values.get(5));
            assertEquals("已采用", values.get(6));
            // 02:30 UTC is 10:30 in Shanghai
            assertEquals(
                    LocalDateTime.of(2024, 3, 1, 10, 30),
                    district.getCell(header.indexOf("签收时间")).getLocalDateTimeCellValue());
            assertEquals("按时", values.get(header.indexOf("是否逾期报送")));
            Row sibling = rowOf(sheet, DemoOrgs.SIBLING_DISTRICT);
            assertEquals("免报", cells(sibling).get(6));
            assertEquals("已撤并", cells(sibling).get(header.indexOf("免报原因")));
            // the deadline cell is the notice's, in Shanghai time
            LocalDateTime deadline = BusinessTime.offset(Instant.ofEpochSecond(Long.parseLong(Api.queryString(
                            ds, "select cast(extract(epoch from deadline) as bigint) from notice where id = ?", n))))
                    .toLocalDateTime();
            assertEquals(deadline, district.getCell(header.indexOf("截止时间")).getLocalDateTimeCellValue());

            Sheet counts = wb.getSheet("汇总");
            Map<String, String> byLabel = new java.util.HashMap<>();
            for (Row row : counts)
                byLabel.put(row.getCell(0).getStringCellValue(), new DataFormatter().formatCellValue(row.getCell(1)));
            assertEquals(Integer.toString(recipients), byLabel.get("收文单位"));
            assertEquals("1", byLabel.get("免报"));
            assertEquals(Integer.toString(recipients - 1), byLabel.get("应报"));
            assertEquals("1", byLabel.get("已报送"));
        }

        // the filters of the list apply
        Response exempt =
                as("city_editor").accept(XLSX).get("/api/v1/notices/" + id + "/tracking/receipts/export?status=EXEMPT");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exempt.asByteArray()))) {
            Sheet sheet = wb.getSheet("督办明细");
            assertEquals(1, sheet.getLastRowNum() - 1);
            assertEquals(DemoOrgs.SIBLING_DISTRICT, sheet.getRow(2).getCell(1).getStringCellValue());
        }
    }

    @Test
    void theMissingListExportsContactsAndOnlyTheCallersBranch() throws IOException {
        String id = f.districtToChildren("未报名单导出测试", BusinessTime.today().plusDays(6), Map.of());
        long n = Long.parseLong(id);
        int recipients = f.recipientCodes(id).size();
        f.exec(
                "update receipt set submitted_at = now() where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                DemoOrgs.TOWNSHIP_2);
        String phone = Api.queryString(ds, "select contact_phone from org where code = ?", DemoOrgs.TOWNSHIP);

        Response response = as("district_admin").accept(XLSX).get("/api/v1/notices/" + id + "/tracking/missing/export");
        response.then().statusCode(200).contentType(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = wb.getSheet("未报送单位");
            List<String> header = cells(sheet.getRow(1));
            assertEquals(
                    List.of("序号", "单位编码", "单位名称", "上级单位", "联系人", "联系电话", "联系邮箱", "截止时间", "已延期", "逾期天数"),
                    header.subList(0, 10));
            assertEquals(recipients - 1, sheet.getLastRowNum() - 1);
            List<String> township = cells(rowOf(sheet, DemoOrgs.TOWNSHIP));
            assertEquals(phone == null ? "" : phone, township.get(header.indexOf("联系电话")));
            assertEquals("0", township.get(header.indexOf("逾期天数")));
            for (Row row : sheet) {
                if (row.getRowNum() >= 2)
                    assertTrue(!DemoOrgs.TOWNSHIP_2.equals(row.getCell(1).getStringCellValue()));
            }
        }
        // a township sees its own line only; a sibling district nothing; the department nothing
        Response own = as("township_admin").accept(XLSX).get("/api/v1/notices/" + id + "/tracking/missing/export");
        own.then().statusCode(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.asByteArray()))) {
            Sheet sheet = wb.getSheet("未报送单位");
            assertEquals(1, sheet.getLastRowNum() - 1);
            assertEquals(DemoOrgs.TOWNSHIP, sheet.getRow(2).getCell(1).getStringCellValue());
        }
        as("sibling_admin")
                .accept(XLSX)
                .get("/api/v1/notices/" + id + "/tracking/missing/export")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("dept_editor")
                .accept(XLSX)
                .get("/api/v1/notices/" + id + "/tracking/receipts/export")
                .then()
                .statusCode(404);
        as("district_admin")
                .accept(XLSX)
                .get("/api/v1/notices/" + id + "/tracking/receipts/export?status=NOPE")
                .then()
                .statusCode(400);
    }
}
