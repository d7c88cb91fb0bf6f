package dev.evently.catalog.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;

import dev.evently.catalog.boundary.CachedJson;
import dev.evently.catalog.boundary.EventQuery;
import dev.evently.platform.control.AfterCompletion;
import dev.evently.platform.control.RedisConnection;
import dev.evently.platform.hashing.Hashes;

/**
 * Cache-aside for the catalogue in Redis. Keys carry a generation — one for the event list, one per
 * event — that a committed change bumps: a reader that loaded the old state before the commit can only
 * fill an entry nobody reads any more, so no stale entry outlives a change. Redis is never the source of
 * truth: when it fails, reads go to PostgreSQL while {@link RedisConnection} reports it unavailable.
 * <p>
 * Each instance also keeps the entry it last served per key in memory, valid while the generation in Redis is
 * the one it was loaded under: a read costs one small Redis round trip, not a megabyte of seat map. For
 * {@code evently.cache.near-revalidate} after that check (100 ms) an entry is served without asking again,
 * unless this instance has committed a change since it was loaded: an instance sees its own changes at once,
 * the others' within that time. Generations start at a random number when Redis has none (a restarted Redis
 * forgot them), so a generation seen before a restart is never seen again after it. Concurrent misses of one
 * key load it once.
 * <p>
 * A booking changes an event's seats, not what the list says about the event but its count of available
 * seats: it bumps the event's generation only. The list's counts may lag bookings by
 * {@code evently.cache.list-availability-lag} (1 s; 2 s when an entry was taken from Redis near the end of
 * its life): list entries live that long. Otherwise every booking of a sale would rebuild every list page.
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

    @Inject
    @ConfigProperty(name = "evently.cache.near-revalidate", defaultValue = "PT0.1S")
    Duration nearRevalidate;

    @Inject
    @ConfigProperty(name = "evently.cache.list-availability-lag", defaultValue = "PT1S")
    Duration listLag;

    /** Sets a missing generation to the random start given, then returns the generation. */
    private static final String GENERATION = """
            redis.call('set', KEYS[1], ARGV[1], 'NX')
            return tonumber(redis.call('get', KEYS[1]))""";
    /** Bumps generations, each starting at random when Redis has none: one round trip for a change. */
    private static final String BUMP = """
            for _, key in ipairs(KEYS) do
                if redis.call('exists', key) == 0 then
                    redis.call('set', key, ARGV[1])
                else
                    redis.call('incr', key)
                end
            end
            return 0""";
    /** The in-memory entries stop growing at this many bytes; then they start afresh. */
    private static final long NEAR_LIMIT_BYTES = 64L * 1024 * 1024;

    private final Set<Long> pendingEvictions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listEvictionPending = new AtomicBoolean();

    /**
     * The entry last served per key without its generation, with the full key (generation included), the
     * count of this instance's changes before it was loaded, when it was loaded and when Redis last confirmed
     * its generation.
     */
    private record Near(String name, CachedJson json, long changes, long loadedAt, long checkedAt) {

        Near checked(long changesNow, long now) {
            return new Near(name, json, changesNow, loadedAt, now);
        }
    }

    /** How a kind of entry goes stale: the count of local changes it follows, and the longest it may live. */
    private record Kind(AtomicLong changes, Duration maxAge) {
    }

    /**
     * This instance's committed changes so far, of events and of the list: an entry loaded before one is
     * checked with Redis again.
     */
    private final AtomicLong eventChanges = new AtomicLong();
    private final AtomicLong listChanges = new AtomicLong();
    private final Kind events = new Kind(eventChanges, null);
    private Kind lists;

    private final Map<String, Near> near = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CachedJson>> loading = new ConcurrentHashMap<>();
    /** Copies on their way to Redis, so that forgetting one waits until it has arrived. */
    private final Map<String, CompletableFuture<Void>> storing = new ConcurrentHashMap<>();

    @PostConstruct
    void kinds() {
        if (listLag.toMillis() < 1) {
            listLag = Duration.ofMillis(1);  // Redis keeps nothing for less
        }
        lists = new Kind(listChanges, listLag);
    }

    public CachedJson eventList(EventQuery query, Supplier<String> load) {
        String key = query.key();
        return cached(lists, "list:" + key,
                () -> PREFIX + "list:" + generation(LIST_GENERATION) + ":" + Hashes.sha256Hex(key).substring(0, 32),
                listTtl.compareTo(listLag) < 0 ? listTtl : listLag, () -> CachedJson.of(load.get()));
    }

    public CachedJson eventDetails(long eventId, Supplier<String> load) {
        return cached(events, "details:" + eventId,
                () -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":details",
                detailsTtl, () -> CachedJson.of(load.get()));
    }

    /** @param load the seat map as UTF-8 JSON, empty when there is none */
    public CachedJson seatMap(long eventId, Supplier<byte[]> load) {
        return cached(events, "seats:" + eventId,
                () -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":seats",
                seatMapTtl, () -> CachedJson.of(load.get()));
    }

    /**
     * Forgets what the current transaction changes about the event — its details, seats and place in the
     * list — once (and only if) it commits.
     */
    public void evictAfterCommit(long eventId) {
        afterCommit(eventId, true);
    }

    /** Forgets the event's details and seat map once the current transaction commits; the list may lag. */
    public void seatsChangedAfterCommit(long eventId) {
        afterCommit(eventId, false);
    }

    private void afterCommit(long eventId, boolean listed) {
        AfterCompletion.register(transactions, status -> {
            if (status == Status.STATUS_COMMITTED) {
                evict(eventId, listed);
            }
        });
    }

    void evict(long eventId, boolean listed) {
        pendingEvictions.add(eventId);
        if (listed) {
            listEvictionPending.set(true);
        }
        if (!paused()) {
            evictPending();
        }
        // after the bump: a reader that saw this count read the generations after it, so its entry is new
        eventChanges.incrementAndGet();
        if (listed) {
            listChanges.incrementAndGet();
        }
    }

    /**
     * Bumps the generations of every event whose change has not reached Redis yet: after an outage the
     * first successful call catches up, so an entry cached before it cannot outlive a change made during it.
     */
    private void evictPending() {
        List<Long> changed = List.copyOf(pendingEvictions);
        boolean list = listEvictionPending.getAndSet(false);
        try {
            List<String> generations = new ArrayList<>(changed.size() + 1);
            changed.forEach(eventId -> generations.add(eventGeneration(eventId)));
            if (list) {
                generations.add(LIST_GENERATION);
            }
            if (!generations.isEmpty()) {
                bump(generations);
            }
            pendingEvictions.removeAll(changed);
        } catch (RuntimeException e) {
            if (list) {
                listEvictionPending.set(true);
            }
            pause(e);
        }
    }

    private CachedJson cached(Kind kind, String slot, Supplier<String> key, Duration ttl, Supplier<CachedJson> load) {
        if (paused()) {
            return load.get();
        }
        if (listEvictionPending.get() || !pendingEvictions.isEmpty()) {
            evictPending();
            if (paused()) {
                return load.get();
            }
        }
        long changesBefore = kind.changes().get();
        long now = System.nanoTime();
        Near last = near.get(slot);
        if (last != null && kind.maxAge() != null && now - last.loadedAt() >= kind.maxAge().toNanos()) {
            last = null;
        }
        if (last != null && last.changes() == changesBefore && now - last.checkedAt() < nearRevalidate.toNanos()) {
            return last.json();
        }
        String name;
        try {
            name = key.get();
        } catch (RuntimeException e) {
            pause(e);
            return load.get();
        }
        if (last != null && last.name().equals(name)) {
            remember(slot, last.checked(changesBefore, now));
            return last.json();
        }
        CompletableFuture<CachedJson> mine = new CompletableFuture<>();
        CompletableFuture<CachedJson> running = loading.putIfAbsent(name, mine);
        if (running != null) {
            try {
                return running.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return load.get();  // the other reader failed or is stuck: load in this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            CachedJson json = fromRedisOrLoad(name, ttl, load);
            remember(slot, new Near(name, json, changesBefore, now, now));
            mine.complete(json);
            return json;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(name, mine);
        }
    }

    private CachedJson fromRedisOrLoad(String name, Duration ttl, Supplier<CachedJson> load) {
        RBucket<byte[]> bucket = redis.getBucket(name, ByteArrayCodec.INSTANCE);
        CachedJson stored;
        try {
            byte[] bytes = bucket.get();
            stored = bytes == null ? null : CachedJson.fromStored(bytes);
        } catch (RuntimeException e) {
            pause(e);
            return load.get();
        }
        if (stored != null) {
            return stored;
        }
        CachedJson fresh = load.get();
        // no waiting for Redis to take a copy the next change may make useless
        CompletableFuture<Void> store = bucket.setAsync(fresh.stored(), ttl).toCompletableFuture();
        storing.put(name, store);
        store.whenComplete((done, e) -> storing.remove(name, store));
        pauseOnFailure(store);
        return fresh;
    }

    /**
     * Drops the Redis copy of an entry whose generation has moved on: nobody asks for it again, and during a
     * sale a seat map of every generation would otherwise fill Redis for its whole time to live.
     */
    private void forget(String name) {
        Runnable unlink = () -> pauseOnFailure(redis.getBucket(name, ByteArrayCodec.INSTANCE).unlinkAsync());
        CompletableFuture<Void> store = storing.get(name);
        if (store == null) {
            unlink.run();
        } else {
            store.whenComplete((done, e) -> unlink.run());  // not before it is there
        }
    }

    private void remember(String slot, Near entry) {
        Near previous = near.get(slot);
        if (previous == null || previous.json() != entry.json()) {
            long bytes = entry.json().body().length;
            for (Near other : near.values()) {
                bytes += other.json().body().length;
            }
            if (bytes > NEAR_LIMIT_BYTES) {
                near.clear();
            }
        }
        Near replaced = near.put(slot, entry);
        if (replaced != null && !replaced.name().equals(entry.name())) {
            forget(replaced.name());
        }
    }

    private long generation(String key) {
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, GENERATION, RScript.ReturnType.INTEGER,
                List.of(key), randomStart());
    }

    private void bump(List<String> keys) {
        redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, BUMP, RScript.ReturnType.INTEGER,
                new ArrayList<>(keys), randomStart());
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

    /** A Redis call not waited for that fails pauses the cache as a waited-for one does. */
    private void pauseOnFailure(CompletionStage<?> call) {
        call.whenComplete((done, e) -> {
            if (e instanceof RuntimeException failure) {
                pause(failure);
            }
        });
    }

    private void pause(RuntimeException e) {
        connection.failed("catalogue reads go to PostgreSQL", e);
    }
}
