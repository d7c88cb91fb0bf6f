package dev.evently.platform.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result columns, whose Java types differ across Hibernate's mappings and the driver's. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column's value, null for null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
