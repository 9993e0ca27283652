package cn.jinguo.docimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text the parsers read and the import API returns (field spans index into it): one paragraph per line. Text
 * extracted from PDFs scatters whitespace, breaks paragraphs at page ends and may repeat the opening as a first
 * line ending in "..."; this undoes that. Spaces next to Chinese characters are dropped except inside quotes and
 * title marks, where they are part of a name (“巾帼心向党 奋进新征程”).
 */
final class SourceText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000\\u2002-\\u200A]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\uFEFF\\u200B-\\u200D\\u2060\\u00AD]");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；：:;!?]$");
    private static final Pattern TITLE_END =
            Pattern.compile("(?:通知|方案|思路|计划|要点|意见|办法|决定|通报|报告|请示|批复|函|纪要|规定|文件|细则|安排)$");
    private static final Pattern LABEL = Pattern.compile("^\\p{IsHan}{1,6}[：:]");
    private static final Pattern INLINE_START = Pattern.compile("^[一二三四五六七八九十]{1,2}[是要]");
    /** Shorter lines are headings, names and dates, which a page break does not cut. */
    private static final int MIN_BROKEN_LINE = 15;

    private SourceText() {}

    static String normalize(String raw) {
        List<String> lines = cleanLines(raw);
        dropRepeatedOpening(lines);
        return String.join("\n", joinBrokenParagraphs(lines));
    }

    private static List<String> cleanLines(String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : INVISIBLE.matcher(raw).replaceAll("").split("\\R")) {
            String clean = compact(SPACES.matcher(line).replaceAll(" ").strip());
            if (!clean.isEmpty()) lines.add(clean);
        }
        return lines;
    }

    /** Drops spaces next to Chinese text, outside “…” and 《…》 (the line is stripped: no space at either end). */
    private static String compact(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int quoted = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '“' || c == '《' || c == '「') quoted++;
            if ((c == '”' || c == '》' || c == '」') && quoted > 0) quoted--;
            boolean droppable = c == ' '
                    && quoted == 0
                    && (isChinese(out.charAt(out.length() - 1)) || isChinese(line.charAt(i + 1)));
            if (!droppable) out.append(c);
        }
        return out.toString();
    }

    static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F)
                || (c >= 0xFF00 && c <= 0xFFEF)
                || "“”‘’·…—".indexOf(c) >= 0;
    }

    /** A first line that repeats the beginning of the text and ends in "..." is a preview, not content. */
    private static void dropRepeatedOpening(List<String> lines) {
        if (lines.size() < 2) return;
        String first = lines.get(0);
        if (!first.endsWith("...") && !first.endsWith("…")) return;
        int end = first.length();
        while (end > 0 && ".… ".indexOf(first.charAt(end - 1)) >= 0) end--;
        String stem = first.substring(0, end);
        String head = squeeze(stem);
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < lines.size() && rest.length() < head.length(); i++) rest.append(squeeze(lines.get(i)));
        if (head.length() >= 10 && rest.toString().startsWith(head)) lines.remove(0);
    }

    private static String squeeze(String s) {
        return SPACES.matcher(s).replaceAll("");
    }

    private static List<String> joinBrokenParagraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int last = out.size() - 1;
            if (last >= 0 && continues(out.get(last), line)) out.set(last, glue(out.get(last), line));
            else out.add(line);
        }
        return out;
    }

    /** Whether {@code next} carries on the sentence {@code line} was cut in (a page or line break of the PDF). */
    private static boolean continues(String line, String next) {
        return line.length() >= MIN_BROKEN_LINE
                && !SENTENCE_END.matcher(line).find()
                && !TITLE_END.matcher(line).find()
                && !LABEL.matcher(line).find()
                && Numbering.leading(line) == null
                && Numbering.leading(next) == null
                && !INLINE_START.matcher(next).find()
                && !LABEL.matcher(next).find()
                && Dates.standalone(next) == null;
    }

    private static String glue(String line, String next) {
        boolean words = Character.isLetterOrDigit(line.charAt(line.length() - 1))
                && !isChinese(line.charAt(line.length() - 1))
                && Character.isLetterOrDigit(next.charAt(0))
                && !isChinese(next.charAt(0));
        return words ? line + " " + next : line + next;
    }
}
