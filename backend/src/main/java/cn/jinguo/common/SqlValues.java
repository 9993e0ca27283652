package cn.jinguo.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Values of native query rows as Java types: the JDBC driver and Hibernate hand back several shapes of the same. */
public final class SqlValues {
    private SqlValues() {}

    public static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof ZonedDateTime z) return z.toInstant();
        throw new IllegalStateException("Not a timestamp: " + value.getClass());
    }

    public static LocalDate date(Object value) {
        if (value == null) return null;
        if (value instanceof LocalDate d) return d;
        if (value instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(value.toString());
    }
}
