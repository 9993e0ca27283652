package cn.jinguo.tracking;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Downloads;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import cn.jinguo.tracking.TrackingAccess.Tracked;
import cn.jinguo.tracking.TrackingDtos.Counts;
import cn.jinguo.tracking.TrackingDtos.Filter;
import cn.jinguo.tracking.TrackingDtos.Progress;
import cn.jinguo.tracking.TrackingQueries.Row;
import cn.jinguo.tracking.TrackingQueries.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The tracking table and the missing list as .xlsx: Chinese headers, business times as Excel date-times in
 * Asia/Shanghai. Rows stream from the database into a streaming workbook (SXSSF keeps a window of rows in memory and
 * flushes the rest to a temporary file), written out to a temporary file inside the read transaction; the resource
 * sends that file and deletes it.
 */
@ApplicationScoped
public class TrackingExport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 200;

    @Inject
    EntityManager em;

    @Inject
    TrackingAccess access;

    @Inject
    TrackingService tracking;

    /** A written workbook and the name to download it as. */
    public record Export(Path file, String fileName) {}

    private record Column(String header, int width, Function<Row, Object> value) {}

    private static final Map<OrgType, String> TYPES = Map.of(
            OrgType.FEDERATION, "妇联",
            OrgType.WORK_COMMITTEE, "机关/系统妇委会·妇工委",
            OrgType.ENTERPRISE, "企事业单位妇女组织",
            OrgType.DEPARTMENT, "内设部室",
            OrgType.SOCIAL, "女性社会组织");
    private static final Map<FederationLevel, String> LEVELS = Map.of(
            FederationLevel.CITY, "市级",
            FederationLevel.DISTRICT, "区县级",
            FederationLevel.TOWNSHIP, "乡镇（街道）级",
            FederationLevel.VILLAGE, "村（社区）级");
    private static final Map<Progress, String> PROGRESS = Map.of(
            Progress.EXEMPT, "免报",
            Progress.ACCEPTED, "已采用",
            Progress.RETURNED, "已退回",
            Progress.SUBMITTED, "已报送",
            Progress.OVERDUE, "逾期未报",
            Progress.PENDING, "未报送");
    private static final Map<String, String> PLAN = Map.of("FILED", "已备案", "ACKNOWLEDGED", "已确认", "RETURNED", "已退回");
    private static final Map<String, String> REPORT =
            Map.of("DRAFT", "填报中", "SUBMITTED", "已报送", "ACCEPTED", "已采用", "RETURNED", "已退回");

    /** 督办明细: every recipient in the filter, and a sheet with the counts. */
    @Transactional
    public Export receipts(String noticeId, Filter filter, String orgId, String q) {
        Tracked t = access.tracked(noticeId);
        Org branch = orgId == null ? null : access.branch(t, orgId);
        Instant now = Instant.now();
        List<Column> columns = List.of(
                new Column("单位编码", 14, Row::orgCode),
                new Column("单位名称", 30, Row::orgName),
                new Column("上级单位", 24, Row::parentName),
                new Column("类型", 14, r -> TYPES.get(r.orgType())),
                new Column("层级", 12, r -> r.orgLevel() == null ? null : LEVELS.get(r.orgLevel())),
                new Column("办理状态", 10, r -> PROGRESS.get(r.progress(now))),
                new Column("截止时间", 17, Row::deadline),
                new Column("延期原因", 24, Row::extensionReason),
                new Column("首次阅读", 17, Row::firstReadAt),
                new Column("签收时间", 17, Row::signedAt),
                new Column("签收人", 12, Row::signedBy),
                new Column("方案备案", 10, r -> r.planStatus() == null ? "未备案" : PLAN.get(r.planStatus())),
                new Column("备案时间", 17, Row::planFiledAt),
                new Column("报送状态", 10, r -> r.reportStatus() == null ? "未填报" : REPORT.get(r.reportStatus())),
                new Column("首次报送", 17, Row::submittedAt),
                new Column("是否逾期报送", 12, r -> r.submittedAt() == null ? null : r.late() ? "逾期" : "按时"),
                new Column("采用时间", 17, Row::acceptedAt),
                new Column("精选条目", 10, Row::featuredCount),
                new Column("免报原因", 24, Row::exemptReason),
                new Column("催报次数", 10, Row::reminderCount),
                new Column("最近催报", 17, Row::lastRemindedAt));
        Where where = TrackingQueries.where(t, branch, filter, q, now);
        Counts counts = tracking.summary(noticeId, orgId).counts();
        return write(t, "督办明细", columns, TrackingQueries.rows(em, where, -1, 0), wb -> summarySheet(wb, t, counts));
    }

    /** 未报送单位: recipients that have not submitted and are not exempt, with their contacts. */
    @Transactional
    public Export missing(String noticeId, String orgId, String q) {
        Tracked t = access.tracked(noticeId);
        Org branch = orgId == null ? null : access.branch(t, orgId);
        LocalDate today = BusinessTime.today();
        List<Column> columns = List.of(
                new Column("单位编码", 14, Row::orgCode),
                new Column("单位名称", 30, Row::orgName),
                new Column("上级单位", 24, Row::parentName),
                new Column("联系人", 12, Row::contactPerson),
                new Column("联系电话", 16, Row::contactPhone),
                new Column("联系邮箱", 26, Row::contactEmail),
                new Column("截止时间", 17, Row::deadline),
                new Column("已延期", 8, r -> r.extensionReason() == null ? "否" : "是"),
                new Column("逾期天数", 10, r -> r.overdueDays(today)),
                new Column("签收时间", 17, Row::signedAt),
                new Column("填报状态", 10, r -> r.reportStatus() == null ? "未填报" : REPORT.get(r.reportStatus())),
                new Column("催报次数", 10, Row::reminderCount),
                new Column("最近催报", 17, Row::lastRemindedAt));
        Where where = TrackingQueries.where(t, branch, Filter.MISSING, q, Instant.now());
        return write(t, "未报送单位", columns, TrackingQueries.rows(em, where, -1, 0), wb -> {});
    }

    private Export write(
            Tracked t,
            String title,
            List<Column> columns,
            Stream<Row> rows,
            java.util.function.Consumer<SXSSFWorkbook> more) {
        Path file = Downloads.tempFile("tracking", ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try (wb;
                OutputStream out = Files.newOutputStream(file);
                rows) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            SXSSFSheet sheet = wb.createSheet(title);
            sheet.createFreezePane(0, 2);
            var caption = sheet.createRow(0).createCell(0);
            caption.setCellValue(caption(t) + " " + title);
            caption.setCellStyle(bold);
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("序号");
            header.getCell(0).setCellStyle(bold);
            sheet.setColumnWidth(0, 6 * 256);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c + 1);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c + 1, columns.get(c).width() * 256);
            }
            int[] n = {0};
            rows.forEach(r -> {
                org.apache.poi.ss.usermodel.Row line = sheet.createRow(2 + n[0]);
                line.createCell(0).setCellValue(++n[0]);
                for (int c = 0; c < columns.size(); c++) {
                    set(line.createCell(c + 1), columns.get(c).value().apply(r), dateTime);
                }
            });
            more.accept(wb);
            wb.write(out);
        } catch (IOException e) {
            Downloads.deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Downloads.deleteQuietly(file);
            throw e;
        } finally {
            wb.dispose(); // the window's temporary files, which close() leaves behind
        }
        String name = (t.notice().docNumber == null ? t.notice().title : t.notice().docNumber) + "-" + title + ".xlsx";
        return new Export(file, name.replaceAll("[\\\\/:*?\"<>|]", "_"));
    }

    private static void summarySheet(SXSSFWorkbook wb, Tracked t, Counts c) {
        Sheet sheet = wb.createSheet("汇总");
        Object[][] lines = {
            {"通知", caption(t)},
            {
                "统计时间",
                BusinessTime.offset(Instant.now())
                        .toLocalDateTime()
                        .withNano(0)
                        .toString()
                        .replace('T', ' ')
            },
            {"收文单位", c.recipients()},
            {"免报", c.exempt()},
            {"应报", c.expected()},
            {"已读", c.read()},
            {"已签收", c.signed()},
            {"方案已备案", c.plansFiled()},
            {"方案已确认", c.plansAcknowledged()},
            {"已报送", c.submitted()},
            {"按时报送", c.onTime()},
            {"逾期报送", c.late()},
            {"未报送", c.missing()},
            {"逾期未报", c.overdue()},
            {"已采用", c.accepted()},
            {"已退回", c.returned()},
            {"精选条目", c.featured()},
            {"延期单位", c.extended()},
            {"完成率", String.format("%.1f%%", c.completionRate() * 100)}
        };
        for (int i = 0; i < lines.length; i++) {
            var row = sheet.createRow(i);
            row.createCell(0).setCellValue((String) lines[i][0]);
            Object v = lines[i][1];
            if (v instanceof Long l) row.createCell(1).setCellValue(l);
            else row.createCell(1).setCellValue(v.toString());
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    private static String caption(Tracked t) {
        var n = t.notice();
        return (n.docNumber == null ? "" : n.docNumber + " ") + n.title;
    }

    private static void set(Cell cell, Object value, CellStyle dateTime) {
        if (value == null) cell.setBlank();
        else if (value instanceof Instant at) {
            LocalDateTime local = BusinessTime.offset(at).toLocalDateTime();
            cell.setCellValue(local);
            cell.setCellStyle(dateTime);
        } else if (value instanceof Number number) cell.setCellValue(number.doubleValue());
        else cell.setCellValue(value.toString());
    }
}
