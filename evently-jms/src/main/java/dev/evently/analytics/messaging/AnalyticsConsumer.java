package dev.evently.analytics.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;

import dev.evently.analytics.boundary.Activity;
import dev.evently.analytics.boundary.Analytics;
import dev.evently.outbox.messaging.ReceivedEvent;
import dev.evently.platform.messaging.Consuming;

/**
 * Keeps the per-event, per-day sales figures. Reads its own subscription of the domain-event topic (filtered
 * by the broker to booking.* and waitlist.*); every message is counted once ({@link Analytics#record}), and
 * the counts only add up, so the order across bookings does not matter.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "evently.domain-events::evently.analytics"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class AnalyticsConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AnalyticsConsumer.class.getName());

    @EJB
    Analytics analytics;

    @Override
    public void onMessage(Message message) {
        Consuming.handle(LOG, "analytics", message, () -> {
            ReceivedEvent event = ReceivedEvent.of(message);
            Activity activity = activity(event);
            boolean counted = analytics.record(event.id(), activity);
            // a redelivery (or a type analytics leaves alone) is worth a line only at the debug level
            LOG.fine(() -> (counted ? "counted " : "did not count ") + event.type() + " " + event.id());
            return null;
        });
    }

    /** The figures analytics needs from an event's data; an event without them is malformed (dead-letter queue). */
    static Activity activity(ReceivedEvent event) {
        JsonObject data = event.data();
        try {
            int seats = data.containsKey("seatIds") ? data.getJsonArray("seatIds").size() : 0;
            long totalCents = data.containsKey("totalCents") ? data.getJsonNumber("totalCents").longValueExact() : 0;
            return new Activity(event.type(), event.longValue("eventId"), Instant.parse(data.getString("at")), seats,
                    totalCents, data.getString("previousStatus", null));
        } catch (NullPointerException | ClassCastException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " lacks analytics' fields: " + e, e);
        }
    }
}
