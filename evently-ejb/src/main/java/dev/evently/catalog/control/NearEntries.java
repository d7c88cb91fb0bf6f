package dev.evently.catalog.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.evently.catalog.boundary.CachedJson;

/**
 * The catalogue entries this instance last served, one per slot (a list query, an event's details, its seat
 * map), each with the full key it was loaded under (generation included). An entry is served without asking
 * Redis for {@code revalidate} after Redis last confirmed its generation, unless this instance committed a
 * change since it was loaded: an instance sees its own changes at once, the others' within that time.
 * Bounded in bytes and in entries (distinct list queries are many small ones): past either limit the entries
 * start afresh. The bytes counted are the bodies'; an entry's gzip form, made once a client asks for it, adds
 * about a tenth of that for the JSON Evently writes (at most as much again for any body).
 */
final class NearEntries {

    /** The in-memory entries stop growing at this many bytes or entries; then they start afresh. */
    private static final long LIMIT_BYTES = 64L * 1024 * 1024;
    static final int LIMIT_ENTRIES = 10_000;

    /** How a kind of entry goes stale: the count of local changes it follows, and the longest it may live (or null). */
    record Kind(AtomicLong changes, Duration maxAge) {
    }

    /**
     * An entry with its full key, the count of this instance's changes before it was loaded, when it was loaded
     * and when Redis last confirmed its generation.
     */
    record Near(String name, CachedJson json, long changes, long loadedAt, long checkedAt) {

        Near checked(long changesNow, long now) {
            return new Near(name, json, changesNow, loadedAt, now);
        }
    }

    private final Map<String, Near> entries = new ConcurrentHashMap<>();
    private final long revalidateNanos;
    /** The bytes of the entries' bodies; changed only with the entries, under this object's lock. */
    private long bytes;

    NearEntries(Duration revalidate) {
        this.revalidateNanos = revalidate.toNanos();
    }

    /** The slot's entry unless it outlived its kind's longest life; may need checking ({@link #fresh}). */
    Near get(String slot, Kind kind, long now) {
        Near last = entries.get(slot);
        if (last != null && kind.maxAge() != null && now - last.loadedAt() >= kind.maxAge().toNanos()) {
            return null;
        }
        return last;
    }

    /** Whether the entry may be served without asking Redis whether its generation is still current. */
    boolean fresh(Near entry, long changesNow, long now) {
        return entry.changes() == changesNow && now - entry.checkedAt() < revalidateNanos;
    }

    /** Keeps the entry for its slot; returns the full key of an entry it replaced under another key, or null. */
    synchronized String remember(String slot, Near entry) {
        Near previous = entries.get(slot);
        long grows = entry.json().body().length - (previous == null ? 0 : previous.json().body().length);
        if ((previous == null && entries.size() >= LIMIT_ENTRIES) || bytes + grows > LIMIT_BYTES) {
            entries.clear();
            bytes = 0;
            previous = null;
            grows = entry.json().body().length;
        }
        entries.put(slot, entry);
        bytes += grows;
        return previous != null && !previous.name().equals(entry.name()) ? previous.name() : null;
    }

    /** Forgets the slot's entry; returns its full key, or null. */
    synchronized String drop(String slot) {
        Near previous = entries.remove(slot);
        if (previous == null) {
            return null;
        }
        bytes -= previous.json().body().length;
        return previous.name();
    }

    int size() {
        return entries.size();
    }
}
