package cn.jinguo.common;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: a resource's version is its ETag; updates must quote it in If-Match. */
public final class Versioned {
    private Versioned() {}

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * Checks an {@code If-Match} header against the current version: 428 when the header is missing
     * (required), 412 when it names another version. A weak tag (W/"3") matches like a strong one.
     */
    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) throw new ApiException(428, "PRECONDITION_REQUIRED");
        checkMatch(ifMatch, currentVersion);
    }

    /** Like {@link #requireMatch} but an absent header means "whatever is current" (for action endpoints). */
    public static void checkMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) return;
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            t = t.replace("\"", "");
            if (t.equals(Integer.toString(currentVersion))) return;
        }
        throw new ApiException(412, "PRECONDITION_FAILED");
    }
}
