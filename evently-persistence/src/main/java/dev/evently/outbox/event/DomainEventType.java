package dev.evently.outbox.event;

import java.util.Objects;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * One type of published domain event: its name on the topic ({@code booking.confirmed}), the version of its
 * payload, the aggregate it belongs to (whose id is the message key, so one aggregate's events stay in order)
 * and the record its {@code data} is read into. The instances are the constants of {@link DomainEvents}.
 *
 * @param <P> the payload record
 */
public final class DomainEventType<P extends Record> {

    private final String name;
    private final int version;
    private final String aggregateType;
    private final Class<P> payloadType;
    private final Function<P, Object> aggregateId;

    DomainEventType(String name, int version, String aggregateType, Class<P> payloadType,
                    Function<P, Object> aggregateId) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public Class<P> payloadType() {
        return payloadType;
    }

    public String aggregateId(P payload) {
        return String.valueOf(aggregateId.apply(payload));
    }

    /** The payload as the {@code data} of the published envelope (absent fields are left out). */
    public String toJson(P payload) {
        return Binding.JSON.toJson(payload);
    }

    /** Reads the {@code data} of a received event; data that does not fit is a poison message. */
    public P fromJson(JsonObject data) {
        return fromJson(data.toString());
    }

    /** Reads a payload as {@link #toJson} wrote it; one that does not fit is an {@link IllegalArgumentException}. */
    public P fromJson(String data) {
        try {
            return Binding.JSON.fromJson(data, payloadType);
        } catch (JsonbException e) {
            throw new IllegalArgumentException(name + " data does not fit " + payloadType.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Made when first needed: the catalogue's constants are used where no JSON-B provider is (unit tests). */
    private static final class Binding {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
