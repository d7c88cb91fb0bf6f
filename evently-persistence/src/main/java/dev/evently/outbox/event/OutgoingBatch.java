package dev.evently.outbox.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of the outbox about to be published, announced as a synchronous CDI event in the relay's transaction,
 * the one that marks the batch's rows published. Its observers may:
 * <ul>
 * <li>say which event types a consumer whose interest changes at run time takes now ({@link #flag}): every message
 * of the batch then carries the consumer's flag as a boolean property, true for those types and false for the rest,
 * and the consumer's subscription selects on it (broker.properties). What an observer reads here is read after the
 * batch's events committed, so an interest that committed before an event did is always seen;</li>
 * <li>write what the batch's events change ({@link #events}) in this transaction: it commits exactly when the rows
 * are marked published, and if the batch is not (the broker refused it, or this transaction failed), it is undone
 * and the batch comes again. Each event is thus written once, without an inbox.</li>
 * </ul>
 */
public final class OutgoingBatch {

    /**
     * One event of the batch.
     *
     * @param payload the payload as {@link DomainEventType#toJson} wrote it
     */
    public record Outgoing(long id, String typeName, String payload) {

        /** The type published under the name; null for a name Evently no longer publishes. */
        public DomainEventType<?> type() {
            return DomainEvents.named(typeName).orElse(null);
        }

        /** @throws IllegalArgumentException for a type Evently does not publish, or a payload that does not fit it */
        public Record read() {
            DomainEventType<?> type = type();
            if (type == null) {
                throw new IllegalArgumentException("outbox row " + id + " is of a type Evently does not publish: "
                        + typeName);
            }
            return type.fromJson(payload);
        }
    }

    private final List<Outgoing> events;
    private final Map<String, Set<String>> flags = new LinkedHashMap<>();

    public OutgoingBatch(List<Outgoing> events) {
        this.events = List.copyOf(events);
    }

    /** The batch's events, in the order they are published. */
    public List<Outgoing> events() {
        return events;
    }

    /** Flags the batch's messages with {@code flag}: true for the {@code wanted} event types, false for the rest. */
    public void flag(String flag, Set<String> wanted) {
        flags.merge(flag, Set.copyOf(wanted), (a, b) -> {
            throw new IllegalStateException("the flag " + flag + " was set twice");
        });
    }

    /** Every flag set, each with the event types it is true for. */
    public Map<String, Set<String>> flags() {
        return Map.copyOf(flags);
    }
}
