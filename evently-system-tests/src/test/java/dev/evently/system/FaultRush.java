package dev.evently.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Buyers who keep shopping while a part of the platform dies, through a load balancer that sends them only to
 * instances whose {@code /api/ready} answers 200 (asked every half second, as a balancer's health check would).
 * Each holds one or two seats of the event, then pays (through the provider's test API, as the checkout page
 * would), cancels, or lets the hold run out, and now and then cancels a booking paid before (its money owed back);
 * a buyer who finds the seats taken sometimes joins the waitlist. Every answer is tallied and judged as a client
 * would judge it: 2xx, a 4xx problem, or a 503 saying when to retry are fine; a 500, a 503 without
 * {@code Retry-After}, a 4xx that is not a problem, or no answer within the client's timeout are not.
 */
final class FaultRush implements AutoCloseable {

    /** How long a client waits for an answer before it gives up: longer, and the rush calls it a hang. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final long eventId;
    private final List<Long> seats;
    private final List<String> baseUrls;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    /** The instances the balancer sends buyers to now. */
    private final Set<String> inRotation = ConcurrentHashMap.newKeySet();

    final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final Set<Long> held = ConcurrentHashMap.newKeySet();
    final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    /** When each hold succeeded, on which instance. */
    final Queue<Instant> holdsAt = new ConcurrentLinkedQueue<>();
    final AtomicLong requests = new AtomicLong();
    /** The most the first instance's /metrics showed during the rush: outbox backlog, messages waiting for consumers. */
    final AtomicLong mostOutboxPending = new AtomicLong();
    final AtomicLong mostConsumerLag = new AtomicLong();

    FaultRush(long eventId, List<Long> seats, List<Tokens.Account> buyers, List<String> baseUrls) {
        this.eventId = eventId;
        this.seats = seats;
        this.baseUrls = baseUrls;
        inRotation.addAll(baseUrls);
        Thread balancer = new Thread(this::checkHealth, "balancer");
        balancer.setDaemon(true);
        balancer.start();
        threads.add(balancer);
        for (int i = 0; i < buyers.size(); i++) {
            Tokens.Account buyer = buyers.get(i);
            String home = baseUrls.get(i % baseUrls.size());
            Thread thread = new Thread(() -> shop(buyer, home), "buyer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** The first successful hold at or after {@code since}, if any. */
    Instant firstHoldSince(Instant since) {
        return holdsAt.stream().filter(at -> !at.isBefore(since)).min(Instant::compareTo).orElse(null);
    }

    long holdsBetween(Instant from, Instant to) {
        return holdsAt.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }

    SortedMap<String, Long> statuses() {
        SortedMap<String, Long> copy = new TreeMap<>();
        byStatus.forEach((status, n) -> copy.put(status, n.get()));
        return copy;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(CLIENT_TIMEOUT.plusSeconds(10).toMillis());
        }
    }

    /** The balancer's health check: an instance is in rotation while its API says it is ready. */
    private void checkHealth() {
        int round = 0;
        while (running.get()) {
            if (round++ % 4 == 0) {
                watchMetrics();
            }
            for (String base : baseUrls) {
                boolean ready;
                try {
                    ready = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/ready")).timeout(Duration.ofSeconds(2))
                            .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    ready = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (ready) {
                    inRotation.add(base);
                } else {
                    inRotation.remove(base);
                }
            }
            try {
                Thread.sleep(500);  // the balancer's check interval
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What an operator would watch on the first instance's /metrics while it happens (nothing when it is away). */
    private void watchMetrics() {
        try {
            List<Metrics.Sample> samples = Metrics.scrape(baseUrls.get(0));
            mostOutboxPending.accumulateAndGet((long) sum(samples, "evently_outbox_pending"), Math::max);
            mostConsumerLag.accumulateAndGet((long) sum(samples, "evently_consumer_lag_messages"), Math::max);
        } catch (RuntimeException | AssertionError away) {
            // the instance or its metrics are away for now
        }
    }

    private static double sum(List<Metrics.Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name) && !Double.isNaN(s.value()))
                .mapToDouble(Metrics.Sample::value).sum();
    }

    /** Where the balancer sends a buyer: their own instance when it is in rotation, else one that is. */
    private String route(String home, ThreadLocalRandom random) {
        // most buyers stay on their instance; some come through the other (a balancer's spread)
        String wanted = random.nextInt(4) == 0 ? baseUrls.get(random.nextInt(baseUrls.size())) : home;
        if (inRotation.contains(wanted)) {
            return wanted;
        }
        List<String> ready = new ArrayList<>(inRotation);
        return ready.isEmpty() ? wanted : ready.get(random.nextInt(ready.size()));
    }

    private void shop(Tokens.Account buyer, String home) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean waiting = false;
        List<Long> paid = new ArrayList<>();
        while (running.get()) {
            String base = route(home, random);
            if (!paid.isEmpty() && random.nextInt(10) == 0) {
                // a change of plan: a booking paid before is cancelled, and its money is owed back
                long bookingId = paid.remove(paid.size() - 1);
                if (call(base, "POST", "/api/bookings/" + bookingId + "/cancel", buyer.token(), "{}").status == 200) {
                    cancelled.add(bookingId);
                }
                pause(random);
                continue;
            }
            List<Long> wanted = pick(random);
            Answer hold = call(base, "POST", "/api/bookings", buyer.token(),
                    "{\"eventId\":" + eventId + ",\"seatIds\":" + wanted + "}");
            if (hold.status == 201) {
                long bookingId = hold.json().path("id").asLong();
                held.add(bookingId);
                holdsAt.add(Instant.now());
                int choice = random.nextInt(100);
                if (choice < 70) {
                    if (pay(base, buyer, bookingId)) {
                        paid.add(bookingId);
                    }
                } else if (choice < 85) {
                    Answer cancel = call(base, "POST", "/api/bookings/" + bookingId + "/cancel", buyer.token(), "{}");
                    if (cancel.status == 200) {
                        cancelled.add(bookingId);
                    }
                }
            } else if (hold.status == 409 && !waiting && random.nextInt(5) == 0) {
                waiting = call(base, "POST", "/api/waitlist/join", buyer.token(),
                        "{\"eventId\":" + eventId + ",\"seats\":1}").status == 201;
            }
            pause(random);
        }
    }

    /** Whether the buyer paid at the provider (the booking is confirmed once its report arrives). */
    private boolean pay(String base, Tokens.Account buyer, long bookingId) {
        Answer checkout = call(base, "POST", "/api/bookings/" + bookingId + "/payments", buyer.token(), "{}");
        if (checkout.status == 200 || checkout.status == 201) {
            try {
                Provider.succeed(Provider.providerId(checkout.json()));
                return true;
            } catch (RuntimeException | AssertionError providerAway) {
                // the buyer could not reach the provider's page: no money moved, the hold runs out
                byStatus.computeIfAbsent("provider unreachable", s -> new AtomicLong()).incrementAndGet();
            }
        }
        return false;
    }

    private List<Long> pick(ThreadLocalRandom random) {
        int first = random.nextInt(seats.size());
        if (random.nextBoolean() || first + 1 >= seats.size()) {
            return List.of(seats.get(first));
        }
        return List.of(seats.get(first), seats.get(first + 1));
    }

    private static void pause(ThreadLocalRandom random) {
        try {
            Thread.sleep(800 + random.nextInt(1200));  // a buyer's pace between clicks, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Stack.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Answer call(String base, String method, String path, String token, String body) {
        requests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Stack.randomAddress())
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            tally("timeout");
            violations.add(method + " " + base + path + ": no answer within " + CLIENT_TIMEOUT.toSeconds() + " s");
            return new Answer(-1, "");
        } catch (ConnectException e) {
            tally("connection refused");  // the instance is down: a load balancer would send the buyer elsewhere
            return new Answer(-1, "");
        } catch (IOException e) {
            tally("connection lost");
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
        int status = response.statusCode();
        tally(String.valueOf(status));
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 && status != 503) {
            violations.add(method + " " + path + " -> " + status + " " + abbreviate(response.body()));
        } else if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
            violations.add(method + " " + path + " -> 503 without Retry-After");
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            violations.add(method + " " + path + " -> " + status + " as " + type + ": " + abbreviate(response.body()));
        }
        return new Answer(status, response.body());
    }

    private void tally(String status) {
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
