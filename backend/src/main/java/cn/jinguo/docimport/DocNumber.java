package cn.jinguo.docimport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed 发文字号: 机关代字〔年份〕序号号 (渝妇发〔2024〕5号, with [] () （） 【】 for 〔〕 and an optional 第), or
 * the bare [2023-2] some federations print. {@code code} is null for the bare form; {@code start}/{@code end} are
 * offsets in the string searched.
 */
record DocNumber(String printed, String code, int year, int serial, int start, int end) {
    private static final String OPEN = "[〔\\[【(（]";
    private static final String CLOSE = "[〕\\]】)）]";
    private static final Pattern CODED = Pattern.compile("([\\p{IsHan}A-Za-z]{1,12}?)\\s*" + OPEN
            + "\\s*((?:19|20)[0-9]{2})\\s*" + CLOSE + "\\s*第?\\s*([0-9]{1,5})\\s*号");
    private static final Pattern BARE =
            Pattern.compile(OPEN + "\\s*((?:19|20)[0-9]{2})\\s*[-－—–]\\s*([0-9]{1,5})\\s*" + CLOSE);

    /** The first document number in {@code s}, or null. */
    static DocNumber find(String s) {
        Matcher m = CODED.matcher(s);
        if (m.find()) {
            int year = Integer.parseInt(m.group(2));
            int serial = Integer.parseInt(m.group(3));
            return new DocNumber(
                    m.group(1) + "〔" + year + "〕" + serial + "号", m.group(1), year, serial, m.start(), m.end());
        }
        m = BARE.matcher(s);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            int serial = Integer.parseInt(m.group(2));
            return new DocNumber("[" + year + "-" + serial + "]", null, year, serial, m.start(), m.end());
        }
        return null;
    }
}
