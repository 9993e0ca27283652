package cn.jinguo.docimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering of an official document's structure (GB/T 9704: 一、 （一） 1. （1）), and the enumerations run
 * into the text (一是…二是…, 一要…二要…). {@code level} orders them from the top.
 */
enum Numbering {
    CHINESE(1, "一、", "^([一二三四五六七八九十]{1,3})\\s*[、．]\\s*"),
    CHINESE_PAREN(2, "（一）", "^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[）)]\\s*"),
    ARABIC(3, "1.", "^([0-9]{1,2})\\s*[.．、]" + Numbering.NOT_A_DECIMAL + "\\s*"),
    ARABIC_PAREN(4, "（1）", "^[（(]\\s*([0-9]{1,2})\\s*[）)]\\s*"),
    INLINE(5, "一是", "([一二三四五六七八九十]{1,2})(?:是|要)(?=[\\p{IsHan}“《])");

    /** After “1.”: no digit (5.15 is a day), unless a year starts there (2.2024年活动统计表). */
    static final String NOT_A_DECIMAL = "(?!(?![0-9]{4}年)[0-9])";

    /** A marker found: its kind, the number it gives, and where it is (end: where the text after it starts). */
    record Marker(Numbering kind, int number, int start, int end) {}

    final int level;
    final String example;
    private final Pattern pattern;

    Numbering(int level, String example, String regex) {
        this.level = level;
        this.example = example;
        this.pattern = Pattern.compile(regex);
    }

    /** The structural marker (not INLINE) that {@code paragraph} starts with, or null. */
    static Marker leading(String paragraph) {
        for (Numbering n : values()) {
            if (n == INLINE) continue;
            Matcher m = n.pattern.matcher(paragraph);
            if (m.find()) return new Marker(n, ChineseNumbers.parse(m.group(1)), 0, m.end());
        }
        return null;
    }

    /**
     * Enumerations run into {@code text} (一是…二是…): each at the start or after a full stop or semicolon, counting up
     * from 一 without gaps, so that “三要素” or a stray “一是” in a sentence is not taken for one.
     */
    static List<Marker> inline(String text, int from, int to) {
        List<Marker> out = new ArrayList<>();
        Matcher m = INLINE.pattern.matcher(text).region(from, to);
        while (m.find()) {
            boolean atStart = m.start() == from || "。；;：:\n".indexOf(text.charAt(m.start() - 1)) >= 0;
            int number = ChineseNumbers.parse(m.group(1));
            if (atStart && number == out.size() + 1) out.add(new Marker(INLINE, number, m.start(), m.end()));
        }
        return out;
    }
}
