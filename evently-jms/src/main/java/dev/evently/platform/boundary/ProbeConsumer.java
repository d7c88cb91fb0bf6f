package dev.evently.platform.boundary;

import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Consumes the {@code evently.probe} queue. A probe carries its id in the {@code probeId} property
 * (else the JMS message id stands in), so a redelivery is recognised.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "evently.probe"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class ProbeConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ProbeConsumer.class.getName());

    @Inject
    Probes probes;

    @Override
    public void onMessage(Message message) {
        try {
            String probeId = message.propertyExists("probeId")
                    ? message.getStringProperty("probeId")
                    : message.getJMSMessageID();
            String body = message instanceof TextMessage text && text.getText() != null ? text.getText() : "";
            int deliveries = probes.record(probeId, body).getDeliveries();
            LOG.info(() -> "probe " + probeId + " received (delivery " + deliveries
                    + ", messageId " + safeId(message) + ", correlationId " + safeCorrelation(message) + ")");
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable probe message", e);
        }
    }

    private static String safeId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }

    private static String safeCorrelation(Message message) {
        try {
            return message.getJMSCorrelationID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
