package dev.evently.outbox.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A batch of the outbox about to be published, announced (a synchronous CDI event, in the relay's transaction) so
 * that a consumer whose interest changes at run time can say which event types it takes now: every message
 * of the batch then carries the consumer's flag as a boolean property, true for those types and false for the rest,
 * and the consumer's subscription selects on it (broker.properties). What a consumer reads here is read after the
 * batch's events committed, so an interest that committed before an event did is always seen.
 */
public final class OutgoingBatch {

    private final Map<String, Set<String>> flags = new LinkedHashMap<>();

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
