package dev.evently.waitlist.messaging;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.SeatsReleased;
import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.outbox.messaging.Envelopes;
import dev.evently.platform.messaging.Consuming;
import dev.evently.waitlist.boundary.Waitlists;

/**
 * Turns released seats into waitlist offers, and ends the waiting of a cancelled event. Reads its own
 * subscription of the domain-event topic (filtered by the broker to seats.released and event.cancelled);
 * messages of one event come grouped, so offers for one event are made one release after the other.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = WaitlistConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class WaitlistConsumer implements MessageListener {

    static final String QUEUE = "evently.domain-events::evently.waitlist";

    private static final Logger LOG = Logger.getLogger(WaitlistConsumer.class.getName());

    @Inject
    Consuming consuming;

    @EJB
    Waitlists waitlists;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "waitlist", QUEUE, message, () -> {
            ReceivedEvent event = Envelopes.received(message);
            if (event.is(DomainEvents.SEATS_RELEASED)) {
                SeatsReleased released = event.payload(DomainEvents.SEATS_RELEASED);
                int offers = waitlists.offerReleasedSeats(event.id(), released.eventId(), released.seatIds());
                return offers == 0 ? null
                        : offers + " waitlist offer(s) for event " + released.eventId() + " from event " + event.id();
            }
            if (event.is(DomainEvents.EVENT_CANCELLED)) {
                long eventId = event.payload(DomainEvents.EVENT_CANCELLED).eventId();
                int ended = waitlists.eventCancelled(event.id(), eventId);
                return ended == 0 ? null : ended + " waiting entries of cancelled event " + eventId + " ended";
            }
            return null;
        });
    }
}
