package dev.evently.payment.messaging;

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

import dev.evently.payment.boundary.PaymentReport;
import dev.evently.payment.boundary.Payments;
import dev.evently.platform.messaging.Consuming;

/**
 * The inbound payment queue {@code evently.payments}: a payment provider (or a payment system between it and
 * Evently) posts its reports as the webhook's JSON ({@link PaymentReport}); the broker's credentials stand in for
 * the webhook's signature. The same checks apply (amount, currency, each report once). A message that is not such
 * a report is a poison message: it goes to the DLQ at its first delivery.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // see Consuming: acknowledged after the work commits
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = PaymentConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class PaymentConsumer implements MessageListener {

    static final String QUEUE = "evently.payments";

    private static final Logger LOG = Logger.getLogger(PaymentConsumer.class.getName());

    @Inject
    Consuming consuming;

    @EJB
    Payments payments;

    @Override
    public void onMessage(Message message) {
        consuming.handle(LOG, "payments", QUEUE, message, () -> {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                throw new IllegalArgumentException("a payment report is a JSON text message");
            }
            return payments.apply(PaymentReport.parse(text.getText()));
        });
    }
}
