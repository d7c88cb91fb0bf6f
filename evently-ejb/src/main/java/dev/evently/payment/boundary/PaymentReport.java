package dev.evently.payment.boundary;

import java.io.StringReader;
import java.util.Arrays;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What the payment provider reports about a payment or a refund, through the signed webhook or the inbound
 * payment queue alike:
 * {@code {"id": "evt_1", "type": "payment.succeeded", "paymentId": "42", "providerReference": "pay_x",
 * "amountCents": 9000, "currency": "EUR"}}. {@code id} identifies the report (the same report twice is applied
 * once); {@code paymentId} is Evently's payment; {@code providerReference} the provider's payment, or its refund
 * for refund reports. Fields beyond these are ignored, as providers add them over time.
 */
public record PaymentReport(String id, Type type, long paymentId, String providerReference, long amountCents,
                            String currency) {

    public enum Type {
        PAYMENT_SUCCEEDED("payment.succeeded"),
        PAYMENT_FAILED("payment.failed"),
        REFUND_SUCCEEDED("refund.succeeded"),
        REFUND_FAILED("refund.failed");

        private final String name;

        Type(String name) {
            this.name = name;
        }

        public String publishedName() {
            return name;
        }

        public boolean aboutRefund() {
            return this == REFUND_SUCCEEDED || this == REFUND_FAILED;
        }

        static Type named(String name) {
            return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("type must be one of payment.succeeded, payment.failed, "
                            + "refund.succeeded, refund.failed"));
        }
    }

    /** @throws IllegalArgumentException for anything but such a report, saying what is wrong */
    public static PaymentReport parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("a payment report is a JSON object");
        }
        return new PaymentReport(text(json, "id", 100), Type.named(text(json, "type", 30)),
                Long.parseLong(digits(json.get("paymentId"), "paymentId")), text(json, "providerReference", 100),
                positive(json.get("amountCents"), "amountCents"), currency(json));
    }

    private static String text(JsonObject json, String field, int maxLength) {
        JsonValue value = json.get(field);
        String text = value instanceof JsonString s ? s.getString()
                : value instanceof JsonNumber n && n.isIntegral() ? n.toString() : null;
        if (text == null || text.isBlank() || text.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return text;
    }

    /** Evently's ids are positive numbers; providers send them back as strings or numbers. */
    private static String digits(JsonValue value, String field) {
        String text = value instanceof JsonString s ? s.getString()
                : value instanceof JsonNumber n && n.isIntegral() ? n.toString() : "";
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException(field + " must be Evently's payment id");
        }
        return text;
    }

    private static long positive(JsonValue value, String field) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long result = number.longValueExact();
                if (result > 0) {
                    return result;
                }
            } catch (ArithmeticException tooBig) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(field + " must be a positive whole number");
    }

    private static String currency(JsonObject json) {
        String currency = text(json, "currency", 3);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        return currency;
    }
}
