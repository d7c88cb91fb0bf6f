package dev.evently.console.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.evently.platform.boundary.DeadLetters;

class MessagingTest {

    @Test
    void aDeadLetterNamesItsQueueAsTheConsumerDoesAndItsPayloadIsLaidOut() {
        Instant at = Instant.parse("2026-03-14T19:30:00Z");
        Messaging.Letter plain = Messaging.Letter.of(new DeadLetters.DeadLetter("ID:1", "evently.payments",
                "evently.payments", null, null, 1, at, "unreadable", "{\"a\":1}"));
        Messaging.Letter subscribed = Messaging.Letter.of(new DeadLetters.DeadLetter("ID:2", "evently.domain-events",
                "evently.waitlist", "booking.cancelled", "c-1", 3, at, "gave up", null));

        assertThat(plain.queue()).isEqualTo("evently.payments");
        assertThat(plain.payload()).isEqualTo("{\n  \"a\": 1\n}");
        assertThat(subscribed.queue()).isEqualTo("evently.domain-events::evently.waitlist");
        assertThat(subscribed.payload()).isEmpty();
        assertThat(subscribed.deliveries()).isEqualTo(3);
    }

    @Test
    void theRelaysLastErrorIsCutToWhatTellsWhatIsWrong() {
        assertThat(Messaging.shortened(null)).isNull();
        assertThat(Messaging.shortened("broker away")).isEqualTo("broker away");
        assertThat(Messaging.shortened("x".repeat(1000))).hasSize(Messaging.MOST_ERROR + 1).endsWith("…");
    }
}
