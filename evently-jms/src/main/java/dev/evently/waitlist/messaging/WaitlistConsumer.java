package dev.evently.waitlist.messaging;

import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonNumber;

import dev.evently.outbox.messaging.ReceivedEvent;
import dev.evently.platform.messaging.Consuming;
import dev.evently.waitlist.boundary.Waitlists;

/**
 * Turns released seats into waitlist offers, and ends the waiting of a cancelled event. Reads its own
 * subscription of the domain-event topic (filtered by the broker to seats.released and event.cancelled);
 * messages of one event come grouped, so offers for one event are made one release after the other.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "evently.domain-events::evently.waitlist"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class WaitlistConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WaitlistConsumer.class.getName());

    @EJB
    Waitlists waitlists;

    @Override
    public void onMessage(Message message) {
        Consuming.handle(LOG, "waitlist", message, () -> {
            ReceivedEvent event = ReceivedEvent.of(message);
            long eventId = event.longValue("eventId");
            return switch (event.type()) {
                case "seats.released" -> {
                    List<Long> seatIds = event.data().getJsonArray("seatIds").getValuesAs(JsonNumber.class).stream()
                            .map(JsonNumber::longValueExact).toList();
                    int offers = waitlists.offerReleasedSeats(event.id(), eventId, seatIds);
                    yield offers == 0 ? null : offers + " waitlist offer(s) for event " + eventId + " from event " + event.id();
                }
                case "event.cancelled" -> {
                    int ended = waitlists.eventCancelled(event.id(), eventId);
                    yield ended == 0 ? null : ended + " waiting entries of cancelled event " + eventId + " ended";
                }
                default -> null;
            };
        });
    }
}
