package dev.evently.catalog.control;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.EventChange;
import dev.evently.platform.control.RedisConnection;

/**
 * Which seats of an event changed, in the order the changes were made known, shared by every instance through
 * Redis: each committed booking change appends its seat ids under the event's next generation (a number that
 * only grows, one per change), an admin's change of the event appends a mark that the whole map may have
 * changed. The log keeps the last {@link #KEPT} entries of an event; a reader further behind must take a new
 * snapshot. It holds seat ids, not statuses: whoever reads it reads the seats' statuses from PostgreSQL then, so
 * that two changes whose appends raced can never leave a reader with the older status.
 * <p>
 * Generations start at a random number when Redis has none (a restarted Redis forgot them), so that a
 * generation seen before is never mistaken for one after. A change that cannot reach Redis is not kept: once Redis
 * is back, its event's readers are told to take a new snapshot.
 */
@ApplicationScoped
public class SeatChangeLog {

    /** How many of an event's latest changes are kept. */
    static final int KEPT = 4096;
    /** The mark of a change that may have changed any seat (the event itself changed). */
    private static final String EVERYTHING = "*";
    private static final Duration LIFE = Duration.ofDays(1);
    private static final String PREFIX = "evently:seats:";
    private static final String NOT_LOGGED = "seat changes are not logged: watchers will take a new snapshot";

    /**
     * Appends ARGV[1] under the next generation; keeps the latest ARGV[4]. Generations stay strings of digits
     * (Lua would print a number this large in exponent notation); as numbers they are below 2^53, exact.
     */
    private static final String APPEND = """
            local generation
            if redis.call('exists', KEYS[1]) == 0 then
                redis.call('del', KEYS[2])
                generation = ARGV[2]
                redis.call('set', KEYS[1], generation, 'PX', ARGV[3])
            else
                generation = string.format('%.0f', redis.call('incr', KEYS[1]))
                redis.call('pexpire', KEYS[1], ARGV[3])
            end
            redis.call('zadd', KEYS[2], generation, generation .. ':' .. ARGV[1])
            redis.call('zremrangebyrank', KEYS[2], 0, -tonumber(ARGV[4]) - 1)
            redis.call('pexpire', KEYS[2], ARGV[3])
            return 0""";

    /**
     * The current generation (made at ARGV[4], to live ARGV[5] ms, when there is none) and the entries after
     * ARGV[1] up to ARGV[2] (the current one when 0), at most ARGV[3] of them.
     */
    private static final String SINCE = """
            local current = redis.call('get', KEYS[1])
            if not current then
                redis.call('del', KEYS[2])
                current = ARGV[4]
                redis.call('set', KEYS[1], current, 'PX', ARGV[5])
            end
            local since = tonumber(ARGV[1])
            local upTo = tonumber(ARGV[2])
            if upTo == 0 or upTo > tonumber(current) then upTo = tonumber(current) end
            if since >= upTo then return {current} end
            local entries = redis.call('zrangebyscore', KEYS[2], '(' .. ARGV[1], string.format('%.0f', upTo),
                'LIMIT', 0, ARGV[3])
            table.insert(entries, 1, current)
            return entries""";

    /** What changed after a generation. */
    public record Changes(long generation, boolean snapshotNeeded, Set<Long> seatIds) {

        static Changes snapshot(long generation) {
            return new Changes(generation, true, Set.of());
        }
    }

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    /**
     * Events whose changes could not be logged (Redis was away): their readers are told to take a new snapshot
     * once it is back. Only the events are kept, so an outage costs memory per event, not per change.
     */
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();

    void bookingChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingChange change) {
        if (!change.seatIds().isEmpty()) {
            append(change.eventId(), String.join(",", change.seatIds().stream().map(String::valueOf).toList()));
        }
    }

    void eventChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventChange change) {
        append(change.eventId(), EVERYTHING);
    }

    /** The event's generation now; empty while Redis is away. */
    public OptionalLong current(long eventId) {
        if (!appendLost()) {
            return OptionalLong.empty();
        }
        try {
            List<Object> answer = since(eventId, Long.MAX_VALUE, 0, 1);
            return OptionalLong.of(Long.parseLong((String) answer.get(0)));
        } catch (RuntimeException e) {
            connection.failed("seat changes are not followed", e);
            return OptionalLong.empty();
        }
    }

    /**
     * The seats that changed after generation {@code since}, up to {@code upTo} (the current one when 0). When the
     * log no longer holds every change after {@code since} (too far behind, or Redis forgot them), or one of them
     * may have changed any seat, the reader must take a new snapshot. Empty while Redis is away.
     */
    public Optional<Changes> since(long eventId, long since, long upTo) {
        if (!appendLost()) {
            return Optional.empty();
        }
        try {
            return Optional.of(changes(since, upTo, since(eventId, since, upTo, KEPT)));
        } catch (RuntimeException e) {
            connection.failed("seat changes are not followed", e);
            return Optional.empty();
        }
    }

    /** Reads the script's answer: the current generation, then "generation:ids" entries in order. */
    static Changes changes(long since, long upTo, List<Object> answer) {
        long current = Long.parseLong((String) answer.get(0));
        long last = upTo == 0 || upTo > current ? current : upTo;
        if (since > current) {
            return Changes.snapshot(current);
        }
        Set<Long> seats = new LinkedHashSet<>();
        long expected = since + 1;
        try {
            for (Object entry : answer.subList(1, answer.size())) {
                String text = (String) entry;
                int colon = text.indexOf(':');
                String ids = text.substring(colon + 1);
                if (Long.parseLong(text.substring(0, colon)) != expected || EVERYTHING.equals(ids)) {
                    return Changes.snapshot(last);
                }
                expected++;
                for (String id : ids.split(",")) {
                    seats.add(Long.parseLong(id));
                }
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return Changes.snapshot(last);  // an entry this version did not write: start afresh from a snapshot
        }
        if (since < last && expected != last + 1) {
            return Changes.snapshot(last);
        }
        return new Changes(Math.max(since, last), false, seats);
    }

    private List<Object> since(long eventId, long since, long upTo, int max) {
        return script().eval(RScript.Mode.READ_WRITE, SINCE, RScript.ReturnType.MULTI, keys(eventId),
                String.valueOf(since), String.valueOf(upTo),
                String.valueOf(max), CacheGenerations.randomStart(), String.valueOf(LIFE.toMillis()));
    }

    /**
     * Not waited for: the request that made the change answers without this round trip. Appends that finish in
     * another order than they began leave no reader with an older status (it reads statuses from PostgreSQL), and
     * one that fails is counted lost as a refused one is.
     */
    private void append(long eventId, String entry) {
        if (!appendLost()) {
            lost.add(eventId);
            return;
        }
        try {
            script().evalAsync(RScript.Mode.READ_WRITE, APPEND, RScript.ReturnType.INTEGER, keys(eventId),
                    appendArguments(entry)).whenComplete((done, e) -> {
                        if (e != null) {
                            lost.add(eventId);
                            connection.failed(NOT_LOGGED, e instanceof RuntimeException r ? r
                                    : new IllegalStateException(e));
                        }
                    });
        } catch (RuntimeException e) {
            lost.add(eventId);
            connection.failed(NOT_LOGGED, e);
        }
    }

    /** Tells the readers of events whose changes were lost to take a new snapshot; whether Redis may be used. */
    private boolean appendLost() {
        if (!connection.available()) {
            return false;
        }
        for (Long eventId : List.copyOf(lost)) {
            try {
                script().eval(RScript.Mode.READ_WRITE, APPEND, RScript.ReturnType.INTEGER, keys(eventId),
                        appendArguments(EVERYTHING));
                lost.remove(eventId);
            } catch (RuntimeException e) {
                connection.failed(NOT_LOGGED, e);
                return false;
            }
        }
        return true;
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private static List<Object> keys(long eventId) {
        return List.of(generationKey(eventId), logKey(eventId));
    }

    private static Object[] appendArguments(String entry) {
        return new Object[] {entry, CacheGenerations.randomStart(), String.valueOf(LIFE.toMillis()),
                String.valueOf(KEPT)};
    }

    private static String generationKey(long eventId) {
        return PREFIX + eventId + ":generation";
    }

    private static String logKey(long eventId) {
        return PREFIX + eventId + ":log";
    }
}
