package dev.evently.platform.control;

import java.time.Instant;

/**
 * Rows a component needs only for a while: once what they record is older than the retention, the platform's
 * {@code Retention} timer has them purged, batch after batch. The owner of the table implements it, beside the
 * table's other SQL; the platform knows none of these tables.
 * <p>
 * Every implementation has the same shape, {@code ... where key = any(array(select key ... where time < ?1
 * order by time limit ?2 for update skip locked))}: the rows are found oldest first through an index on their
 * time, locked, and only those are touched. Rows another transaction holds (another instance purging, a use case
 * busy with an old booking) are skipped, never waited for. The array matters: with {@code key in (select ...)},
 * PostgreSQL's generic plan for the prepared statement, which does not know the limit is small, scanned the
 * whole table for every batch.
 */
public interface RetainedRows {

    /** What the rows are, for the log: "published outbox messages". */
    String what();

    /**
     * Purges up to {@code limit} of these rows whose time is before {@code cutoff}, oldest first, in the caller's
     * transaction; returns how many it purged.
     */
    int purge(Instant cutoff, int limit);
}
