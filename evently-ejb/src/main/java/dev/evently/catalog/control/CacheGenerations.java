package dev.evently.catalog.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import dev.evently.platform.control.RedisConnection;

/**
 * The generations of the catalogue in Redis — one for the event list, one per event — that a committed change
 * bumps, so that an entry cached under an older generation is never read again. Generations start at a random
 * number when Redis has none (a restarted Redis forgot them), so a generation seen before a restart is never
 * seen again after it. For the same reason a generation may be dropped at any time: each lives a day after it
 * was made ({@link #LIFE}), and the one an unknown event id made is dropped at once ({@link #forgetEvent}), so
 * ids that name nothing leave nothing behind. A change that cannot reach Redis (it is away) stays pending and is
 * bumped by the first call that can: an entry cached before an outage cannot outlive a change made during it.
 * <p>
 * Also counts this instance's own committed changes, of events and of the list: an in-memory entry loaded
 * before one of them is checked with Redis again ({@link NearEntries}).
 */
@ApplicationScoped
public class CacheGenerations {

    static final String PREFIX = "evently:catalog:";
    private static final String LIST_GENERATION = PREFIX + "list:generation";

    /** How long a generation lives after it was made; longer than any entry made under it. */
    private static final Duration LIFE = Duration.ofDays(1);

    /** Returns the generation, made with the random start and life given when Redis has none. */
    private static final String GENERATION = """
            local generation = redis.call('get', KEYS[1])
            if generation then return tonumber(generation) end
            redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return tonumber(ARGV[1])""";
    /** Bumps generations, each starting at random when Redis has none: one round trip for a change. */
    private static final String BUMP = """
            for _, key in ipairs(KEYS) do
                if redis.call('exists', key) == 0 then
                    redis.call('set', key, ARGV[1], 'PX', ARGV[2])
                else
                    redis.call('incr', key)
                end
            end
            return 0""";

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    private final Set<Long> pendingEvents = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listPending = new AtomicBoolean();
    private final AtomicLong eventChanges = new AtomicLong();
    private final AtomicLong listChanges = new AtomicLong();

    /** The list's current generation in Redis; fails when Redis does. */
    long ofList() {
        return generation(LIST_GENERATION);
    }

    /** The event's current generation in Redis; fails when Redis does. */
    long ofEvent(long eventId) {
        return generation(eventKey(eventId));
    }

    /** @param listed whether the change shows in the event list (an admin's change), not only in the event's seats */
    void changed(long eventId, boolean listed) {
        pendingEvents.add(eventId);
        if (listed) {
            listPending.set(true);
        }
        if (!paused()) {
            bumpPending();
        }
        // after the bump: a reader that saw this count read the generations after it, so its entry is new
        eventChanges.incrementAndGet();
        if (listed) {
            listChanges.incrementAndGet();
        }
    }

    /** Whether Redis may be used now, after bumping whatever changes have not reached it yet. */
    boolean usable() {
        if (paused()) {
            return false;
        }
        if (listPending.get() || !pendingEvents.isEmpty()) {
            bumpPending();
        }
        return !paused();
    }

    AtomicLong eventChanges() {
        return eventChanges;
    }

    AtomicLong listChanges() {
        return listChanges;
    }

    private void bumpPending() {
        List<Long> changed = List.copyOf(pendingEvents);
        boolean list = listPending.getAndSet(false);
        try {
            List<String> keys = new ArrayList<>(changed.size() + 1);
            changed.forEach(eventId -> keys.add(eventKey(eventId)));
            if (list) {
                keys.add(LIST_GENERATION);
            }
            if (!keys.isEmpty()) {
                redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, BUMP, RScript.ReturnType.INTEGER,
                        new ArrayList<>(keys), randomStart(), LIFE.toMillis());
            }
            pendingEvents.removeAll(changed);
        } catch (RuntimeException e) {
            if (list) {
                listPending.set(true);
            }
            pause(e);
        }
    }

    /** Drops the generation an event id made that turned out to name no public event. */
    void forgetEvent(long eventId) {
        pauseOnFailure(redis.getBucket(eventKey(eventId), StringCodec.INSTANCE).unlinkAsync());
    }

    private long generation(String key) {
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, GENERATION,
                RScript.ReturnType.INTEGER, List.of(key), randomStart(), LIFE.toMillis());
    }

    /**
     * Far from any generation a forgotten counter reached, and far from overflowing (below 2^53: exact in Lua too);
     * the seat change log starts its generations here as well.
     */
    static String randomStart() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52));
    }

    private static String eventKey(long eventId) {
        return PREFIX + "event:" + eventId + ":generation";
    }

    boolean paused() {
        return !connection.available();
    }

    /** A Redis call not waited for that fails pauses the cache as a waited-for one does. */
    void pauseOnFailure(CompletionStage<?> call) {
        call.whenComplete((done, e) -> {
            if (e instanceof RuntimeException failure) {
                pause(failure);
            }
        });
    }

    void pause(RuntimeException e) {
        connection.failed("catalogue reads go to PostgreSQL", e);
    }
}
