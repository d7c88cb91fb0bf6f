package dev.evently.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.evently.system.SeatRuns;

/**
 * The watchers of a stadium on-sale: many clients that took the seat map once and follow its changes as
 * Server-Sent Events while the buyers buy (the other sales' buyers' pages follow them the same way). Counts the
 * bytes each receives, and measures staleness on a sample of them: from the moment a buyer's hold was answered (its
 * commit came just before) to the moment the watcher sees the seat held; a watcher that sees it before the buyer has
 * the answer counts 0.
 */
final class Stadium implements AutoCloseable {

    /** 30,000 seats in six sections. */
    static final List<Object[]> LAYOUT = List.of(
            new Object[] {"North", 100, 50, 9_000}, new Object[] {"South", 100, 50, 9_000},
            new Object[] {"East", 100, 50, 6_500}, new Object[] {"West", 100, 50, 6_500},
            new Object[] {"Upper North", 100, 50, 4_000}, new Object[] {"Upper South", 100, 50, 4_000});
    static final int SEATS = 30_000;

    /** One status's group in a seats event: {@code "HELD":"1017+1,3"}. */
    private static final Pattern GROUP = Pattern.compile("\"([A-Z]+)\":\"([0-9,+]*)\"");

    final int watchers;
    final int sampled;
    final Series staleness = new Series("stadium staleness");
    /** Seat → when its buyer had the hold's answer. */
    private final Map<Long, Long> heldAt = new ConcurrentHashMap<>();
    /** Seats taken as the first watcher was told: the buyers follow the changes too, through it. */
    private final Set<Long> taken = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    private final List<CompletableFuture<?>> streams = new java.util.ArrayList<>();
    private volatile long countingFrom;
    private volatile long countingTo;

    Stadium(int watchers, int sampled) {
        this.watchers = watchers;
        this.sampled = sampled;
    }

    /** Connects every watcher from the snapshot's generation; returns once all answered (or failed). */
    void connect(String baseUrl, long eventId, long generation) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/api/events/" + eventId + "/seats/changes?since=" + generation);
        for (int i = 0; i < watchers; i++) {
            Watcher watcher = new Watcher(i < sampled, i == 0);
            streams.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(watcher)).whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 200) {
                            dropped.incrementAndGet();
                        }
                    }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (connected.get() + dropped.get() < watchers && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Whether the seat is taken, as the seat changes told. */
    boolean taken(long seatId) {
        return taken.contains(seatId);
    }

    /** The buyer had the answer to a hold of these seats now. */
    void held(List<Long> seats, long atMillis) {
        seats.forEach(seat -> heldAt.putIfAbsent(seat, atMillis));
    }

    void startCounting() {
        countingFrom = System.currentTimeMillis();
        bytes.set(0);
    }

    void stopCounting() {
        countingTo = System.currentTimeMillis();
    }

    int connected() {
        return connected.get();
    }

    int dropped() {
        return dropped.get();
    }

    int snapshots() {
        return snapshots.get();
    }

    long events() {
        return events.get();
    }

    /** Bytes each watcher received per minute of the sale, on average. */
    double bytesPerWatcherPerMinute() {
        double minutes = Math.max(1, countingTo - countingFrom) / 60_000.0;
        return bytes.get() / (double) Math.max(1, watchers) / minutes;
    }

    @Override
    public void close() {
        streams.forEach(stream -> stream.cancel(true));
        executor.shutdownNow();
    }

    /** One watcher's stream, line by line. */
    private final class Watcher implements Flow.Subscriber<String> {
        private final boolean sampling;
        private final boolean forBuyers;
        private final Set<Long> seen;
        private boolean counted;

        Watcher(boolean sampling, boolean forBuyers) {
            this.sampling = sampling;
            this.forBuyers = forBuyers;
            this.seen = sampling ? ConcurrentHashMap.newKeySet() : Set.of();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!counted) {
                counted = true;
                connected.incrementAndGet();
            }
            bytes.addAndGet(line.length() + 1L);
            if (line.startsWith("event: snapshot") || line.startsWith("event:snapshot")) {
                snapshots.incrementAndGet();
            }
            if (!line.startsWith("data:")) {
                return;
            }
            events.incrementAndGet();
            if (!sampling && !forBuyers) {
                return;  // counted only
            }
            long now = System.currentTimeMillis();
            Matcher group = GROUP.matcher(line);
            while (group.find()) {
                boolean available = group.group(1).equals("AVAILABLE");
                boolean held = group.group(1).equals("HELD");
                for (long seat : SeatRuns.ids(group.group(2))) {
                    if (forBuyers) {
                        if (available) {
                            taken.remove(seat);
                        } else {
                            taken.add(seat);
                        }
                    }
                    Long at = sampling && held ? heldAt.get(seat) : null;
                    if (at != null && seen.add(seat)) {
                        long stale = Math.max(0, now - at);
                        staleness.record(now - stale, stale, 200);
                    }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            dropped.incrementAndGet();
        }

        @Override
        public void onComplete() {
            dropped.incrementAndGet();
        }
    }
}
