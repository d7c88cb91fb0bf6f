package dev.evently.webhook.messaging;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.outbox.messaging.Envelopes;
import dev.evently.platform.messaging.Consuming;
import dev.evently.webhook.boundary.WebhookInterest;
import dev.evently.webhook.boundary.Webhooks;

/**
 * Records the webhook deliveries each domain event owes. Reads its own subscription of the domain-event topic, which
 * takes the events the outbox flagged as wanted by some endpoint ({@link WebhookInterest}), and only records; the
 * timer of {@code WebhookSender} posts them afterwards, so a receiver that is slow or away never holds this consumer,
 * the topic or a sale. One booking's events come in the order they were published (the message group), so its
 * deliveries are recorded in that order.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = WebhookConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class WebhookConsumer implements MessageListener {

    static final String QUEUE = "evently.domain-events::evently.webhooks";

    private static final Logger LOG = Logger.getLogger(WebhookConsumer.class.getName());

    @Inject
    Consuming consuming;

    @EJB
    Webhooks webhooks;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "webhooks", QUEUE, message, () -> {
            if (message.propertyExists(WebhookInterest.FLAG) && !message.getBooleanProperty(WebhookInterest.FLAG)) {
                return null;  // no endpoint wanted it when it was published (a subscription made before the filter)
            }
            ReceivedEvent event = Envelopes.received(message);
            int recorded = webhooks.enqueue(event, ((TextMessage) message).getText());
            return recorded == 0 ? null : recorded + " webhook delivery(ies) recorded for " + event.typeName() + " "
                    + event.id();
        });
    }
}
