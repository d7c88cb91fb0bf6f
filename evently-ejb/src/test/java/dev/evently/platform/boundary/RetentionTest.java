package dev.evently.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evently.platform.control.RetainedRows;

class RetentionTest {

    private static final Instant CUTOFF = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void eachKindIsPurgedBatchAfterBatchUntilABatchComesBackShort() {
        Table outbox = new Table("published outbox messages", 5);
        Table inbox = new Table("processed messages (inbox)", 4);

        Map<String, Integer> purged = retention(2).purgeAll(List.of(outbox, inbox), CUTOFF);

        assertThat(purged).containsExactly(Map.entry("published outbox messages", 5),
                Map.entry("processed messages (inbox)", 4));
        assertThat(outbox.batches).containsExactly(2, 2, 1);
        assertThat(inbox.batches).as("a full last batch is followed by one that finds nothing").containsExactly(2, 2, 0);
        assertThat(outbox.cutoffs).containsOnly(CUTOFF);
    }

    @Test
    void kindsWithNothingOldEnoughAreLeftOutOfTheSummary() {
        Map<String, Integer> purged = retention(1000).purgeAll(List.of(new Table("messaging probes", 0)), CUTOFF);

        assertThat(purged).isEmpty();
    }

    @Test
    void aBacklogIsDrainedOverSeveralTicks() {
        Table backlog = new Table("published outbox messages", 1_000_000);
        Retention retention = retention(100);

        retention.purgeAll(List.of(backlog), CUTOFF);

        assertThat(backlog.batches).hasSize(Retention.MOST_BATCHES);
        assertThat(backlog.left).isEqualTo(1_000_000 - Retention.MOST_BATCHES * 100);
        retention.purgeAll(List.of(backlog), CUTOFF);
        assertThat(backlog.left).isEqualTo(1_000_000 - 2 * Retention.MOST_BATCHES * 100);
    }

    @Test
    void aKindWhoseBatchFailsKeepsWhatItPurgedAndTheOthersGoOn() {
        Table failing = new Table("idempotency keys of bookings", 10) {
            @Override
            public int purge(Instant cutoff, int limit) {
                if (!batches.isEmpty()) {
                    throw new IllegalStateException("lock timeout");
                }
                return super.purge(cutoff, limit);
            }
        };
        Table next = new Table("expired refresh tokens", 3);

        Map<String, Integer> purged = retention(4).purgeAll(List.of(failing, next), CUTOFF);

        assertThat(purged).containsExactly(Map.entry("idempotency keys of bookings", 4),
                Map.entry("expired refresh tokens", 3));
    }

    @Test
    void theLogLineSaysWhatWasPurgedAndFromBeforeWhen() {
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("published outbox messages", 1200);
        purged.put("idempotency keys of bookings", 3);

        assertThat(Retention.summary(purged, CUTOFF)).isEqualTo("retention: purged 1200 published outbox messages,"
                + " 3 idempotency keys of bookings (older than 2026-11-23T12:00:00Z)");
    }

    @Test
    void aRetentionThatIsNotPositiveOrAnEmptyBatchIsRefused() {
        Retention zero = retention(1000);
        zero.retention = Duration.ZERO;
        assertThatThrownBy(zero::check).hasMessageContaining("evently.retention");

        Retention negative = retention(1000);
        negative.retention = Duration.ofDays(-7);
        assertThatThrownBy(negative::check).hasMessageContaining("evently.retention");

        assertThatThrownBy(retention(0)::check).hasMessageContaining("evently.retention.batch");
        retention(1).check();
    }

    private static Retention retention(int batch) {
        Retention retention = new Retention();
        retention.batches = new PurgeBatches();
        retention.retention = Duration.ofDays(7);
        retention.batch = batch;
        return retention;
    }

    /** A table with {@code left} rows old enough, purged as the database would: at most {@code limit} at a time. */
    private static class Table implements RetainedRows {

        final String what;
        final List<Integer> batches = new ArrayList<>();
        final List<Instant> cutoffs = new ArrayList<>();
        int left;

        Table(String what, int left) {
            this.what = what;
            this.left = left;
        }

        @Override
        public String what() {
            return what;
        }

        @Override
        public int purge(Instant cutoff, int limit) {
            int count = Math.min(left, limit);
            left -= count;
            batches.add(count);
            cutoffs.add(cutoff);
            return count;
        }
    }
}
