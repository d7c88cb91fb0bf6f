package dev.evently.catalog.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.booking.control.Seats;
import dev.evently.catalog.control.SeatChangeLog;
import dev.evently.catalog.control.SeatChangeLog.Changes;
import dev.evently.catalog.control.SeatRuns;
import dev.evently.platform.control.InstanceDraining;
import dev.evently.platform.errors.TooManyRequestsException;
import dev.evently.platform.errors.UnavailableException;
import dev.evently.platform.metrics.RegistersMetrics;

/**
 * Seat availability as it changes, for the people watching an event's seat map: after taking a snapshot (the
 * seat map and its generation) a watcher is sent, every {@link #window}, only the seats that changed since, each
 * with its status as PostgreSQL has it then. Changes made on any instance arrive: they are read from the
 * {@link SeatChangeLog} in Redis. Each instance reads the log once per window for each event watched there, and
 * sends the same news to all of the event's watchers, so the cost of a change does not grow with the watchers.
 * <p>
 * A watcher that falls more than {@link #QUEUED} pieces of news behind (it reads too slowly) is let go: it comes
 * back with the generation it last saw, and catches up, or is told to take a new snapshot when the log no longer
 * holds everything after it. How many watch at once is bounded per instance and per client address.
 */
@ApplicationScoped
public class LiveSeats implements RegistersMetrics {

    private static final Logger LOG = Logger.getLogger(LiveSeats.class.getName());

    /** News a watcher may have waiting before it is let go. */
    static final int QUEUED = 8;
    /** Threads that write news to watchers; one held by a client that reads slowly leaves the others to the rest. */
    private static final int SENDERS = 16;
    /** How often a watcher hears something, a comment when nothing changed: connections that died are found. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** What a watcher is sent. */
    public enum Kind {
        /** Seats that changed, id → status. */
        SEATS,
        /** The watcher's map may be wrong (it fell too far behind, or the event changed): take a new snapshot. */
        SNAPSHOT,
        /** Nothing changed (or the stream has just started). */
        HEARTBEAT
    }

    /**
     * One piece of news, the same object for every watcher of the event.
     *
     * @param seats the seats that changed, grouped by their status now, each group's ids as {@link SeatRuns}:
     *              {@code {"BOOKED":"1017+1","HELD":"1020"}}; {@code {}} when nothing did or a snapshot is needed
     */
    public record News(Kind kind, long generation, String seats) {

        /** As a poll answers it: {@code {"generation":…,"snapshotNeeded":…,"seats":{…}}}. */
        public String json() {
            return "{\"generation\":" + generation + ",\"snapshotNeeded\":" + (kind == Kind.SNAPSHOT)
                    + ",\"seats\":" + seats + "}";
        }
    }

    /** Where a watcher's news goes: the HTTP response a client keeps open. */
    public interface Watcher {

        /** Writes the news; may block while the client reads slowly; throws once the client has gone. */
        void send(News news) throws Exception;

        void close();

        String address();
    }

    @Inject
    SeatChangeLog log;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    /** How long changes are gathered before they are sent, as one piece of news per event. */
    @Inject
    @ConfigProperty(name = "evently.seats.changes-window", defaultValue = "PT0.25S")
    Duration window;

    @Inject
    @ConfigProperty(name = "evently.seats.watchers-max", defaultValue = "10000")
    int maxWatchers;

    /** 0: no limit per address (the bench's watchers all come from one). */
    @Inject
    @ConfigProperty(name = "evently.seats.watchers-per-address", defaultValue = "50")
    int maxPerAddress;

    private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger watching = new AtomicInteger();
    private ExecutorService senders;
    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        senders = Executors.newFixedThreadPool(SENDERS, threads);
        long every = Math.max(window.toMillis(), 10);
        ticking = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        Gauge.builder("evently_seat_watchers", watching, AtomicInteger::get)
                .description("Clients following seat changes on this instance").register(metrics);
    }

    @PreDestroy
    void stop() {
        ticking.cancel(false);
        letEveryoneGo();
        senders.shutdown();
    }

    /** An instance that drains lets its watchers go: they come back on another instance and catch up there. */
    void draining(@Observes InstanceDraining draining) {
        letEveryoneGo();
    }

    /**
     * Follows the event's seats for the watcher from generation {@code since} (empty: from now on). The changes
     * after {@code since} that are already known come first.
     *
     * @throws TooManyRequestsException when this instance, or this client address, has as many watchers as it takes
     * @throws UnavailableException     while Redis, where changes are logged, is away
     */
    public void watch(long eventId, OptionalLong since, Watcher watcher) {
        admit(watcher.address());
        try {
            while (true) {
                Feed feed = feeds.computeIfAbsent(eventId, Feed::new);
                synchronized (feed) {
                    if (!feed.gone) {
                        feed.join(new Slot(feed, watcher), since);
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            release(watcher.address());
            throw e;
        }
    }

    /** What changed after generation {@code since}, for a client that polls instead of watching. */
    public News poll(long eventId, long since) {
        return news(eventId, log.since(eventId, since, 0).orElseThrow(LiveSeats::unavailable));
    }

    private void tick() {
        for (Feed feed : feeds.values()) {
            try {
                feed.tick(System.nanoTime());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "seat changes of event " + feed.eventId + " were not sent this time", e);
            }
        }
    }

    private void letEveryoneGo() {
        feeds.values().forEach(feed -> List.copyOf(feed.slots).forEach(Slot::close));
    }

    private void admit(String address) {
        if (watching.incrementAndGet() > maxWatchers) {
            watching.decrementAndGet();
            throw new TooManyRequestsException("This instance has as many seat watchers as it takes",
                    Duration.ofSeconds(5));
        }
        if (perAddress.merge(address, 1, Integer::sum) > maxPerAddress && maxPerAddress > 0) {
            release(address);
            throw new TooManyRequestsException("Too many seat watchers from this address", Duration.ofSeconds(5));
        }
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        watching.decrementAndGet();
    }

    private News news(long eventId, Changes changes) {
        if (changes.snapshotNeeded()) {
            return new News(Kind.SNAPSHOT, changes.generation(), "{}");
        }
        return new News(Kind.SEATS, changes.generation(), seatsJson(eventId, changes.seatIds()));
    }

    /**
     * The seats' statuses as PostgreSQL has them now (a later change than the log's last can only be newer), grouped
     * by status, each group's ids as {@link SeatRuns}: {@code {"BOOKED":"1017+1","HELD":"1020"}}. What every watcher
     * is sent four times a second, so it is as short as it can be and still be JSON.
     */
    private String seatsJson(long eventId, Collection<Long> seatIds) {
        Map<String, SeatRuns> byStatus = new TreeMap<>();
        if (!seatIds.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                Seats.readStatuses(connection, eventId, seatIds,
                        (id, status) -> byStatus.computeIfAbsent(status, s -> new SeatRuns()).add(id));
            } catch (SQLException e) {
                throw new IllegalStateException("reading the statuses of changed seats failed", e);
            }
        }
        StringJoiner groups = new StringJoiner(",", "{", "}");
        byStatus.forEach((status, runs) -> groups.add("\"" + status + "\":\"" + runs + "\""));
        return groups.toString();
    }

    private static UnavailableException unavailable() {
        return new UnavailableException("seat-changes-unavailable",
                "Seat changes cannot be followed right now; the seat map still answers");
    }

    /** The watchers of one event on this instance, and the generation they have all been sent. */
    private final class Feed {
        final long eventId;
        final Set<Slot> slots = ConcurrentHashMap.newKeySet();
        /** Whether it was dropped (nobody watched): a newcomer makes a new one. */
        boolean gone;
        /** The generation every watcher has been sent up to; 0 until the first joins. */
        long sent;
        long lastNewsNanos = System.nanoTime();

        Feed(long eventId) {
            this.eventId = eventId;
        }

        /** Called holding the feed: the catch-up reaches what the others were sent, then it hears what they do. */
        void join(Slot slot, OptionalLong since) {
            if (sent == 0) {
                sent = log.current(eventId).orElseThrow(LiveSeats::unavailable);
            }
            News catchUp = null;
            if (since.isPresent() && since.getAsLong() != sent) {
                News news = news(eventId, log.since(eventId, since.getAsLong(), sent)
                        .orElseThrow(LiveSeats::unavailable));
                if (news.kind() == Kind.SNAPSHOT || since.getAsLong() < sent) {
                    catchUp = news;
                }
            }
            // nothing is written before here: until now a refusal can still be answered as a problem
            slot.offer(new News(Kind.HEARTBEAT, sent, "{}"));  // the answer starts at once, before any change
            if (catchUp != null) {
                slot.offer(catchUp);
            }
            slots.add(slot);
        }

        void tick(long nowNanos) {
            News news;
            List<Slot> targets;
            synchronized (this) {
                if (slots.isEmpty()) {
                    gone = true;
                    feeds.remove(eventId, this);
                    return;
                }
                if (sent == 0) {
                    return;
                }
                Optional<Changes> changes = log.since(eventId, sent, 0);
                if (changes.isEmpty()) {
                    return;  // Redis is away: the next tick after it is back sends what changed meanwhile
                }
                if (changes.get().snapshotNeeded() || !changes.get().seatIds().isEmpty()) {
                    news = news(eventId, changes.get());
                } else if (nowNanos - lastNewsNanos >= HEARTBEAT.toNanos()) {
                    news = new News(Kind.HEARTBEAT, sent, "{}");
                } else {
                    return;
                }
                sent = changes.get().generation();
                lastNewsNanos = nowNanos;
                targets = List.copyOf(slots);
            }
            targets.forEach(slot -> slot.offer(news));
        }
    }

    /** One watcher and its news waiting to be written, written in order by one sender at a time. */
    private final class Slot implements Runnable {
        private final Feed feed;
        private final Watcher watcher;
        private final Queue<News> queued = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        Slot(Feed feed, Watcher watcher) {
            this.feed = feed;
            this.watcher = watcher;
        }

        void offer(News news) {
            if (closed.get()) {
                return;
            }
            if (size.incrementAndGet() > QUEUED) {
                close();  // too far behind: it comes back with the generation it last saw
                return;
            }
            queued.add(news);
            schedule();
        }

        private void schedule() {
            if (!queued.isEmpty() && writing.compareAndSet(false, true)) {
                try {
                    senders.execute(this);
                } catch (RejectedExecutionException e) {
                    writing.set(false);
                    close();
                }
            }
        }

        @Override
        public void run() {
            News news;
            while (!closed.get() && (news = queued.poll()) != null) {
                size.decrementAndGet();
                try {
                    watcher.send(news);
                } catch (Exception e) {
                    close();
                }
            }
            writing.set(false);
            if (!closed.get()) {
                schedule();  // news offered while this one was finishing
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                feed.slots.remove(this);
                release(watcher.address());
                queued.clear();
                try {
                    senders.execute(this::closeWatcher);  // closing may wait for a write to a slow client
                } catch (RejectedExecutionException e) {
                    closeWatcher();
                }
            }
        }

        private void closeWatcher() {
            try {
                watcher.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a seat watcher failed", e);
            }
        }
    }
}
