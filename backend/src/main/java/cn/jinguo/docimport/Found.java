package cn.jinguo.docimport;

import java.util.List;
import java.util.function.Function;

/**
 * A value read from the source text, how sure the reading is (0–1) and where it was read: {@code start}/{@code end}
 * are offsets into the normalised text (UTF-16 code units, end exclusive). {@code note} says how the value was
 * derived when that is not plain (a message key and its arguments), or is null.
 */
record Found<T>(T value, double confidence, int start, int end, Note note) {
    /** A message key and its arguments, localised when the import is answered. */
    record Note(String key, List<Object> args) {
        static Note of(String key, Object... args) {
            return new Note(key, List.of(args));
        }
    }

    static <T> Found<T> of(T value, double confidence, int start, int end) {
        return new Found<>(value, confidence, start, end, null);
    }

    Found<T> noted(String key, Object... args) {
        return new Found<>(value, confidence, start, end, Note.of(key, args));
    }

    <U> Found<U> map(Function<T, U> f) {
        return new Found<>(f.apply(value), confidence, start, end, note);
    }
}
