package dev.evently.outbox.messaging;

import java.io.StringReader;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A domain event as a consumer receives it: the envelope's fields and its data. */
public record ReceivedEvent(String id, String type, int version, String correlationId, JsonObject data) {

    /** Reads an envelope; anything else is a poison message, for the dead-letter queue after the retries. */
    public static ReceivedEvent of(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw new IllegalArgumentException("not a text message");
        }
        JsonObject envelope;
        try (JsonReader reader = Json.createReader(new StringReader(text.getText()))) {
            envelope = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        try {
            return new ReceivedEvent(envelope.getString("id"), envelope.getString("type"), envelope.getInt("version"),
                    envelope.getString("correlationId", message.getJMSCorrelationID()), envelope.getJsonObject("data"));
        } catch (NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not an Evently event envelope: " + e.getMessage(), e);
        }
    }

    public long longValue(String field) {
        return data.getJsonNumber(field).longValueExact();
    }
}
