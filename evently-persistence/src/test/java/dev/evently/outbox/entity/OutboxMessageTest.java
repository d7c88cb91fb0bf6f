package dev.evently.outbox.entity;

import static dev.evently.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private final OutboxMessage message = new OutboxMessage("booking", "42", "BookingCreated", "{\"bookingId\":42}", NOW);

    @Test
    void aNewMessageIsDueAtOnce() {
        assertThat(message.isDue(NOW)).isTrue();
        assertThat(message.isPublished()).isFalse();
        assertThat(message.getAttempts()).isZero();
    }

    @Test
    void failuresBackOffExponentiallyUpToThirtySeconds() {
        message.recordFailure("broker down", NOW);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        message.recordFailure("broker down", NOW);
        assertThat(message.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(message.isDue(NOW.plusMillis(1999))).isFalse();
        assertThat(message.getAttempts()).isEqualTo(2);
        assertThat(message.getLastError()).isEqualTo("broker down");

        assertThat(OutboxMessage.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(OutboxMessage.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxMessage.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLongErrorIsCutToItsFirst2000Characters() {
        message.recordFailure("x".repeat(5000), NOW);
        assertThat(message.getLastError()).hasSize(2000);
    }
}
