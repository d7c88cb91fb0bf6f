package dev.evently.catalog.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;

import dev.evently.catalog.boundary.CachedJson;
import dev.evently.catalog.boundary.EventQuery;
import dev.evently.catalog.control.CacheReads.Source;
import dev.evently.catalog.control.NearEntries.Kind;
import dev.evently.catalog.control.NearEntries.Near;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.EventChange;
import dev.evently.platform.hashing.Hashes;
import dev.evently.platform.control.RedisConnection;

/**
 * Cache-aside for the catalogue: each read is served from this instance's memory ({@link NearEntries}) while
 * the generation it was loaded under is current ({@link CacheGenerations}), else from Redis, else loaded from
 * PostgreSQL and stored in Redis without waiting. Redis is never the source of truth: when it fails, reads go to
 * PostgreSQL while {@link RedisConnection} reports it unavailable. An entry (an event's seat map, say) is loaded by
 * one request at a time: a reader that misses while it is being loaded takes that load's answer, even when the
 * generation moved on meanwhile (it is then older than the reader's own change by at most one load, and a seat
 * map names the generation it shows, from which its changes can be followed). In a sale every booking moves the
 * generation, faster than a 30,000-seat map is built; keyed by generation, each reader that came meanwhile built
 * its own (3.5 MB, several copies while it is written), as many at once as there are request threads.
 * <p>
 * It forgets what a change affects once the change has committed, by observing the announcements: an event's
 * change (its details, seats and place in the list) and a booking's (the event's details and seats). A booking
 * does not change what the list says about an event but its count of available seats, so the list's counts may
 * lag bookings by {@code evently.cache.list-availability-lag} (1 s; 2 s when an entry was taken from Redis near
 * the end of its life): list entries live that long. Otherwise every booking of a sale would rebuild every list
 * page.
 */
@ApplicationScoped
public class CatalogCache {

    private static final String PREFIX = CacheGenerations.PREFIX;

    @Inject
    RedissonClient redis;

    @Inject
    CacheGenerations generations;

    @Inject
    CacheReads reads;

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

    /** A load of an entry under way: the full key (generation included) it loads, and its answer. */
    private record Load(String name, CompletableFuture<CachedJson> result) {
    }

    private NearEntries near;
    private Kind events;
    private Kind lists;
    /** The loads under way, by slot: at most one each. */
    private final Map<String, Load> loading = new ConcurrentHashMap<>();
    /** Copies on their way to Redis, so that forgetting one waits until it has arrived. */
    private final Map<String, CompletableFuture<Void>> storing = new ConcurrentHashMap<>();

    @PostConstruct
    void kinds() {
        if (listLag.toMillis() < 1) {
            listLag = Duration.ofMillis(1);  // Redis keeps nothing for less
        }
        near = new NearEntries(nearRevalidate);
        events = new Kind(generations.eventChanges(), null);
        lists = new Kind(generations.listChanges(), listLag);
    }

    public CachedJson eventList(EventQuery query, Supplier<String> load) {
        String key = query.key();
        return cached(lists, "list:" + key, () -> PREFIX + "list:" + generations.ofList() + ":"
                        + Hashes.sha256Hex(key).substring(0, 32),
                listTtl.compareTo(listLag) < 0 ? listTtl : listLag, () -> CachedJson.of(load.get()), () -> { });
    }

    public CachedJson eventDetails(long eventId, Supplier<String> load) {
        return cached(events, "details:" + eventId, eventKey(eventId, "details", () -> generations.ofEvent(eventId)),
                detailsTtl, () -> CachedJson.of(load.get()), () -> generations.forgetEvent(eventId));
    }

    /** @param load the seat map as UTF-8 JSON, empty when there is none */
    public CachedJson seatMap(long eventId, Supplier<byte[]> load) {
        return cached(events, "seats:" + eventId, eventKey(eventId, "seats", () -> generations.ofEvent(eventId)),
                seatMapTtl, () -> CachedJson.of(load.get()), () -> generations.forgetEvent(eventId));
    }

    /** An admin's change shows everywhere, the list included, once it has committed. */
    void eventChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventChange change) {
        generations.changed(change.eventId(), true);
    }

    /** A booking's change shows in its event's details and seats once it has committed; the list may lag. */
    void bookingChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingChange change) {
        generations.changed(change.eventId(), false);
    }

    private static Supplier<String> eventKey(long eventId, String entry, LongSupplier generation) {
        return () -> PREFIX + "event:" + eventId + ":" + generation.getAsLong() + ":" + entry;
    }

    /**
     * @param nothing what to do when the load finds nothing (an id that names no public event): such an answer is
     *                kept neither in Redis nor in memory, so that made-up ids leave nothing behind
     */
    private CachedJson cached(Kind kind, String slot, Supplier<String> key, Duration ttl, Supplier<CachedJson> load,
                              Runnable nothing) {
        if (!generations.usable()) {
            reads.count(slot, Source.BYPASS);
            return load.get();
        }
        long changesBefore = kind.changes().get();
        long now = System.nanoTime();
        Near last = near.get(slot, kind, now);
        if (last != null && near.fresh(last, changesBefore, now)) {
            reads.count(slot, Source.MEMORY);
            return last.json();
        }
        String name;
        try {
            name = key.get();
        } catch (RuntimeException e) {
            generations.pause(e);
            reads.count(slot, Source.BYPASS);
            return load.get();
        }
        if (last != null && last.name().equals(name)) {
            near.remember(slot, last.checked(changesBefore, now));
            reads.count(slot, Source.MEMORY);
            return last.json();
        }
        Load mine = new Load(name, new CompletableFuture<>());
        Load running = loading.putIfAbsent(slot, mine);
        if (running != null) {
            try {
                CachedJson shared = running.result().get(10, TimeUnit.SECONDS);
                if (shared.isEmpty() && !running.name().equals(name)) {
                    // "no such event" under an older generation: it may have been published since
                    reads.count(slot, Source.DATABASE);
                    return load.get();
                }
                reads.count(slot, Source.SHARED);
                return shared;
            } catch (ExecutionException | TimeoutException e) {
                reads.count(slot, Source.DATABASE);
                return load.get();  // the other reader failed or is stuck: load in this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            CachedJson json = fromRedisOrLoad(slot, name, ttl, load);
            if (generations.paused()) {
                // Redis failed while this was loaded (a seat map then lacks its generation): answered, not kept
                mine.result().complete(json);
                return json;
            }
            String replaced = json.isEmpty() ? near.drop(slot)
                    : near.remember(slot, new Near(name, json, changesBefore, now, now));
            if (replaced != null) {
                forget(replaced);
            }
            if (json.isEmpty()) {
                nothing.run();
            }
            mine.result().complete(json);
            return json;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(slot, mine);
        }
    }

    private CachedJson fromRedisOrLoad(String slot, String name, Duration ttl, Supplier<CachedJson> load) {
        RBucket<byte[]> bucket = redis.getBucket(name, ByteArrayCodec.INSTANCE);
        CachedJson stored;
        try {
            byte[] bytes = bucket.get();
            stored = bytes == null ? null : CachedJson.fromStored(bytes);
        } catch (RuntimeException e) {
            generations.pause(e);
            reads.count(slot, Source.BYPASS);
            return load.get();
        }
        if (stored != null) {
            reads.count(slot, Source.REDIS);
            return stored;
        }
        reads.count(slot, Source.DATABASE);
        CachedJson fresh = load.get();
        if (fresh.isEmpty() || generations.paused()) {
            return fresh;
        }
        // no waiting for Redis to take a copy the next change may make useless
        CompletableFuture<Void> store = bucket.setAsync(fresh.stored(), ttl).toCompletableFuture();
        storing.put(name, store);
        store.whenComplete((done, e) -> storing.remove(name, store));
        generations.pauseOnFailure(store);
        return fresh;
    }

    /**
     * Drops the Redis copy of an entry whose generation has moved on: nobody asks for it again, and during a
     * sale a seat map of every generation would otherwise fill Redis for its whole time to live.
     */
    private void forget(String name) {
        Runnable unlink = () -> generations.pauseOnFailure(redis.getBucket(name, ByteArrayCodec.INSTANCE).unlinkAsync());
        CompletableFuture<Void> store = storing.get(name);
        if (store == null) {
            unlink.run();
        } else {
            store.whenComplete((done, e) -> unlink.run());  // not before it is there
        }
    }
}
