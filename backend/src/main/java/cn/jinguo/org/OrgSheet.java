package cn.jinguo.org;

import cn.jinguo.common.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The org import spreadsheet: its columns, the downloadable templates, and reading .xlsx or .csv into rows. */
final class OrgSheet {
    static final List<String> COLUMNS =
            List.of("编码", "名称", "简称", "上级编码", "类型", "层级", "排序", "联系人", "联系电话", "联系邮箱", "成立日期");
    static final List<String> REQUIRED = List.of("编码", "名称", "上级编码", "类型");

    /** A data row: its spreadsheet row number and its cells by column name. */
    record SheetRow(int number, java.util.Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private OrgSheet() {}

    static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static List<SheetRow> read(String fileName, byte[] bytes) {
        String lower = fileName == null ? "" : fileName.toLowerCase();
        if (lower.endsWith(".xlsx")) {
            if (!looksLikeXlsx(bytes)) throw new ApiException(415, "IMPORT_UNREADABLE");
            return readXlsx(bytes);
        }
        if (lower.endsWith(".csv")) {
            if (looksLikeXlsx(bytes) || containsNul(bytes)) throw new ApiException(415, "IMPORT_UNREADABLE");
            return readCsv(decode(bytes));
        }
        throw new ApiException(415, "IMPORT_FILE_TYPE");
    }

    private static List<SheetRow> readXlsx(byte[] bytes) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<List<String>> table = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) cells.add("");
                    else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else cells.add(fmt.formatCellValue(cell));
                }
                while (table.size() < row.getRowNum()) table.add(List.of());
                table.add(cells);
            }
            return toRows(table);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) throw api;
            throw new ApiException(415, "IMPORT_UNREADABLE");
        }
    }

    /** UTF-8 (with or without BOM) when it decodes cleanly, else GB18030, which Excel uses for Chinese CSV. */
    static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) if (bytes[i] == 0) return true;
        return false;
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<SheetRow> readCsv(String text) {
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else quoted = false;
                } else field.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                table.add(row);
                row = new ArrayList<>();
            } else field.append(ch);
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            table.add(row);
        }
        return toRows(table);
    }

    private static List<SheetRow> toRows(List<List<String>> table) {
        if (table.isEmpty()) throw ApiException.badRequest("IMPORT_EMPTY");
        List<String> header = table.get(0).stream()
                .map(h -> h == null ? "" : h.replace("*", "").trim())
                .toList();
        List<String> missing =
                REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) throw ApiException.badRequest("IMPORT_BAD_HEADER", String.join("、", missing));
        List<SheetRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) continue;
            java.util.Map<String, String> byColumn = new java.util.HashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                if (COLUMNS.contains(header.get(c))) byColumn.put(header.get(c), cells.get(c));
            }
            rows.add(new SheetRow(r + 1, byColumn));
        }
        if (rows.isEmpty()) throw ApiException.badRequest("IMPORT_EMPTY");
        return rows;
    }

    // ---- templates ----

    static byte[] csvTemplate() {
        String header = String.join(",", COLUMNS) + "\r\n";
        byte[] body = header.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    static byte[] xlsxTemplate() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("组织导入");
            XSSFCellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(REQUIRED.contains(COLUMNS.get(c)) ? COLUMNS.get(c) + "*" : COLUMNS.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet help = wb.createSheet("填写说明");
            String[][] lines = {
                {"列", "说明"},
                {"编码*", "组织编码，全平台唯一，字母、数字、-、_，如 500103001"},
                {"名称*", "组织全称，同一上级下不重名，如 解放碑街道妇女联合会"},
                {"简称", "如 解放碑街道妇联"},
                {"上级编码*", "上级组织的编码：可以是平台中已有的、您有管理权限的组织，也可以是本文件中另一行的编码"},
                {"类型*", "妇联、机关妇委会（或 妇工委）、企事业单位妇女组织、内设部室、女性社会组织"},
                {"层级", "类型为妇联时必填：市级、区县级、乡镇（街道）级、村（社区）级"},
                {"排序", "同级中的顺序，整数，留空排在最后"},
                {"联系人 / 联系电话 / 联系邮箱", "选填，如 张敏 / 023-63001234 / jfb@example.cn"},
                {"成立日期", "选填，格式 2024-03-08"},
                {"示例", "500103099, 解放碑街道示范社区妇女联合会, 示范社区妇联, 500103001, 妇联, 村（社区）级"},
                {"规则", "整个文件全部通过检查才会导入；有任何错误时一行也不导入，并给出每行的错误说明"}
            };
            for (int r = 0; r < lines.length; r++) {
                Row row = help.createRow(r);
                row.createCell(0).setCellValue(lines[r][0]);
                row.createCell(1).setCellValue(lines[r][1]);
            }
            help.setColumnWidth(0, 24 * 256);
            help.setColumnWidth(1, 90 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"),
        DateTimeFormatter.ofPattern("yyyy.M.d"),
        DateTimeFormatter.ofPattern("yyyy年M月d日")
    };
}
