package dev.evently.console.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AgesTest {

    private static final Instant NOW = Instant.parse("2026-03-14T19:30:00Z");

    @Test
    void anAgeIsShownInItsLargestUnitOrTwo() {
        assertThat(Ages.since(NOW.minusSeconds(45), NOW)).isEqualTo("45 s");
        assertThat(Ages.since(NOW.minus(Duration.ofMinutes(12).plusSeconds(30)), NOW)).isEqualTo("12 min");
        assertThat(Ages.since(NOW.minus(Duration.ofHours(3).plusMinutes(5)), NOW)).isEqualTo("3 h 5 min");
        assertThat(Ages.since(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo("3 h");
        assertThat(Ages.since(NOW.minus(Duration.ofDays(2).plusHours(4)), NOW)).isEqualTo("2 d 4 h");
    }

    @Test
    void nothingWaitingHasNoAgeAndAClockAheadCountsAsNow() {
        assertThat(Ages.since(null, NOW)).isEmpty();
        assertThat(Ages.since(NOW.plusSeconds(3), NOW)).isEqualTo("0 s");
    }
}
