package cn.jinguo.docimport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as notices write them: 2024年2月26日, 二〇二四年二月二十六日, 3月10日 (the year is the document's), “5.15”,
 * and festival days (“三八”国际妇女节当天), with an optional time of day (17:00, 下午5点).
 */
final class Dates {
    private static final String NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
    private static final Pattern WRITTEN = Pattern.compile("(?<![0-9])(?:([0-9]{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*)?("
            + NUM + ")\\s*月\\s*(" + NUM + ")\\s*[日号]"
            + "(?:\\s*(上午|下午|晚上)?\\s*([0-9]{1,2})\\s*(?:[:：]\\s*([0-9]{2})|[时点])(?:\\s*([0-9]{1,2})\\s*分|(半))?)?");
    private static final Pattern DOTTED = Pattern.compile("(?<![0-9.．])([0-9]{1,2})[.．]([0-9]{1,2})(?![0-9.．%])");
    private static final Pattern FESTIVAL = Pattern.compile("“?(三八|五一|五四|六一|七一|八一|国庆)”?[^，。；]{0,8}?当天");
    private static final Map<String, int[]> FESTIVALS = Map.of(
            "三八", new int[] {3, 8},
            "五一", new int[] {5, 1},
            "五四", new int[] {5, 4},
            "六一", new int[] {6, 1},
            "七一", new int[] {7, 1},
            "八一", new int[] {8, 1},
            "国庆", new int[] {10, 1});

    /** A date found in the text; {@code year} is null when only month and day are written. */
    record Mention(Integer year, int month, int day, LocalTime time, int start, int end) {
        /** The date, in {@code documentYear} when no year is written; null when there is no such day. */
        LocalDate resolve(int documentYear, LocalDate notBefore) {
            try {
                LocalDate d = LocalDate.of(year == null ? documentYear : year, month, day);
                // A deadline in January of a notice signed in December falls in the next year.
                if (year == null && notBefore != null && d.isBefore(notBefore)) d = d.plusYears(1);
                return d;
            } catch (DateTimeException e) {
                return null;
            }
        }

        boolean hasYear() {
            return year != null;
        }
    }

    private Dates() {}

    /** Every date written in {@code text} between {@code from} and {@code to}, in order. */
    static List<Mention> in(String text, int from, int to) {
        List<Mention> out = new ArrayList<>();
        written(text, from, to, out);
        dotted(text, from, to, out);
        festivals(text, from, to, out);
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }

    /** A paragraph that is just a full date (2024年2月20日, 二〇二四年二月二十六日), possibly followed by 印发. */
    static Mention standalone(String paragraph) {
        Matcher m = WRITTEN.matcher(paragraph);
        if (!m.find() || m.group(1) == null) return null;
        String rest = (paragraph.substring(0, m.start()) + paragraph.substring(m.end())).strip();
        if (!rest.isEmpty() && !rest.equals("印发") && !rest.equals("印") && !rest.equals("发")) return null;
        return mention(m);
    }

    private static void written(String text, int from, int to, List<Mention> out) {
        Matcher m = WRITTEN.matcher(text).region(from, to);
        while (m.find()) {
            Mention mention = mention(m);
            if (mention != null) out.add(mention);
        }
    }

    private static Mention mention(Matcher m) {
        Integer year = m.group(1) == null ? null : ChineseNumbers.year(m.group(1));
        int month = ChineseNumbers.parse(m.group(2));
        int day = ChineseNumbers.parse(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31 || (year != null && year < 1900)) return null;
        return new Mention(year, month, day, time(m), m.start(), m.end());
    }

    private static LocalTime time(Matcher m) {
        if (m.group(5) == null) return null;
        int hour = Integer.parseInt(m.group(5));
        if (("下午".equals(m.group(4)) || "晚上".equals(m.group(4))) && hour < 12) hour += 12;
        int minute = m.group(6) != null
                ? Integer.parseInt(m.group(6))
                : m.group(7) != null ? Integer.parseInt(m.group(7)) : 0;
        if (m.group(8) != null) minute = 30;
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    /** “5.15”: quoted, or followed by a word that makes it a day (国际家庭日, 前, 当天). */
    private static void dotted(String text, int from, int to, List<Mention> out) {
        Matcher m = DOTTED.matcher(text).region(from, to);
        while (m.find()) {
            boolean quoted = m.start() > 0 && text.charAt(m.start() - 1) == '“';
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 2));
            if (!quoted && !after.startsWith("前") && !after.startsWith("当天") && !after.startsWith("国际")) continue;
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
                out.add(new Mention(null, month, day, null, m.start(), m.end()));
        }
    }

    private static void festivals(String text, int from, int to, List<Mention> out) {
        Matcher m = FESTIVAL.matcher(text).region(from, to);
        while (m.find()) {
            int[] md = FESTIVALS.get(m.group(1));
            out.add(new Mention(null, md[0], md[1], null, m.start(), m.end()));
        }
    }
}
