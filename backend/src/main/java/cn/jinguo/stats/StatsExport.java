package cn.jinguo.stats;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Downloads;
import cn.jinguo.media.FileStore;
import cn.jinguo.stats.StatsDtos.Activity;
import cn.jinguo.stats.StatsQueries.Medium;
import cn.jinguo.submission.SubmissionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jboss.logging.Logger;

/**
 * Activity lists as .xlsx and the featured pack as .zip. Workbooks stream: rows go from the database into a
 * streaming workbook (SXSSF keeps a window of rows in memory, the rest in a temporary file) written to a temporary
 * file inside the read transaction; the resource sends that file and deletes it. The pack is zipped straight into
 * the response from the file store, one file at a time.
 */
@ApplicationScoped
public class StatsExport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ZIP = "application/zip";
    private static final Logger LOG = Logger.getLogger(StatsExport.class);
    private static final int WINDOW = 200;
    /** Excel's last row, less the header. */
    static final int MAX_ROWS = 1_048_575;

    @Inject
    FileStore store;

    /** A written file and the name to download it as; the receiver deletes it once sent. */
    public record Export(Path file, String fileName) {}

    private record Column(String header, int width, Function<Activity, Object> value) {}

    private static final Map<SubmissionStatus, String> STATUS = Map.of(
            SubmissionStatus.DRAFT, "填报中",
            SubmissionStatus.SUBMITTED, "待审核",
            SubmissionStatus.ACCEPTED, "已采用",
            SubmissionStatus.RETURNED, "已退回");

    static final List<String> HEADERS = List.of("活动名称", "日期", "地点", "参与人数", "举办单位", "所属区县", "报送单位", "通知文号", "状态", "精选");

    private static final List<Column> COLUMNS = List.of(
            new Column("活动名称", 36, Activity::title),
            new Column("日期", 12, Activity::heldOn),
            new Column("地点", 24, Activity::location),
            new Column("参与人数", 10, Activity::participants),
            new Column("举办单位", 26, Activity::originOrgName),
            new Column("所属区县", 20, Activity::districtName),
            new Column("报送单位", 26, Activity::reporterOrgName),
            new Column("通知文号", 20, a -> a.notice().docNumber()),
            new Column("状态", 8, a -> STATUS.get(a.status())),
            new Column("精选", 6, a -> a.featured() ? "是" : "否"));

    /**
     * The activity list: one sheet of rows (at most Excel's limit, the rest is cut and said so in the second sheet)
     * and one with the filters it was made with. Closes {@code rows}.
     */
    Export activities(Stream<Activity> rows, Map<String, String> filters, String fileName) {
        return workbook(rows, COLUMNS, "活动列表", filters, fileName);
    }

    /** The featured entries of a pack, with the folder holding each one's files. */
    Path featuredWorkbook(List<Activity> entries, Map<Long, String> folders, Map<String, String> about) {
        List<Column> columns = new java.util.ArrayList<>(COLUMNS);
        columns.add(new Column("素材文件夹", 40, a -> folders.get(Long.parseLong(a.id()))));
        return workbook(entries.stream(), columns, "精选活动", about, "featured.xlsx")
                .file();
    }

    private Export workbook(
            Stream<Activity> rows, List<Column> columns, String title, Map<String, String> about, String fileName) {
        Path file = Downloads.tempFile("stats", ".xlsx");
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try (wb;
                OutputStream out = Files.newOutputStream(file);
                rows) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet sheet = wb.createSheet(title);
            sheet.createFreezePane(0, 1);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, columns.get(c).width() * 256);
            }
            int[] n = {0};
            boolean[] cut = {false};
            rows.forEach(a -> {
                if (n[0] >= MAX_ROWS) {
                    cut[0] = true;
                    return;
                }
                Row line = sheet.createRow(++n[0]);
                for (int c = 0; c < columns.size(); c++)
                    set(line.createCell(c), columns.get(c).value().apply(a), day);
            });
            var info = wb.createSheet("说明");
            Map<String, String> lines = new LinkedHashMap<>(about);
            lines.put(
                    "导出时间",
                    BusinessTime.offset(java.time.Instant.now())
                            .toLocalDateTime()
                            .withNano(0)
                            .toString()
                            .replace('T', ' '));
            lines.put("行数", cut[0] ? n[0] + "（超过 Excel 上限，其余未导出，请缩小范围）" : Integer.toString(n[0]));
            int i = 0;
            for (var e : lines.entrySet()) {
                Row row = info.createRow(i++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(e.getValue());
            }
            info.setColumnWidth(0, 12 * 256);
            info.setColumnWidth(1, 60 * 256);
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
        return new Export(file, safe(fileName));
    }

    /** What a pack holds: its workbook (a temporary file), entries, their folders and media. */
    record Pack(Path workbook, List<Activity> entries, Map<Long, String> folders, List<Medium> media) {}

    /** Folder names for the entries: "01-活动名称（举办单位）", unique within the pack. */
    static Map<Long, String> folders(List<Activity> entries) {
        Map<Long, String> out = new LinkedHashMap<>();
        int width = Math.max(2, Integer.toString(entries.size()).length());
        for (int i = 0; i < entries.size(); i++) {
            Activity a = entries.get(i);
            String name = String.format("%0" + width + "d", i + 1) + "-" + clip(a.title(), 40) + "（"
                    + clip(a.originOrgName(), 30) + "）";
            out.put(Long.parseLong(a.id()), safe(name));
        }
        return out;
    }

    private static final Map<String, String> KINDS =
            Map.of("PHOTO", "照片", "VIDEO", "视频", "ARTICLE", "文章", "LINK", "链接");

    /**
     * Zips the pack into {@code target}: the workbook, each entry's files in its folder ("照片01-原文件名.jpg"), and
     * links.txt with the URLs (new-media links, articles published online) and any file the store no longer has.
     * Photos and videos are already compressed: they are stored, not deflated again.
     */
    void writePack(Pack pack, OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry("精选活动.xlsx"));
            Files.copy(pack.workbook(), zip);
            zip.closeEntry();
            StringBuilder links = new StringBuilder("素材文件夹\t类型\t标题\t网址\r\n");
            StringBuilder missing = new StringBuilder();
            Map<String, Integer> counters = new java.util.HashMap<>();
            for (Medium m : pack.media()) {
                String folder = pack.folders().get(m.entryId());
                String kind = KINDS.getOrDefault(m.kind(), m.kind());
                if (m.url() != null) {
                    links.append(folder)
                            .append('\t')
                            .append(kind)
                            .append('\t')
                            .append(oneLine(m.title()))
                            .append('\t')
                            .append(oneLine(m.url()))
                            .append("\r\n");
                    continue;
                }
                int k = counters.merge(folder + "/" + kind, 1, Integer::sum);
                // Numbered per folder and kind, so two files of the same name never collide.
                String name = folder + "/" + kind + String.format("%02d", k) + "-" + safe(m.fileName());
                if (m.storageKey() == null || !store.exists(m.storageKey())) {
                    missing.append(name).append("\r\n");
                    continue;
                }
                zip.setLevel("ARTICLE".equals(m.kind()) ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream in = store.open(m.storageKey())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (!missing.isEmpty()) {
                LOG.warnf(
                        "Featured pack: %d stored files missing",
                        missing.toString().split("\r\n").length);
                links.append("\r\n文件库中缺失、未能打包的文件：\r\n").append(missing);
            }
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry("links.txt"));
            zip.write(links.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } finally {
            Downloads.deleteQuietly(pack.workbook());
        }
    }

    private static void set(Cell cell, Object value, CellStyle day) {
        if (value == null) cell.setBlank();
        else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(day);
        } else if (value instanceof Number number) cell.setCellValue(number.doubleValue());
        else cell.setCellValue(value.toString());
    }

    /** A name safe in a zip and on Windows: no path separators or reserved characters, not empty. */
    static String safe(String name) {
        String s = name == null
                ? ""
                : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (s.startsWith(".")) s = s.substring(1);
        return s.isEmpty() ? "file" : clip(s, 120);
    }

    private static String clip(String s, int max) {
        if (s == null) return "";
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
