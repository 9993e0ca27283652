package cn.jinguo.common;

import java.util.List;

/** Ids are opaque strings on the wire and numbers inside. */
public final class Ids {
    private Ids() {}

    public static Long parseOrNull(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) return null;
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) return null;
        }
        return Long.parseLong(id);
    }

    /** For ids in request bodies: a malformed one is bad input (400). */
    public static long parse(String id) {
        Long v = parseOrNull(id);
        if (v == null) {
            throw new ApiException(400, "ID_INVALID", List.of(new Problem.FieldError("id", "Id", "validation.Id")), id);
        }
        return v;
    }
}
