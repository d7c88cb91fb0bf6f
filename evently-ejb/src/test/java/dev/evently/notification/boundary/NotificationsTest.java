package dev.evently.notification.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.notification.control.MailMetrics;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.OutgoingBatch;
import dev.evently.outbox.event.OutgoingBatch.Outgoing;

class NotificationsTest {

    /** Counts the events it is told owed a mail that could not be written. */
    static final class CountingMetrics extends MailMetrics {
        int skipped;

        @Override
        public void skipped() {
            skipped++;
        }
    }

    @Test
    void anEventOwingAMailWhosePayloadDoesNotFitIsCountedAndOwesNone() {
        Notifications notifications = new Notifications();
        CountingMetrics metrics = new CountingMetrics();
        notifications.metrics = metrics;

        // no database here: a batch in which no mail can be written reads and writes nothing
        notifications.queue(new OutgoingBatch(List.of(
                new Outgoing(1, DomainEvents.BOOKING_CONFIRMED.name(), "not a payload"),
                new Outgoing(2, DomainEvents.BOOKING_CREATED.name(), "owes no mail, so it is not read"),
                new Outgoing(3, "a.type.evently.no.longer.publishes", "{}"))));

        assertThat(metrics.skipped).as("the confirmation that cannot be read; the others owe no mail").isEqualTo(1);
    }
}
