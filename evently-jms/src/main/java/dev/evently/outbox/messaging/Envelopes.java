package dev.evently.outbox.messaging;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import dev.evently.outbox.entity.OutboxMessage;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.ReceivedEvent;

/**
 * The published form of an outbox row: a JSON envelope in a text message, with the fields a subscriber filters
 * on also set as message properties; {@code version} is the version of the event's type in the catalogue
 * ({@link DomainEvents}). The format is a public contract (README, "The domain-event topic").
 */
public final class Envelopes {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_VERSION = "eventVersion";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String AGGREGATE_ID = "aggregateId";

    private Envelopes() {
    }

    /** @param flags boolean properties to set: true for the event types named, false for the rest */
    public static TextMessage toMessage(Session session, OutboxMessage row, Map<String, Set<String>> flags)
            throws JMSException {
        String id = String.valueOf(row.getId());
        int version = DomainEvents.named(row.getType()).map(DomainEventType::version).orElse(1);
        JsonObject data;
        try (JsonReader reader = Json.createReader(new StringReader(row.getPayload()))) {
            data = reader.readObject();
        }
        var envelope = Json.createObjectBuilder()
                .add("id", id)
                .add("type", row.getType())
                .add("version", version)
                .add("occurredAt", row.getCreatedAt().toString())
                .add("source", "evently")
                .add("aggregateType", row.getAggregateType())
                .add("aggregateId", row.getAggregateId());
        if (row.getCorrelationId() != null) {
            envelope.add("correlationId", row.getCorrelationId());
        }
        envelope.add("data", data);
        TextMessage message = session.createTextMessage(envelope.build().toString());
        message.setStringProperty(EVENT_ID, id);
        message.setStringProperty(EVENT_TYPE, row.getType());
        message.setIntProperty(EVENT_VERSION, version);
        message.setStringProperty(AGGREGATE_TYPE, row.getAggregateType());
        message.setStringProperty(AGGREGATE_ID, row.getAggregateId());
        for (Map.Entry<String, Set<String>> flag : flags.entrySet()) {
            message.setBooleanProperty(flag.getKey(), flag.getValue().contains(row.getType()));
        }
        message.setJMSType(row.getType());
        message.setJMSCorrelationID(row.getCorrelationId() != null ? row.getCorrelationId() : "outbox-" + id);
        // one aggregate's events go to one consumer at a time, in the order they were published
        message.setStringProperty("JMSXGroupID", row.getAggregateType() + ":" + row.getAggregateId());
        return message;
    }

    /** A published event as a consumer receives it; anything else is a poison message (dead-letter queue). */
    public static ReceivedEvent received(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw new IllegalArgumentException("not a text message");
        }
        return ReceivedEvent.parse(text.getText(), message.getJMSCorrelationID());
    }
}
