package dev.evently.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2027-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), RetrySchedule.MAX_PAUSE,
            Duration.ofHours(24));

    @Test
    void pausesDoubleFromTheFirstRetryUpToAnHour() {
        assertThat(schedule.pause(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.pause(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.pause(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.pause(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.pause(10)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.pause(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retriesUntilTheGiveUpTimeAndNotBeyondIt() {
        assertThat(schedule.retryAt(1, FIRST, FIRST)).isEqualTo(FIRST.plusSeconds(10));
        Instant late = FIRST.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(30));
        assertThat(schedule.retryAt(30, FIRST, late)).isEqualTo(FIRST.plus(Duration.ofHours(24)));
        assertThat(schedule.retryAt(31, FIRST, FIRST.plus(Duration.ofHours(24)))).isNull();
    }

    @Test
    void disablesAnEndpointFailingForTheGiveUpTime() {
        assertThat(schedule.disables(null, FIRST)).isFalse();
        assertThat(schedule.disables(FIRST, FIRST.plus(Duration.ofHours(23)))).isFalse();
        assertThat(schedule.disables(FIRST, FIRST.plus(Duration.ofHours(24)))).isTrue();
    }
}
