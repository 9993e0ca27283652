package cn.jinguo.common;

import java.util.Locale;

/** Small text rules shared by the services. */
public final class Text {
    /** Mobile or landline numbers as written in China: digits, +, -, parentheses and spaces. */
    public static final String PHONE_PATTERN = "^[0-9+\\-() ]{5,30}$";

    private Text() {}

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A LIKE pattern matching {@code term} anywhere, lower-cased, with LIKE's wildcards escaped. */
    public static String containsPattern(String term) {
        return "%"
                + term.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }
}
