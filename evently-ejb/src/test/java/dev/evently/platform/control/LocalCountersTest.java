package dev.evently.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evently.platform.control.Limits.LocalCounters;

class LocalCountersTest {

    private static final long WINDOW_MILLIS = 60_000;

    @Test
    void aWindowOpensWithTheFirstCountAndAnotherAfterItEnds() {
        LocalCounters counters = new LocalCounters(100);

        counters.add("a", 1, 1_000, WINDOW_MILLIS);
        long[] second = counters.add("a", 1, 1_000 + WINDOW_MILLIS - 1, WINDOW_MILLIS);
        assertThat(second).containsExactly(2, 1);
        assertThat(counters.add("a", 1, 1_000 + WINDOW_MILLIS, WINDOW_MILLIS)).containsExactly(1, WINDOW_MILLIS);
    }

    @Test
    void askingAddsNothingAndLeavesNothingBehind() {
        LocalCounters counters = new LocalCounters(100);

        assertThat(counters.add("stranger", 0, 1_000, WINDOW_MILLIS)[0]).isZero();
        assertThat(counters.size()).isZero();
    }

    @Test
    void aFloodOfDistinctKeysStaysWithinTheBound() {
        LocalCounters counters = new LocalCounters(1_000);

        for (int i = 0; i < 50_000; i++) {
            counters.add("key " + i, 1, 1_000, WINDOW_MILLIS);
        }

        assertThat(counters.size()).isLessThanOrEqualTo(1_000);
    }
}
