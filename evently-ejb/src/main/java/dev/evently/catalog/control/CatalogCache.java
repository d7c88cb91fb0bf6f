package dev.evently.catalog.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import dev.evently.catalog.boundary.CachedJson;
import dev.evently.catalog.boundary.EventQuery;
import dev.evently.platform.control.RedisConnection;
import dev.evently.platform.Hashes;

/**
 * Cache-aside for the catalogue in Redis. Keys carry a generation — one for the event list, one per
 * event — that a committed change bumps: a reader that loaded the old state before the commit can only
 * fill an entry nobody reads any more, so no stale entry outlives a change. Redis is never the source of
 * truth: when it fails, reads go to PostgreSQL while {@link RedisConnection} reports it unavailable.
 * <p>
 * Each instance also keeps the entry it last served per key in memory, valid exactly while the generation in
 * Redis is the one it was loaded under: a read costs one small Redis round trip, not a megabyte of seat map.
 * Generations start at a random number when Redis has none (a restarted Redis forgot them), so a generation
 * seen before a restart is never seen again after it. Concurrent misses of one key load it once.
 */
@ApplicationScoped
public class CatalogCache {

    private static final String PREFIX = "evently:catalog:";
    private static final String LIST_GENERATION = PREFIX + "list:generation";

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "evently.cache.event-list-ttl", defaultValue = "PT30M")
    Duration listTtl;

    @Inject
    @ConfigProperty(name = "evently.cache.event-details-ttl", defaultValue = "PT1H")
    Duration detailsTtl;

    @Inject
    @ConfigProperty(name = "evently.cache.seat-map-ttl", defaultValue = "PT5M")
    Duration seatMapTtl;

    /** Sets a missing generation to the random start given, then returns the generation. */
    private static final String GENERATION = """
            redis.call('set', KEYS[1], ARGV[1], 'NX')
            return tonumber(redis.call('get', KEYS[1]))""";
    /** Bumps a generation, starting it at random when Redis has none. */
    private static final String BUMP = """
            if redis.call('exists', KEYS[1]) == 0 then
                redis.call('set', KEYS[1], ARGV[1])
                return tonumber(ARGV[1])
            end
            return redis.call('incr', KEYS[1])""";
    /** The in-memory entries stop growing at this many bytes; then they start afresh. */
    private static final long NEAR_LIMIT_BYTES = 64L * 1024 * 1024;

    private final Set<Long> pendingEvictions = ConcurrentHashMap.newKeySet();
    private volatile boolean listEvictionPending;

    /** The entry last served per key without its generation, with the full key (generation included). */
    private record Near(String name, CachedJson json) {
    }

    private final Map<String, Near> near = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CachedJson>> loading = new ConcurrentHashMap<>();

    public CachedJson eventList(EventQuery query, Supplier<String> load) {
        String hash = Hashes.sha256Hex(query.key()).substring(0, 32);
        return cached("list:" + hash, () -> PREFIX + "list:" + generation(LIST_GENERATION) + ":" + hash, listTtl, load);
    }

    public CachedJson eventDetails(long eventId, Supplier<String> load) {
        return cached("details:" + eventId,
                () -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":details",
                detailsTtl, load);
    }

    public CachedJson seatMap(long eventId, Supplier<String> load) {
        return cached("seats:" + eventId,
                () -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":seats",
                seatMapTtl, load);
    }

    /** Forgets what the current transaction changes about the event, once (and only if) it commits. */
    public void evictAfterCommit(long eventId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    evict(eventId);
                }
            }
        });
    }

    void evict(long eventId) {
        pendingEvictions.add(eventId);
        if (!paused()) {
            evictPending();
        }
    }

    /**
     * Bumps the generations of every event whose change has not reached Redis yet: after an outage the
     * first successful call catches up, so an entry cached before it cannot outlive a change made during it.
     */
    private void evictPending() {
        try {
            for (Long eventId : pendingEvictions) {
                bump(eventGeneration(eventId));
                pendingEvictions.remove(eventId);
            }
            bump(LIST_GENERATION);
            listEvictionPending = false;
        } catch (RuntimeException e) {
            listEvictionPending = true;
            pause(e);
        }
    }

    private CachedJson cached(String slot, Supplier<String> key, Duration ttl, Supplier<String> load) {
        if (paused()) {
            return CachedJson.of(load.get());
        }
        if (listEvictionPending || !pendingEvictions.isEmpty()) {
            evictPending();
            if (paused()) {
                return CachedJson.of(load.get());
            }
        }
        String name;
        try {
            name = key.get();
        } catch (RuntimeException e) {
            pause(e);
            return CachedJson.of(load.get());
        }
        Near last = near.get(slot);
        if (last != null && last.name().equals(name)) {
            return last.json();
        }
        CompletableFuture<CachedJson> mine = new CompletableFuture<>();
        CompletableFuture<CachedJson> running = loading.putIfAbsent(name, mine);
        if (running != null) {
            try {
                return running.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return CachedJson.of(load.get());  // the other reader failed or is stuck: load in this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            CachedJson json = fromRedisOrLoad(name, ttl, load);
            remember(slot, name, json);
            mine.complete(json);
            return json;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(name, mine);
        }
    }

    private CachedJson fromRedisOrLoad(String name, Duration ttl, Supplier<String> load) {
        String stored;
        try {
            stored = redis.<String>getBucket(name, StringCodec.INSTANCE).get();
        } catch (RuntimeException e) {
            pause(e);
            return CachedJson.of(load.get());
        }
        if (stored != null) {
            return CachedJson.fromStored(stored);
        }
        CachedJson fresh = CachedJson.of(load.get());
        try {
            redis.<String>getBucket(name, StringCodec.INSTANCE).set(fresh.stored(), ttl);
        } catch (RuntimeException e) {
            pause(e);
        }
        return fresh;
    }

    private void remember(String slot, String name, CachedJson json) {
        long bytes = json.body().length;
        for (Near entry : near.values()) {
            bytes += entry.json().body().length;
        }
        if (bytes > NEAR_LIMIT_BYTES) {
            near.clear();
        }
        near.put(slot, new Near(name, json));
    }

    private long generation(String key) {
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, GENERATION, RScript.ReturnType.INTEGER,
                List.of(key), randomStart());
    }

    private void bump(String key) {
        redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, BUMP, RScript.ReturnType.INTEGER,
                List.of(key), randomStart());
    }

    /** Far from any generation a forgotten counter reached, and far from overflowing. */
    private static String randomStart() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52));
    }

    private static String eventGeneration(long eventId) {
        return PREFIX + "event:" + eventId + ":generation";
    }

    private boolean paused() {
        return !connection.available();
    }

    private void pause(RuntimeException e) {
        connection.failed("catalogue reads go to PostgreSQL", e);
    }
}
