package dev.evently.notification.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutgoingMailsTest {

    @Test
    void aRefusedMailIsTriedAgainAfterTwoSecondsDoublingToFiveMinutes() {
        assertThat(OutgoingMails.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutgoingMails.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutgoingMails.backoff(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(OutgoingMails.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(OutgoingMails.backoff(OutgoingMails.MAX_ATTEMPTS)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyAttemptTogetherSpanAboutHalfAnHourBeforeAMailIsGivenUp() {
        Duration all = Duration.ZERO;
        for (int attempt = 1; attempt < OutgoingMails.MAX_ATTEMPTS; attempt++) {
            all = all.plus(OutgoingMails.backoff(attempt));
        }
        assertThat(all).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(40));
    }
}
