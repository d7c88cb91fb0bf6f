package dev.evently.outbox.event;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A published domain event as a consumer receives it: the envelope's fields, its type from the catalogue
 * (null for a type Evently does not publish) and its data, read into the type's payload on demand.
 */
public record ReceivedEvent(String id, String typeName, DomainEventType<?> type, int version, String correlationId,
                            JsonObject data) {

    /**
     * Reads an envelope; anything else is a poison message, for the dead-letter queue after the retries.
     *
     * @param correlationId the transport's, for an envelope without one
     */
    public static ReceivedEvent parse(String envelopeJson, String correlationId) {
        if (envelopeJson == null) {
            throw new IllegalArgumentException("no envelope");
        }
        JsonObject envelope;
        try (JsonReader reader = Json.createReader(new StringReader(envelopeJson))) {
            envelope = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        try {
            String type = envelope.getString("type");
            return new ReceivedEvent(envelope.getString("id"), type, DomainEvents.named(type).orElse(null),
                    envelope.getInt("version"), envelope.getString("correlationId", correlationId),
                    envelope.getJsonObject("data"));
        } catch (NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not an Evently event envelope: " + e.getMessage(), e);
        }
    }

    public boolean is(DomainEventType<?> expected) {
        return type == expected;
    }

    /** The data as the payload of this event's type, which must be one Evently publishes. */
    public Record payload() {
        if (type == null) {
            throw new IllegalArgumentException("event " + id + " is of a type Evently does not publish: " + typeName);
        }
        return type.fromJson(data);
    }

    /** The data as the payload of {@code expected}, which must be this event's type. */
    public <P extends Record> P payload(DomainEventType<P> expected) {
        if (type != expected) {
            throw new IllegalArgumentException("event " + id + " is " + typeName + ", not " + expected.name());
        }
        return expected.fromJson(data);
    }
}
