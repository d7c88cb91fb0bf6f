package dev.evently.analytics.messaging;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import dev.evently.analytics.boundary.Analytics;
import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.outbox.messaging.Envelopes;
import dev.evently.platform.messaging.Consuming;

/**
 * Keeps the per-event, per-day sales figures. Reads its own subscription of the domain-event topic (filtered
 * by the broker to booking.* and waitlist.*); every message is counted once ({@link Analytics#record}), and
 * the counts only add up, so the order across bookings does not matter.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = AnalyticsConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class AnalyticsConsumer implements MessageListener {

    static final String QUEUE = "evently.domain-events::evently.analytics";

    private static final Logger LOG = Logger.getLogger(AnalyticsConsumer.class.getName());

    @Inject
    Consuming consuming;

    @EJB
    Analytics analytics;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "analytics", QUEUE, message, () -> {
            ReceivedEvent event = Envelopes.received(message);
            boolean counted = analytics.record(event);
            // a redelivery (or a type analytics leaves alone) is worth a line only at the debug level
            LOG.fine(() -> (counted ? "counted " : "did not count ") + event.typeName() + " " + event.id());
            return null;
        });
    }
}
