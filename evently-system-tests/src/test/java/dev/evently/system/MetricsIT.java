package dev.evently.system;

import static dev.evently.system.Metrics.MOVES;
import static dev.evently.system.Metrics.awaitTotal;
import static dev.evently.system.Metrics.on;
import static dev.evently.system.Metrics.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Catalog.Venue;
import dev.evently.system.Metrics.Sample;
import dev.evently.system.Tokens.Account;

/**
 * Every figure operators watch a sale by moves on /metrics when its cause happens. Counters are per instance and
 * other tests move them too: they are summed over both instances and must have grown by at least what the test
 * caused. Gauges of what the instances share (the outbox, the broker's queues) are read from the first instance.
 */
class MetricsIT {

    private static final String PROBLEMS = "https://evently.dev/problems/";
    private static final String TIMES = "evently_http_request_duration_microseconds";
    /** The advisory lock whoever relays the outbox holds (OutboxBatches): held here, no instance relays. */
    private static final long RELAY_LOCK = 0x6576656e746c79L;
    private static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.adminToken();
    }

    @Test
    void holdsAreCountedByOutcome() throws Exception {
        Venue venue = Catalog.venue(admin, "Metrics holds");
        List<Account> buyers = Tokens.newUsers(3);
        double held = total("evently_holds_total", "outcome", "held");
        double conflicts = total("evently_holds_total", "outcome", "conflict");
        double lockTimeouts = total("evently_holds_total", "outcome", "lock_timeout");
        double limits = total("evently_holds_total", "outcome", "limit");

        assertThat(hold(buyers.get(0), venue.eventId(), venue.seats().subList(0, 2)).statusCode()).isEqualTo(201);
        ProblemsIT.assertProblem(hold(buyers.get(1), venue.eventId(), venue.seats().subList(1, 3)), 409,
                PROBLEMS + "seats-unavailable");
        HttpResponse<String> busy = Database.whileLocking("select id from seats where id = ? for update",
                () -> hold(buyers.get(1), venue.eventId(), venue.seats().subList(3, 4)), venue.seats().get(3));
        ProblemsIT.assertProblem(busy, 409, PROBLEMS + "seats-busy");
        long hoard = Catalog.smallPublished(admin, Catalog.uniqueName("Metrics hoard"), 11);
        List<Long> seats = Catalog.seatIds(hoard);
        assertThat(hold(buyers.get(2), hoard, seats.subList(0, 10)).statusCode()).isEqualTo(201);
        ProblemsIT.assertProblem(hold(buyers.get(2), hoard, seats.subList(10, 11)), 409, PROBLEMS + "hold-limit-reached");

        awaitTotal(held + 2, "evently_holds_total", "outcome", "held");
        awaitTotal(conflicts + 1, "evently_holds_total", "outcome", "conflict");
        awaitTotal(lockTimeouts + 1, "evently_holds_total", "outcome", "lock_timeout");
        awaitTotal(limits + 1, "evently_holds_total", "outcome", "limit");
    }

    @Test
    void bookingsPaymentsAndRefundsAreCountedOnceCommitted() throws Exception {
        Venue venue = Catalog.venue(admin, "Metrics sales");
        Account buyer = Tokens.newUsers(1).get(0);
        double created = total("evently_bookings_total", "change", "created");
        double confirmed = total("evently_bookings_total", "change", "confirmed");
        double cancelled = total("evently_bookings_total", "change", "cancelled");
        double refunded = total("evently_bookings_total", "change", "refunded");
        double expired = total("evently_bookings_total", "change", "expired");
        double paid = total("evently_payments_total", "outcome", "succeeded");
        double refundsOwed = total("evently_refunds_total", "outcome", "requested");
        double refundsMade = total("evently_refunds_total", "outcome", "succeeded");

        long sold = WaitlistIT.hold(buyer, venue.eventId(), venue.seats().subList(0, 2));
        Provider.pay(buyer.token(), sold);
        assertThat(Auth.post("/api/bookings/" + sold + "/cancel", buyer.token(), Map.of()).statusCode()).isEqualTo(200);
        Provider.awaitStatus(buyer.token(), sold, Set.of("REFUNDED"));
        long lapsed = WaitlistIT.hold(buyer, venue.eventId(), venue.seats().subList(2, 3));
        WaitlistIT.runOut(lapsed);
        Provider.awaitStatus(buyer.token(), lapsed, Set.of("EXPIRED"));

        awaitTotal(created + 2, "evently_bookings_total", "change", "created");
        awaitTotal(confirmed + 1, "evently_bookings_total", "change", "confirmed");
        awaitTotal(cancelled + 1, "evently_bookings_total", "change", "cancelled");
        awaitTotal(refunded + 1, "evently_bookings_total", "change", "refunded");
        awaitTotal(expired + 1, "evently_bookings_total", "change", "expired");
        awaitTotal(paid + 1, "evently_payments_total", "outcome", "succeeded");
        awaitTotal(refundsOwed + 1, "evently_refunds_total", "outcome", "requested");
        awaitTotal(refundsMade + 1, "evently_refunds_total", "outcome", "succeeded");
    }

    @Test
    void requestTimesAreRecordedPerEndpointNeverPerId() throws Exception {
        Venue venue = Catalog.venue(admin, "Metrics times");
        Account buyer = Tokens.newUsers(1).get(0);
        long booking = WaitlistIT.hold(buyer, venue.eventId(), venue.seats().subList(0, 1));
        // a route's series appears with its first request: none yet counts as 0
        double bookingReads = orZero(total(TIMES + "_count", "method", "GET", "path", "/bookings/{id}"));
        double eventReads = orZero(total(TIMES + "_count", "method", "GET", "path", "/events/{id}"));

        assertThat(Auth.get("/api/bookings/" + booking, buyer.token()).statusCode()).isEqualTo(200);
        assertThat(Auth.get("/api/bookings/" + booking, buyer.token()).statusCode()).isEqualTo(200);
        assertThat(Stack.get("/api/events/" + venue.eventId()).statusCode()).isEqualTo(200);

        awaitTotal(bookingReads + 2, TIMES + "_count", "method", "GET", "path", "/bookings/{id}");
        awaitTotal(eventReads + 1, TIMES + "_count", "method", "GET", "path", "/events/{id}");
        List<Sample> samples = Metrics.scrape(Stack.BASE_URL);
        for (String quantile : List.of("0.5", "0.95", "0.99")) {
            assertThat(samples).as("p" + quantile + " of GET /bookings/{id}").anySatisfy(sample -> {
                assertThat(sample.is(TIMES, "method", "GET", "path", "/bookings/{id}", "quantile", quantile)).isTrue();
                assertThat(sample.value()).isGreaterThan(0);
            });
        }
        assertThat(samples.stream().filter(s -> s.name().startsWith(TIMES)).map(s -> s.labels().get("path")))
                .as("paths are templates, never a path with its ids").allSatisfy(path -> assertThat(path)
                        .doesNotContainPattern("/[0-9]+(/|$)"));
    }

    @Test
    void catalogueReadsAreCountedWithTheirHits() throws Exception {
        long event = Catalog.venue(admin, "Metrics cache").eventId();
        double reads = total("evently_catalog_cache_reads_total", "entry", "details");
        double hits = cacheHits();

        assertThat(Stack.get("/api/events/" + event).statusCode()).isEqualTo(200);
        // the second read of the same details is answered from memory or Redis (unless Redis is paused just now)
        Stack.await("a catalogue read answered from the cache", MOVES, () -> {
            assertThat(Stack.get("/api/events/" + event).statusCode()).isEqualTo(200);
            return cacheHits();
        }, now -> now >= hits + 1);
        awaitTotal(reads + 2, "evently_catalog_cache_reads_total", "entry", "details");
    }

    @Test
    void theOutboxBacklogAndItsAgeShowWhileNothingIsRelayed() throws Exception {
        Venue venue = Catalog.venue(admin, "Metrics outbox");
        Account buyer = Tokens.newUsers(1).get(0);

        Database.whileLocking("select 1 from (select pg_advisory_xact_lock(?)) as relay_held", unchecked(() -> {
            WaitlistIT.hold(buyer, venue.eventId(), venue.seats().subList(0, 1));  // its booking.created waits
            Stack.await("the waiting event in the outbox backlog", MOVES,
                    () -> on(Stack.BASE_URL, "evently_outbox_pending"), pending -> pending >= 1);
            return Stack.await("the oldest waiting event's age", MOVES,
                    () -> on(Stack.BASE_URL, "evently_outbox_oldest_pending_age_seconds"), age -> age > 0);
        }), RELAY_LOCK);

        Stack.await("the outbox drained once relayed", MOVES,
                () -> on(Stack.BASE_URL, "evently_outbox_oldest_pending_age_seconds"), age -> age < 10);
    }

    @Test
    void consumerLagShowsWhileAConsumersQueueIsPaused() throws Exception {
        for (String queue : List.of("evently.waitlist", "evently.payments", "evently.webhooks")) {
            assertThat(on(Stack.BASE_URL, "evently_consumer_lag_messages", "queue", queue)).as(queue).isNotNaN()
                    .isGreaterThanOrEqualTo(0);
            assertThat(on(Stack.BASE_URL, "evently_consumer_lag_seconds", "queue", queue)).as(queue).isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
        Venue venue = Catalog.venue(admin, "Metrics lag");
        Account buyer = Tokens.newUsers(1).get(0);

        Broker.pause("evently.waitlist");
        try {
            long booking = WaitlistIT.hold(buyer, venue.eventId(), venue.seats().subList(0, 1));
            assertThat(Auth.post("/api/bookings/" + booking + "/cancel", buyer.token(), Map.of()).statusCode())
                    .as("seats.released, for the waitlist").isEqualTo(200);
            Stack.await("the waitlist consumer's lag", MOVES,
                    () -> on(Stack.BASE_URL, "evently_consumer_lag_messages", "queue", "evently.waitlist"),
                    waiting -> waiting >= 1);
            assertThat(on(Stack.BASE_URL, "evently_consumer_lag_seconds", "queue", "evently.waitlist")).isPositive();
        } finally {
            Broker.resume("evently.waitlist");
        }
        Stack.await("the waitlist consumer caught up", MOVES,
                () -> on(Stack.BASE_URL, "evently_consumer_lag_messages", "queue", "evently.waitlist"),
                waiting -> waiting == 0);
    }

    @Test
    void deadLettersAreCountedByTheQueueTheyLeft() throws Exception {
        double before = on(Stack.BASE_URL, "evently_dead_letters", "queue", "evently.payments");
        assertThat(before).isNotNaN();

        Broker.sendText(Broker.PAYMENTS, "not a payment report " + UUID.randomUUID());

        Stack.await("the poison message counted among evently.payments' dead letters", MOVES,
                () -> on(Stack.BASE_URL, "evently_dead_letters", "queue", "evently.payments"),
                count -> count >= before + 1);
    }

    @Test
    void redisFallbackShowsWhileRedisIsAway() throws Exception {
        assertThat(on(Stack.BASE_URL, "evently_redis_paused")).isIn(0.0, 1.0);
        double failures = total("evently_redis_failures_total");
        assertThat(failures).isNotNaN();
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        long event = Catalog.venue(admin, "Metrics Redis").eventId();
        try {
            Stack.evently("redis", "stop");
            // a catalogue read asks Redis, fails, and the instance pauses
            Stack.await("the Redis pause", MOVES, () -> {
                Stack.get("/api/events/" + event);
                return on(Stack.BASE_URL, "evently_redis_paused");
            }, paused -> paused == 1);
            awaitTotal(failures + 1, "evently_redis_failures_total");
        } finally {
            Stack.evently("redis", "start");
        }
        Stack.await("the pause over once Redis is back", Metrics.MOVES.multipliedBy(2),
                () -> on(Stack.BASE_URL, "evently_redis_paused"), paused -> paused == 0);
    }

    @Test
    void theConnectionPoolShowsConnectionsInUse() throws Exception {
        assertThat(on(Stack.BASE_URL, "evently_db_pool_connections")).as("open connections").isGreaterThanOrEqualTo(1);
        assertThat(on(Stack.BASE_URL, "evently_db_pool_waiting")).as("waiting requests").isGreaterThanOrEqualTo(0);
        Venue venue = Catalog.venue(admin, "Metrics pool");
        Account buyer = Tokens.newUsers(1).get(0);

        // a hold waiting for a seat's row lock (up to the 3 s lock timeout) keeps its connection meanwhile
        double used = Database.whileLocking("select id from seats where id = ? for update", unchecked(() -> {
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                    () -> hold(buyer, venue.eventId(), venue.seats().subList(0, 1)));
            double seen = Stack.await("a connection in use", MOVES.dividedBy(15),
                    () -> on(Stack.BASE_URL, "evently_db_pool_connections", "state", "used"), n -> n >= 1);
            waiting.join();
            return seen;
        }), venue.seats().get(0));

        assertThat(used).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDashboardQueriesOnlyWhatTheServerPublishes() throws IOException {
        String dashboard = Files.readString(Stack.HOME.resolve("docker/grafana/evently-dashboard.json"));
        Set<String> queried = new TreeSet<>();
        for (Matcher name = Pattern.compile("evently_[a-z_]+").matcher(dashboard); name.find(); ) {
            queried.add(name.group());
        }
        Set<String> published = new TreeSet<>();
        Metrics.scrape(Stack.BASE_URL).forEach(sample -> published.add(sample.name()));

        assertThat(queried).as("evently figures the dashboard queries").hasSizeGreaterThan(10);
        assertThat(published).containsAll(queried);
    }

    private static double cacheHits() {
        return total("evently_catalog_cache_reads_total", "entry", "details", "source", "memory")
                + total("evently_catalog_cache_reads_total", "entry", "details", "source", "redis")
                + total("evently_catalog_cache_reads_total", "entry", "details", "source", "shared");
    }

    private static HttpResponse<String> hold(Account buyer, long eventId, List<Long> seats) {
        return Auth.post("/api/bookings", buyer.token(), Map.of("eventId", eventId, "seatIds", seats));
    }

    /** What may wait (poll with a deadline) run where only a plain supplier fits. */
    private static <T> Supplier<T> unchecked(Stack.Probe<T> work) {
        return () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static double orZero(double count) {
        return Double.isNaN(count) ? 0 : count;
    }
}
