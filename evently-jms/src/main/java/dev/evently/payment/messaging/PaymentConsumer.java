package dev.evently.booking.messaging;

import java.io.StringReader;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.evently.booking.boundary.Payments.Outcome;
import dev.evently.booking.boundary.Payments.PaymentResult;
import dev.evently.booking.boundary.Payments;
import dev.evently.platform.messaging.Consuming;

/**
 * The inbound payment queue {@code evently.payments}: a payment system posts
 * {@code {"bookingId": 42, "reference": "pay_123", "amountCents": 5000, "status": "SUCCEEDED" | "FAILED"}}.
 * A message that is not such a document is a poison message: it fails each delivery and ends in the DLQ.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "evently-artemis"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "evently.payments"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class PaymentConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PaymentConsumer.class.getName());
    private static final Set<String> FIELDS = Set.of("bookingId", "reference", "amountCents", "status");

    @EJB
    Payments payments;

    @Override
    public void onMessage(Message message) {
        Consuming.handle(LOG, "payments", message, () -> {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                throw new IllegalArgumentException("a payment result is a JSON text message");
            }
            return payments.apply(parse(text.getText()));
        });
    }

    static PaymentResult parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("a payment result is a JSON object: " + e.getMessage());
        }
        if (!FIELDS.containsAll(json.keySet()) || !json.keySet().containsAll(FIELDS)) {
            throw new IllegalArgumentException("a payment result has exactly the fields " + FIELDS + ", not " + json.keySet());
        }
        long bookingId = positiveLong(json.get("bookingId"), "bookingId");
        long amountCents = positiveLong(json.get("amountCents"), "amountCents");
        if (!(json.get("reference") instanceof JsonString reference)
                || reference.getString().isBlank() || reference.getString().length() > 100) {
            throw new IllegalArgumentException("reference must be a string of 1 to 100 characters");
        }
        if (!(json.get("status") instanceof JsonString status)
                || !Set.of("SUCCEEDED", "FAILED").contains(status.getString())) {
            throw new IllegalArgumentException("status must be SUCCEEDED or FAILED");
        }
        return new PaymentResult(bookingId, reference.getString(), amountCents, Outcome.valueOf(status.getString()));
    }

    private static long positiveLong(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long result = number.longValueExact();
                if (result > 0 || result == 0 && field.equals("amountCents")) {
                    return result;
                }
            } catch (ArithmeticException tooBig) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(field + " must be a positive whole number");
    }
}
