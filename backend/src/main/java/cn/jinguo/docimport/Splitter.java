package cn.jinguo.docimport;

import java.util.ArrayList;
import java.util.List;

/** Splits enumerations (A、B及C) at separators outside brackets and quotes, where a comma inside a name is no cut. */
final class Splitter {
    private static final String OPEN = "（(“《〈「";
    private static final String CLOSE = "）)”》〉」";

    private Splitter() {}

    /** The trimmed, non-empty pieces of {@code s} between {@code from} and {@code to}, as [start, end) pairs. */
    static List<int[]> split(String s, int from, int to, String separators) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : 0;
            if (i < to && OPEN.indexOf(c) >= 0) depth++;
            else if (i < to && CLOSE.indexOf(c) >= 0) depth = Math.max(0, depth - 1);
            else if (i == to || (depth == 0 && separators.indexOf(c) >= 0)) {
                // 以及: the 以 belongs to the separator, not to the piece before it.
                int end = c == '及' && i > start && s.charAt(i - 1) == '以' ? i - 1 : i;
                add(out, s, start, end);
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<int[]> out, String s, int a, int b) {
        while (a < b && Character.isWhitespace(s.charAt(a))) a++;
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) b--;
        if (b > a) out.add(new int[] {a, b});
    }
}
