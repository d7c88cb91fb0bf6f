package dev.evently.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.catalog.control.SeatChangeLog.Changes;

/** Reading the log's answer: what changed after a generation, or that a new snapshot is needed. */
class SeatChangeLogTest {

    private static Changes read(long since, long upTo, Object... answer) {
        return SeatChangeLog.changes(since, upTo, List.of(answer));
    }

    @Test
    void theSeatsOfEveryEntryAfterTheGenerationAreGatheredOnce() {
        Changes changes = read(100, 0, "103", "101:7,8", "102:8", "103:9");

        assertThat(changes.snapshotNeeded()).isFalse();
        assertThat(changes.generation()).isEqualTo(103);
        assertThat(changes.seatIds()).containsExactly(7L, 8L, 9L);
    }

    @Test
    void nothingAfterTheCurrentGenerationIsNothingChanged() {
        Changes changes = read(103, 0, "103");

        assertThat(changes.snapshotNeeded()).isFalse();
        assertThat(changes.generation()).isEqualTo(103);
        assertThat(changes.seatIds()).isEmpty();
    }

    @Test
    void readingUpToAnEarlierGenerationEndsThere() {
        Changes changes = read(100, 102, "105", "101:7", "102:8");

        assertThat(changes.generation()).isEqualTo(102);
        assertThat(changes.seatIds()).containsExactly(7L, 8L);
    }

    @Test
    void aGapMeansTheLogNoLongerHoldsEverythingAfterIt() {
        assertThat(read(100, 0, "103", "102:8", "103:9").snapshotNeeded()).isTrue();
        assertThat(read(100, 0, "103", "101:8").snapshotNeeded()).isTrue();
    }

    @Test
    void aGenerationFromBeforeRedisForgotItIsAskedToTakeANewSnapshot() {
        Changes changes = read(5_000, 0, "42");

        assertThat(changes.snapshotNeeded()).isTrue();
        assertThat(changes.generation()).isEqualTo(42);
    }

    @Test
    void aChangeOfTheEventItselfAsksForANewSnapshot() {
        Changes changes = read(100, 0, "102", "101:7", "102:*");

        assertThat(changes.snapshotNeeded()).isTrue();
        assertThat(changes.generation()).isEqualTo(102);
    }

    @Test
    void anEntryThatCannotBeReadAsksForANewSnapshotRatherThanFailing() {
        assertThat(read(100, 0, "102", "101:7", "1.02e+2:8").snapshotNeeded()).isTrue();
        assertThat(read(100, 0, "101", "garbage").snapshotNeeded()).isTrue();
    }
}
