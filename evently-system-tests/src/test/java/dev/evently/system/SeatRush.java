package dev.evently.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rush on one event: many shoppers at once, each with an account of its own, read the seat map and try to
 * hold 1–4 adjacent available seats — mostly in one section and near its front, so that they collide — then
 * do with each hold what the scenario's {@link Policy} says, until the event is sold out or time runs out.
 * Every answer is tallied, and what each shopper was told about each booking is kept to hold against the
 * database afterwards.
 */
final class SeatRush {

    /** What a shopper does with a hold it got. */
    enum Plan {
        /** opens a checkout and pays at once */
        PAY, CANCEL, ABANDON,
        /** pays at the last moment: around expiresAt, racing the expiry sweep */
        PAY_AT_EXPIRY,
        /** changes their mind at the last moment */
        CANCEL_AT_EXPIRY,
        /** opens a checkout and leaves the outcome to the provider (its behaviour: failures, late reports) */
        CHECKOUT
    }

    /** What a shopper was last told about one of its bookings. */
    enum Told {
        HELD, PAID, PAY_FAILED, PAY_REFUSED, CANCELLED, CANCEL_REFUSED,
        /** a checkout opened, its outcome the provider's: {@link #settleCheckouts()} reads which */
        CHECKED_OUT
    }

    /** Chooses the plan for a new hold, given how long the rush has run. */
    @FunctionalInterface
    interface Policy {
        Plan plan(ThreadLocalRandom random, Duration elapsed);
    }

    record Seat(long id, String section, String row, int number) {
    }

    private static final Comparator<Seat> FRONT_TO_BACK = Comparator.comparingInt((Seat s) -> s.row().length())
            .thenComparing(Seat::row).thenComparingInt(Seat::number);
    private static final int SAMPLES = 20;
    /** The conflicts the API documents for each operation in a race; any other 409 is a finding. */
    private static final Map<String, Set<String>> CONFLICTS = Map.of(
            "hold", Set.of("seats-unavailable", "seats-busy", "hold-limit-reached"),
            "pay", Set.of("booking-not-payable", "seats-busy"),
            "cancel", Set.of("booking-not-cancellable", "seats-busy"));

    private final long eventId;
    private final String hotSection;
    private final List<String> baseUrls;
    private final List<Tokens.Account> shoppers;
    private final Policy policy;
    private final Duration limit;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ScheduledExecutorService lastMoment = Executors.newScheduledThreadPool(4);
    private final ConcurrentLinkedQueue<Future<?>> lateActions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean soldOut = new AtomicBoolean();
    private Instant started;
    private Instant deadline;

    final LongAdder holdAttempts = new LongAdder();
    final LongAdder held = new LongAdder();
    /** holds refused with 429: a shopper trying faster than the per-user limit allows */
    final LongAdder holdsLimited = new LongAdder();
    final LongAdder holdConflicts = new LongAdder();
    final LongAdder payAttempts = new LongAdder();
    final LongAdder paid = new LongAdder();
    final LongAdder cancelAttempts = new LongAdder();
    final LongAdder cancelled = new LongAdder();
    final LongAdder seatMapReads = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    /** "operation status problem-type" → how often, e.g. "hold 409 seats-unavailable" */
    final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    final Map<String, LongAdder> holdsByInstance = new ConcurrentHashMap<>();
    final Map<String, LongAdder> heldByInstance = new ConcurrentHashMap<>();
    /** answers no scenario allows, with their bodies (the first few) */
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final LongAdder unexpectedCount = new LongAdder();
    final Map<Long, Told> told = new ConcurrentHashMap<>();
    final Map<Long, Plan> planned = new ConcurrentHashMap<>();
    /** booking → the provider's payment of its checkout */
    final Map<Long, String> checkouts = new ConcurrentHashMap<>();
    Duration duration;
    Instant finished;

    SeatRush(long eventId, String hotSection, List<String> baseUrls, List<Tokens.Account> shoppers, Policy policy,
             Duration limit) {
        this.eventId = eventId;
        this.hotSection = hotSection;
        this.baseUrls = List.copyOf(baseUrls);
        this.shoppers = List.copyOf(shoppers);
        this.policy = policy;
        this.limit = limit;
    }

    /** Runs every shopper at once until the event is sold out or the time limit is up; returns this, tallied. */
    SeatRush run() throws InterruptedException {
        started = Instant.now();
        deadline = started.plus(limit);
        ExecutorService pool = Executors.newFixedThreadPool(shoppers.size());
        try {
            for (int i = 0; i < shoppers.size(); i++) {
                Tokens.Account account = shoppers.get(i);
                String baseUrl = baseUrls.get(i % baseUrls.size());
                pool.execute(() -> shop(account, baseUrl));
            }
            pool.shutdown();
            if (!pool.awaitTermination(limit.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new AssertionError("shoppers still busy a minute after the time limit");
            }
            for (Future<?> late : lateActions) {
                try {
                    late.get(limit.toSeconds() + 60, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new AssertionError("a last-moment action failed: " + e, e);
                }
            }
        } finally {
            pool.shutdownNow();
            lastMoment.shutdownNow();
        }
        finished = Instant.now();
        duration = Duration.between(started, finished);
        Provider.awaitDelivered();  // every payment the provider decided has reached the server
        return this;
    }

    /** Reads from the provider how each checkout left to it ended: PAID or PAY_FAILED. */
    void settleCheckouts() {
        told.forEach((bookingId, last) -> {
            if (last == Told.CHECKED_OUT) {
                String status = Stack.json(Provider.api("GET", "/v1/payments/" + checkouts.get(bookingId), null))
                        .path("status").asText();
                told.put(bookingId, switch (status) {
                    case "SUCCEEDED" -> Told.PAID;
                    case "FAILED" -> Told.PAY_FAILED;
                    default -> Told.CHECKED_OUT;
                });
            }
        });
    }

    boolean soldOut() {
        return soldOut.get();
    }

    String figures(String name, long deadlocks) {
        return String.format("%s: %d shoppers on %s; hold attempts %d, held %d, conflicts %d, limited %d, paid %d/%d, "
                        + "cancelled %d/%d, seat-map reads %d, 5xx %d, transport errors %d, deadlocks %d, "
                        + "sold out %s, duration %.1f s%n    answers %s%n    holds (attempted/held) by instance %s %s",
                name, shoppers.size(), baseUrls, holdAttempts.sum(), held.sum(), holdConflicts.sum(), holdsLimited.sum(),
                paid.sum(),
                payAttempts.sum(), cancelled.sum(), cancelAttempts.sum(), seatMapReads.sum(), serverErrors.sum(),
                transportErrors.sum(), deadlocks, soldOut.get(), duration.toMillis() / 1000.0, new TreeMap<>(answers),
                new TreeMap<>(holdsByInstance), new TreeMap<>(heldByInstance));
    }

    // ------------------------------------------------------------------ one shopper

    /** Reads the seat map before every try, as a client showing it would. */
    private void shop(Tokens.Account account, String baseUrl) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        SeatMap map = null;
        while (!soldOut.get() && Instant.now().isBefore(deadline)) {
            SeatMap read = readSeatMap(baseUrl, map);
            if (read == null) {
                pause(random, 200, 500);
                continue;
            }
            if (read == map) {
                pause(random, 100, 300);  // unchanged since the last try: let the others move first
            }
            map = read;
            if (map.available().isEmpty()) {
                if (map.held() == 0 && allSeatsBooked()) {
                    soldOut.set(true);
                    break;
                }
                pause(random, 500, 1000);  // everything is held: poll until holds end one way or the other
                continue;
            }
            hold(account, baseUrl, choose(new ArrayList<>(map.available()), random), random);
        }
    }

    /** The seats a shopper goes for: 1–4 adjacent in one row, near the front, mostly in the hot section. */
    private List<Seat> choose(List<Seat> view, ThreadLocalRandom random) {
        Map<String, List<Seat>> bySection = new LinkedHashMap<>();
        for (Seat seat : view) {
            bySection.computeIfAbsent(seat.section(), s -> new ArrayList<>()).add(seat);
        }
        String section = bySection.containsKey(hotSection) && random.nextInt(4) > 0 ? hotSection
                : new ArrayList<>(bySection.keySet()).get(random.nextInt(bySection.size()));
        List<Seat> seats = bySection.get(section);
        seats.sort(FRONT_TO_BACK);
        int start = random.nextInt(Math.min(12, seats.size()));
        int wanted = 1 + random.nextInt(4);
        List<Seat> chosen = new ArrayList<>(List.of(seats.get(start)));
        for (int i = start + 1; i < seats.size() && chosen.size() < wanted; i++) {
            Seat last = chosen.get(chosen.size() - 1);
            Seat next = seats.get(i);
            if (!next.row().equals(last.row()) || next.number() != last.number() + 1) {
                break;
            }
            chosen.add(next);
        }
        return chosen;
    }

    /** Tries to hold the seats and acts on a hold. */
    private void hold(Tokens.Account account, String baseUrl, List<Seat> seats, ThreadLocalRandom random) {
        Set<Long> ids = new HashSet<>();
        seats.forEach(seat -> ids.add(seat.id()));
        holdAttempts.increment();
        holdsByInstance.computeIfAbsent(baseUrl, u -> new LongAdder()).increment();
        HttpResponse<String> response = send(baseUrl, "POST", "/api/bookings", account,
                Map.of("eventId", eventId, "seatIds", List.copyOf(ids)),
                "Idempotency-Key", UUID.randomUUID().toString());
        if (response == null) {
            return;
        }
        tally("hold", response, 201, 409, 429);
        if (response.statusCode() == 429) {
            holdsLimited.increment();
            waitAsTold(response);
        } else if (response.statusCode() == 201) {
            held.increment();
            heldByInstance.computeIfAbsent(baseUrl, u -> new LongAdder()).increment();
            JsonNode booking = Stack.json(response);
            long bookingId = booking.path("id").asLong();
            told.put(bookingId, Told.HELD);
            act(account, baseUrl, bookingId, Instant.parse(booking.path("expiresAt").asText()), random);
        } else if (response.statusCode() == 409) {
            holdConflicts.increment();
        }
    }

    private void act(Tokens.Account account, String baseUrl, long bookingId, Instant expiresAt,
                     ThreadLocalRandom random) {
        Plan plan = policy.plan(random, Duration.between(started, Instant.now()));
        planned.put(bookingId, plan);
        switch (plan) {
            case PAY -> pay(account, baseUrl, bookingId, true);
            case CHECKOUT -> pay(account, baseUrl, bookingId, false);
            case CANCEL -> cancel(account, baseUrl, bookingId);
            case ABANDON -> {
            }
            case PAY_AT_EXPIRY, CANCEL_AT_EXPIRY -> {
                // within 1.5 s either side of the end of the hold, where the sweep may or may not have run
                long delay = Duration.between(Instant.now(), expiresAt).toMillis() + random.nextLong(-1500, 1501);
                Runnable late = plan == Plan.PAY_AT_EXPIRY
                        ? () -> pay(account, baseUrl, bookingId, true)
                        : () -> cancel(account, baseUrl, bookingId);
                lateActions.add(lastMoment.schedule(late, Math.max(0, delay), TimeUnit.MILLISECONDS));
            }
        }
    }

    /**
     * Opens a checkout; with {@code decide}, pays at once as the buyer would at the provider's page, else leaves
     * the outcome to the provider. The booking is confirmed when the provider's report reaches the server.
     */
    private void pay(Tokens.Account account, String baseUrl, long bookingId, boolean decide) {
        payAttempts.increment();
        HttpResponse<String> response = send(baseUrl, "POST", "/api/bookings/" + bookingId + "/payments", account,
                Map.of());
        if (response == null) {
            return;
        }
        tally("pay", response, 201, 200, 409);
        if (response.statusCode() == 409) {
            told.put(bookingId, Told.PAY_REFUSED);
            return;
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            return;
        }
        String providerId = Provider.providerId(Stack.json(response));
        checkouts.put(bookingId, providerId);
        if (!decide) {
            told.put(bookingId, Told.CHECKED_OUT);
            return;
        }
        HttpResponse<String> decided = Provider.api("POST", "/v1/test/payments/" + providerId + "/succeed", Map.of());
        if (decided.statusCode() == 200 || decided.statusCode() == 202) {
            paid.increment();
            told.put(bookingId, Told.PAID);
            awaitOutcome(account, baseUrl, bookingId);
        } else {
            sample("the provider did not take payment " + providerId + ": " + decided.statusCode() + " " + decided.body());
            unexpectedCount.increment();
        }
    }

    /**
     * Back from the provider's page, the buyer's browser waits for the booking's outcome before shopping on (the
     * confirmation, or, paid too late, the refund), with the hold time as the limit.
     */
    private void awaitOutcome(Tokens.Account account, String baseUrl, long bookingId) {
        Instant until = Instant.now().plus(Stack.HOLD_TIME).plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> booking = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings/" + bookingId))
                    .header("Authorization", "Bearer " + account.token()).GET());
            if (booking == null || booking.statusCode() != 200
                    || !"PENDING".equals(Stack.json(booking).path("status").asText())) {
                return;
            }
            pause(ThreadLocalRandom.current(), 100, 200);
        }
    }

    private void cancel(Tokens.Account account, String baseUrl, long bookingId) {
        cancelAttempts.increment();
        HttpResponse<String> response = send(baseUrl, "POST", "/api/bookings/" + bookingId + "/cancel", account,
                Map.of());
        if (response == null) {
            return;
        }
        tally("cancel", response, 200, 409);
        if (response.statusCode() == 200) {
            cancelled.increment();
            told.put(bookingId, Told.CANCELLED);
        } else if (response.statusCode() == 409) {
            told.put(bookingId, Told.CANCEL_REFUSED);
        }
    }

    // ------------------------------------------------------------------ the seat map

    /** What the seat map said: the available seats, how many are held, and its ETag. */
    private record SeatMap(List<Seat> available, long held, String etag) {
    }

    /** Reads the map, sending the last ETag; returns the last map itself when unchanged, null on an error. */
    private SeatMap readSeatMap(String baseUrl, SeatMap last) {
        seatMapReads.increment();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events/" + eventId + "/seats"))
                .GET();
        if (last != null && last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        HttpResponse<String> response = send(request);
        if (response == null) {
            return null;
        }
        tally("seat-map", response, 200, 304);
        if (response.statusCode() == 304 && last != null) {
            return last;
        }
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode map = Stack.json(response);
        List<Seat> available = new ArrayList<>();
        for (JsonNode seat : map.path("seats")) {
            if ("AVAILABLE".equals(seat.path("status").asText())) {
                available.add(new Seat(seat.path("id").asLong(), seat.path("section").asText(),
                        seat.path("row").asText(), seat.path("number").asInt()));
            }
        }
        return new SeatMap(available, map.path("counts").path("held").asLong(),
                response.headers().firstValue("ETag").orElse(null));
    }

    /** The map can lag its cache; the database has the last word on a sell-out. */
    private boolean allSeatsBooked() {
        return Database.count("select count(*) from seats where event_id = ? and status <> 'BOOKED'", eventId) == 0;
    }

    // ------------------------------------------------------------------ HTTP and tallies

    private HttpResponse<String> send(String baseUrl, String method, String path, Tokens.Account account, Object body,
                                      String... headers) {
        String json;
        try {
            json = Stack.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + account.token())
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(Stack.fromSomewhere(request.timeout(Duration.ofSeconds(30)).build()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            transportErrors.increment();
            sample("transport error: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts the answer by operation, status and problem type; returns the problem type (last path segment). */
    private String tally(String operation, HttpResponse<String> response, int... expected) {
        int status = response.statusCode();
        String problem = "";
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            String type = Stack.json(response).path("type").asText();
            problem = type.substring(type.lastIndexOf('/') + 1);
        }
        answers.computeIfAbsent((operation + " " + status + " " + problem).trim(), k -> new LongAdder()).increment();
        if (status >= 500) {
            serverErrors.increment();
        }
        for (int allowed : expected) {
            if (status == allowed && (status != 409 || CONFLICTS.get(operation).contains(problem))) {
                return problem;
            }
        }
        unexpectedCount.increment();
        sample(operation + " " + response.request().uri() + " → " + status + " " + response.body());
        return problem;
    }

    private void sample(String text) {
        if (unexpected.size() < SAMPLES) {
            unexpected.add(text);
        }
    }

    /** A shopper told to slow down waits as long as Retry-After says, or until the rush's deadline. */
    private void waitAsTold(HttpResponse<String> response) {
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        long millis = Math.min(seconds * 1000, Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A shopper's pause between polls of a seat map with nothing to take; jittered so they do not march. */
    private static void pause(ThreadLocalRandom random, int fromMillis, int toMillis) {
        try {
            Thread.sleep(random.nextInt(fromMillis, toMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
