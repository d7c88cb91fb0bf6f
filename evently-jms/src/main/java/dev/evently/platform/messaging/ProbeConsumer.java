package dev.evently.platform.messaging;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import dev.evently.platform.boundary.Probes;
import dev.evently.platform.messaging.Consuming;

/**
 * Consumes the {@code evently.probe} queue. A probe carries its id in the {@code probeId} property
 * (else the JMS message id stands in), so a redelivery is recognised.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ProbeConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class ProbeConsumer implements MessageListener {

    static final String QUEUE = "evently.probe";

    private static final Logger LOG = Logger.getLogger(ProbeConsumer.class.getName());

    @Inject
    Consuming consuming;

    @Inject
    Probes probes;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "probe", QUEUE, message, () -> {
            String probeId = message.propertyExists("probeId")
                    ? message.getStringProperty("probeId")
                    : message.getJMSMessageID();
            String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
            int deliveries = probes.record(probeId, body).getDeliveries();
            return "probe " + probeId + " received (delivery " + deliveries + ")";
        });
    }
}
