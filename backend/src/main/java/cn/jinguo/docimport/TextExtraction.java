package cn.jinguo.docimport;

import cn.jinguo.common.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of an uploaded document, recognised by its content: plain text (UTF-8, or GB18030 as Chinese Windows
 * saves it, or UTF-16 with a byte-order mark) or a .docx (its paragraphs and tables in order). Too large is 413
 * (including a .docx that unpacks to more than the limit: a zip bomb), anything else 415, nothing 400.
 */
final class TextExtraction {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 8192;

    /** The limits of {@link DocImportConfig}, as plain numbers. */
    record Limits(long maxBytes, long maxUnpacked, int maxEntries, int maxChars) {
        static Limits of(DocImportConfig c) {
            return new Limits(c.maxSize().asLongValue(), c.maxUnpacked().asLongValue(), c.maxEntries(), c.maxChars());
        }
    }

    private final Limits limits;

    TextExtraction(Limits limits) {
        this.limits = limits;
    }

    /** The text of {@code bytes}; the file name is not trusted, only the content. */
    String extract(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw ApiException.badRequest("IMPORT_EMPTY_DOCUMENT");
        if (bytes.length > limits.maxBytes()) throw tooLarge();
        String text;
        if (startsWith(bytes, ZIP)) text = docx(bytes);
        else if (startsWith(bytes, OLE2)) throw new ApiException(415, "IMPORT_LEGACY_WORD");
        else if (startsWith(bytes, PDF)) throw new ApiException(415, "IMPORT_PDF");
        else text = plain(bytes);
        return checked(text);
    }

    /** Text sent as such (a JSON field): only the limits apply. */
    String checked(String text) {
        if (text == null || text.isBlank()) throw ApiException.badRequest("IMPORT_EMPTY_DOCUMENT");
        if (text.length() > limits.maxChars()) throw tooLarge();
        return text;
    }

    ApiException tooLarge() {
        return new ApiException(
                413, "IMPORT_TOO_LARGE", limits.maxBytes() / (1024 * 1024), String.valueOf(limits.maxChars()));
    }

    // ---- plain text ----

    private static String plain(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            return decode(bytes, 2, StandardCharsets.UTF_16LE);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
            return decode(bytes, 2, StandardCharsets.UTF_16BE);
        // Images, archives and other binaries carry NUL bytes early; text never does.
        for (int i = 0; i < Math.min(bytes.length, SNIFF); i++)
            if (bytes[i] == 0) throw new ApiException(415, "IMPORT_UNSUPPORTED_TYPE");
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        String utf8 = decodeOrNull(bytes, bom ? 3 : 0, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : decode(bytes, 0, GB18030);
    }

    private static String decode(byte[] bytes, int from, Charset charset) {
        String text = decodeOrNull(bytes, from, charset);
        if (text == null || text.indexOf('\0') >= 0) throw new ApiException(415, "IMPORT_UNSUPPORTED_TYPE");
        return text;
    }

    private static String decodeOrNull(byte[] bytes, int from, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---- .docx ----

    private String docx(byte[] bytes) {
        checkArchive(bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) line(text, p.getText());
                else if (element instanceof XWPFTable t) table(text, t);
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) throw api;
            // POI's own guard (ZipSecureFile: inflate ratio, entry size) says "Zip bomb detected".
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) throw tooLarge();
            throw new ApiException(415, "IMPORT_DOCX_UNREADABLE");
        }
    }

    /**
     * Unpacks every entry once, counting bytes, before POI (which holds the entries in memory) sees the file: a
     * zip bomb stops at the limit, and a zip that is not a Word document is refused without parsing it.
     */
    private void checkArchive(byte[] bytes) {
        boolean word = false;
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) throw tooLarge();
                word |= e.getName().equals("word/document.xml");
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > limits.maxUnpacked()) throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new ApiException(415, "IMPORT_DOCX_UNREADABLE");
        }
        if (!word) throw new ApiException(415, "IMPORT_UNSUPPORTED_TYPE");
    }

    private void table(StringBuilder text, XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            // One line a row; cells apart with ｜, which whitespace normalisation would not keep apart.
            StringBuilder cells = new StringBuilder();
            for (XWPFTableCell cell : row.getTableCells()) {
                if (!cells.isEmpty()) cells.append('｜');
                cells.append(cell.getText().replace('\n', ' '));
            }
            line(text, cells.toString());
        }
    }

    private void line(StringBuilder text, String line) {
        text.append(line).append('\n');
        if (text.length() > limits.maxChars()) throw tooLarge();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
