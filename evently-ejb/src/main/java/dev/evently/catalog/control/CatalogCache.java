package dev.evently.catalog.control;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    private final Set<Long> pendingEvictions = ConcurrentHashMap.newKeySet();
    private volatile boolean listEvictionPending;

    public CachedJson eventList(EventQuery query, Supplier<String> load) {
        return cached(() -> PREFIX + "list:" + generation(LIST_GENERATION) + ":" + Hashes.sha256Hex(query.key()).substring(0, 32), listTtl, load);
    }

    public CachedJson eventDetails(long eventId, Supplier<String> load) {
        return cached(() -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":details",
                detailsTtl, load);
    }

    public CachedJson seatMap(long eventId, Supplier<String> load) {
        return cached(() -> PREFIX + "event:" + eventId + ":" + generation(eventGeneration(eventId)) + ":seats",
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
                redis.getAtomicLong(eventGeneration(eventId)).incrementAndGet();
                pendingEvictions.remove(eventId);
            }
            redis.getAtomicLong(LIST_GENERATION).incrementAndGet();
            listEvictionPending = false;
        } catch (RuntimeException e) {
            listEvictionPending = true;
            pause(e);
        }
    }

    private CachedJson cached(Supplier<String> key, Duration ttl, Supplier<String> load) {
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
        String stored;
        try {
            name = key.get();
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

    private long generation(String key) {
        return redis.getAtomicLong(key).get();
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
