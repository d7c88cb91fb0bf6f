package dev.evently.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessagingGaugesTest {

    @Test
    void aSubscriptionIsShownByItsQueueName() {
        assertThat(MessagingGauges.label("evently.domain-events::evently.waitlist")).isEqualTo("evently.waitlist");
        assertThat(MessagingGauges.label("evently.payments")).isEqualTo("evently.payments");
    }

    @Test
    void deadLettersOfQueuesNotEventlysAreOtherOnes() {
        List<String> labels = List.of("evently.payments", "evently.waitlist", "other");
        Map<String, Long> byQueue = Map.of("evently.payments", 2L, "system-test-1", 3L, "null", 1L);

        assertThat(MessagingGauges.deadLettersOf(byQueue, "evently.payments", labels)).isEqualTo(2);
        assertThat(MessagingGauges.deadLettersOf(byQueue, "evently.waitlist", labels)).isZero();
        assertThat(MessagingGauges.deadLettersOf(byQueue, "other", labels)).isEqualTo(4);
    }
}
