package dev.evently.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeatRunsTest {

    private static String runs(long... ids) {
        SeatRuns runs = new SeatRuns();
        for (long id : ids) {
            runs.add(id);
        }
        return runs.toString();
    }

    @Test
    void consecutiveIdsAreOneRunAndEachRunIsItsDistanceFromTheOneBefore() {
        assertThat(runs(1017, 1018, 1021, 1031, 1032, 1033)).isEqualTo("1017+1,3,10+2");
    }

    @Test
    void singleIdsAndNoIds() {
        assertThat(runs()).isEmpty();
        assertThat(runs(5_000_123)).isEqualTo("5000123");
        assertThat(runs(7, 9, 11)).isEqualTo("7,2,2");
    }

    @Test
    void readingTheRunsDoesNotEndTheOpenOne() {
        SeatRuns runs = new SeatRuns();
        runs.add(40);
        runs.add(41);
        assertThat(runs).hasToString("40+1");
        runs.add(42);
        runs.add(50);
        assertThat(runs).hasToString("40+2,8");
    }

    @Test
    void idsThatDoNotAscendAreRefused() {
        SeatRuns runs = new SeatRuns();
        runs.add(10);
        assertThatThrownBy(() -> runs.add(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runs.add(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatRuns().add(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
