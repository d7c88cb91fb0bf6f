package dev.evently.notification.messaging;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import dev.evently.notification.boundary.Notifications;
import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.outbox.messaging.Envelopes;
import dev.evently.platform.messaging.Consuming;

/**
 * Emails people about their bookings, waitlist offers and cancelled events. Reads its own subscription of the
 * domain-event topic, filtered by the broker to the events that owe a mail, and queues their mails; the mail
 * server is no part of its transaction (see {@code OutgoingMails}).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = NotificationConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class NotificationConsumer implements MessageListener {

    static final String QUEUE = "evently.domain-events::evently.notifications";

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());

    @Inject
    Consuming consuming;

    @EJB
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "notifications", QUEUE, message, () -> {
            ReceivedEvent event = Envelopes.received(message);
            int owed = notifications.notify(event);
            return owed == 0 ? null : owed + " mail(s) queued for " + event.typeName() + " " + event.id();
        });
    }
}
