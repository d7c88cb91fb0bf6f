package dev.evently.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.evently.system.Fixtures;
import dev.evently.system.Fixtures.Buyer;

/**
 * What each step of a booking costs the server, one step at a time on a warm server: every booking of an event of
 * its own makes the same step together (a few clients in parallel, no contention for seats), then the server
 * settles, so that each step is charged its asynchronous work too (outbox, mails, analytics, webhooks). The steps
 * are those of the sales: a hold refused because the seat is taken, a hold, opening the provider's checkout, and the
 * payment, which the provider reports to the server by webhook and which confirms the booking. The sales' CPU per
 * booking is these steps times how often a sale makes them, plus what contention and a colder JIT add.
 */
final class BookingSteps {

    /** A step's requests, the ones answered otherwise than expected, and the CPU the step used until it settled. */
    record Step(String name, long requests, long unexpected, CpuMeter.Used used) {
    }

    /** What the server must do with nothing left over before the next step is measured. */
    interface Settle {
        void await() throws InterruptedException;
    }

    /** The step that books nothing: it is counted per refusal, not per booking. */
    static final String REFUSED_HOLD = "refused hold";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern CHECKOUT = Pattern.compile("\"checkoutUrl\":\"[^\"]*/([^\"/]+)\"");

    private final String baseUrl;
    private final long eventId;
    private final List<Buyer> buyers;
    private final int clients;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<Step> steps = new ArrayList<>();
    long confirmed;

    BookingSteps(String baseUrl, long eventId, List<Buyer> buyers, int clients) {
        this.baseUrl = baseUrl;
        this.eventId = eventId;
        this.buyers = buyers;
        this.clients = clients;
    }

    /**
     * Books every seat but the first, one per booking, step by step. The first is held beforehand by the first buyer
     * (and left to expire): it is the seat every refused hold names.
     */
    BookingSteps run(List<Long> seatIds, CpuMeter cpu, Settle settle) throws Exception {
        Buyer first = buyers.get(0);
        int taken = hold(first, seatIds.get(0)).statusCode();
        if (taken != 201) {
            throw new IllegalStateException("the seat the refused holds name could not be held: " + taken);
        }
        List<Long> seats = seatIds.subList(1, seatIds.size());
        int count = seats.size();
        long[] bookingIds = new long[count];
        String[] providerIds = new String[count];
        measure(REFUSED_HOLD, count, st -> st == 409, cpu, settle,
                i -> hold(buyer(i), seatIds.get(0)).statusCode());
        measure("hold", count, st -> st == 201, cpu, settle, i -> {
            HttpResponse<String> held = hold(buyer(i), seats.get(i));
            Matcher id = ID.matcher(held.body());
            bookingIds[i] = held.statusCode() == 201 && id.find() ? Long.parseLong(id.group(1)) : -1;
            return held.statusCode();
        });
        measure("checkout", count, st -> st == 201, cpu, settle, i -> {
            HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings/"
                    + bookingIds[i] + "/payments")).header("Authorization", "Bearer " + buyer(i).token()), "{}");
            Matcher checkout = CHECKOUT.matcher(opened.body());
            providerIds[i] = checkout.find() ? checkout.group(1) : "none";
            return opened.statusCode();
        });
        measure("payment (webhook, confirmation)", count, st -> st == 200, cpu, settle,
                i -> send(HttpRequest.newBuilder(URI.create(FlashSaleSimulation.PROVIDER_URL + "/v1/test/payments/"
                                + providerIds[i] + "/succeed"))
                        .header("Authorization", "Bearer " + FlashSaleSimulation.PROVIDER_API_KEY), "{}").statusCode());
        confirmed = ((Number) Fixtures.row("select count(*) as n from bookings where event_id = ? and status ="
                + " 'CONFIRMED'", eventId).get("n")).longValue();
        return this;
    }

    private interface Request {
        int send(int index) throws Exception;
    }

    private void measure(String name, int count, IntPredicate expected, CpuMeter cpu, Settle settle, Request request)
            throws Exception {
        AtomicLong unexpected = new AtomicLong();
        long start = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int from = client;
                workers.add(pool.submit(() -> {
                    for (int i = from; i < count; i += clients) {
                        if (!expected.test(request.send(i))) {
                            unexpected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        settle.await();
        steps.add(new Step(name, count, unexpected.get(), cpu.between(start, System.currentTimeMillis())));
    }

    /** How many bookings each step was made for. */
    long bookings() {
        return steps.isEmpty() ? 0 : steps.get(0).requests();
    }

    /** The sum of the steps one booking makes, in ms of server CPU: a hold, a checkout, a payment. */
    double bookingMillis() {
        return steps.stream().filter(s -> !s.name().equals(REFUSED_HOLD))
                .mapToDouble(s -> s.used().serverMillisPer(s.requests())).sum();
    }

    double refusedHoldMillis() {
        return steps.stream().filter(s -> s.name().equals(REFUSED_HOLD))
                .mapToDouble(s -> s.used().serverMillisPer(s.requests())).sum();
    }

    /** Each buyer holds a few of the seats: at most as many as one person may hold unpaid. */
    private Buyer buyer(int index) {
        return buyers.get(index % buyers.size());
    }

    private HttpResponse<String> hold(Buyer buyer, long seatId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings"))
                        .header("Authorization", "Bearer " + buyer.token())
                        .header("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"eventId\":" + eventId + ",\"seatIds\":[" + seatId + "]}");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
        return http.send(request.header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
