package cn.jinguo.docimport;

/** Numbers as official documents write them: Arabic digits, 一…九十, 两, 百/千/万, and years digit by digit (二〇二四). */
final class ChineseNumbers {
    static final String DIGITS = "〇○零一二三四五六七八九";

    private ChineseNumbers() {}

    /** The value of {@code s} (Arabic or Chinese), or -1 when it is not a number. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) return -1;
        if (s.chars().allMatch(Character::isDigit)) return s.length() > 9 ? -1 : Integer.parseInt(s);
        int total = 0;
        int section = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = unit(c);
            if (unit < 0) return -1;
            if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else section += (digit < 0 ? 1 : digit) * unit; // 十二 = 12: a bare unit counts once
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }

    /** A year written digit by digit: 二〇二四 → 2024; -1 otherwise. */
    static int year(String s) {
        if (s.chars().allMatch(Character::isDigit)) return s.length() == 4 ? Integer.parseInt(s) : -1;
        if (s.length() != 4) return -1;
        int year = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d < 0) return -1;
            year = year * 10 + d;
        }
        return year;
    }

    private static int digit(char c) {
        if (c == '两') return 2;
        int i = DIGITS.indexOf(c);
        return i < 0 ? -1 : Math.max(i - 2, 0);
    }

    private static int unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10_000;
            default -> -1;
        };
    }
}
