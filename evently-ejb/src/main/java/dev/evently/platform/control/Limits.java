package dev.evently.platform.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

import dev.evently.platform.hashing.Hashes;

/**
 * Counters of what a key (an account, a client address) did within a window, shared by every instance through
 * Redis. A key's window opens with the first thing it counts and lasts the limit's length: a Redis key that
 * expires with it, so nothing a stranger sends stays behind, and a burst is judged as one whatever the clock says.
 * When Redis is away each instance counts on its own ({@link LocalCounters}): the limits degrade (an attacker
 * spread over instances gets a share of the limit per instance), they never switch off.
 */
@ApplicationScoped
public class Limits {

    /** A limit: at most {@code max} in each window of {@code length}. */
    public record Limit(String name, long max, Duration length) {

        public boolean off() {
            return max <= 0;
        }
    }

    /**
     * Adds to the window's count and returns {count, milliseconds the window has left}; adding nothing only reads,
     * so that asking leaves no key behind.
     */
    private static final String COUNT = """
            if ARGV[1] == '0' then
                return {tonumber(redis.call('get', KEYS[1]) or '0'), redis.call('pttl', KEYS[1])}
            end
            local n = redis.call('incrby', KEYS[1], ARGV[1])
            if redis.call('pttl', KEYS[1]) < 0 then redis.call('pexpire', KEYS[1], ARGV[2]) end
            return {n, redis.call('pttl', KEYS[1])}""";

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    private final LocalCounters local = new LocalCounters(200_000);

    /**
     * Counts one more for the key; when that passes the limit, returns how long until the window ends (the count
     * stays: refused attempts count too).
     */
    public Optional<Duration> hit(Limit limit, String key) {
        return limit.off() ? Optional.empty() : over(limit.max(), add(limit, key, 1));
    }

    /** Whether the key has used up the limit already (one more would pass it), without counting this. */
    public Optional<Duration> check(Limit limit, String key) {
        return limit.off() ? Optional.empty() : over(limit.max() - 1, add(limit, key, 0));
    }

    /** Counts one more for the key, whatever the limit. */
    public void count(Limit limit, String key) {
        if (!limit.off()) {
            add(limit, key, 1);
        }
    }

    private static Optional<Duration> over(long allowed, long[] counted) {
        return counted[0] > allowed ? Optional.of(Duration.ofMillis(Math.max(counted[1], 1000))) : Optional.empty();
    }

    private long[] add(Limit limit, String key, long by) {
        long windowMillis = limit.length().toMillis();
        // the key itself (an email, an address) never becomes a Redis key: its hash does
        String name = "evently:limit:" + limit.name() + ":" + Hashes.sha256Hex(key).substring(0, 32);
        if (connection.available()) {
            try {
                List<Long> answer = redis.getScript(LongCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT,
                        RScript.ReturnType.MULTI, List.of(name), by, windowMillis);
                return new long[] {answer.get(0), answer.get(1)};
            } catch (RuntimeException e) {
                connection.failed("limits counted by this instance alone", e);
            }
        }
        return local.add(name, by, System.currentTimeMillis(), windowMillis);
    }

    /** This instance's own counters, for while Redis is away; bounded, dropping ended windows first. */
    static final class LocalCounters {

        private record Count(long ends, long value) {
        }

        private final Map<String, Count> counts = new ConcurrentHashMap<>();
        private final int max;

        LocalCounters(int max) {
            this.max = max;
        }

        /** Returns {count, milliseconds the window has left}, as the Redis script does. */
        long[] add(String name, long by, long now, long windowMillis) {
            if (by == 0) {
                Count count = counts.get(name);
                return count == null || count.ends() <= now ? new long[] {0, -2} : new long[] {count.value(), count.ends() - now};
            }
            if (counts.size() >= max) {
                counts.values().removeIf(count -> count.ends() <= now);
                if (counts.size() >= max) {
                    counts.clear();  // a flood of distinct keys: start afresh rather than grow
                }
            }
            Count counted = counts.merge(name, new Count(now + windowMillis, by), (old, add) ->
                    old.ends() > now ? new Count(old.ends(), old.value() + add.value()) : add);
            return new long[] {counted.value(), counted.ends() - now};
        }

        int size() {
            return counts.size();
        }
    }
}
