package dev.evently.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * The flash sale as Gatling plays it: every buyer at once, each reading the seat map, then over and over
 * choosing seats they see as available, holding them and paying, until the event is sold out or time is up.
 * A conflict tells the buyer which seats are gone; a map older than the refresh interval is read again
 * (with its ETag) after a conflict.
 */
public class FlashSaleSimulation extends Simulation {

    private static final String NO_ETAG = "\"none\"";
    /** The payment provider's simulator and its test API's key, as ./evently bench exports them. */
    static final String PROVIDER_URL = System.getenv().getOrDefault("EVENTLY_TEST_PAYMENTS_URL",
            "http://127.0.0.1:8026");
    static final String PROVIDER_API_KEY = System.getenv().getOrDefault("EVENTLY_TEST_PAYMENTS_API_KEY", "");

    private final FlashSale sale = FlashSale.current;

    {
        Iterator<Map<String, Object>> buyers = sale.buyers.stream()
                .map(b -> Map.<String, Object>of("token", b.token(), "userId", b.id()))
                .iterator();

        ChainBuilder think = doIf(s -> !sale.thinkTime.isZero()).then(pause(s -> thinkTime()));

        ChainBuilder readMap = exec(http("seat map")
                .get("/api/events/" + sale.eventId + "/seats")
                .header("If-None-Match", "#{etag}")
                .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"),
                        header("ETag").optional().saveAs("etag"),
                        bodyBytes().transform(b -> b.length == 0 ? null : SeatView.read(b)).optional().saveAs("map"),
                        status().in(200, 304)))
                .exec(s -> {
                    int st = recorded(sale.maps, s);
                    Session next = s.remove("st").remove("rt").set("mapAt", System.currentTimeMillis());
                    if (st == 200 && s.contains("map")) {
                        SeatView.SeatMap map = s.get("map");
                        if (map.noneAvailable() && map.held() == 0 && map.total() > 0) {
                            if (sale.soldOut.compareAndSet(false, true)) {
                                sale.soldOutAt.set(System.currentTimeMillis());
                            }
                        }
                        next = next.set("view", new SeatView(map)).remove("map");
                    }
                    return next;
                });

        // Paying: open the provider's checkout, then pay there as the buyer's browser would (the simulator's test API
        // stands in for the Pay button). The booking is confirmed when the provider's webhook reaches the server.
        ChainBuilder pay = exec(s -> s.set("payTries", 0).set("paying", true))
                .asLongAs(s -> s.getBoolean("paying")).on(
                        exec(http("checkout")
                                .post("/api/bookings/#{bookingId}/payments")
                                .header("Authorization", "Bearer #{token}")
                                .body(StringBody("{}"))
                                .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"),
                                        bodyString().saveAs("body"),
                                        jsonPath("$.checkoutUrl").optional().saveAs("checkoutUrl"),
                                        status().in(200, 201)))
                                .doIf(s -> s.contains("checkoutUrl")).then(exec(http("provider pays")
                                        .post(s -> PROVIDER_URL + "/v1/test/payments/" + providerId(s.getString("checkoutUrl"))
                                                + "/succeed")
                                        .header("Authorization", "Bearer " + PROVIDER_API_KEY)
                                        .body(StringBody("{}"))
                                        .check(status().saveAs("paidSt"))))
                                .exec(s -> {
                                    int st = recorded(sale.payments, s);
                                    s = s.remove("st").remove("rt").remove("checkoutUrl");
                                    int tries = s.getInt("payTries") + 1;
                                    if ((st == 200 || st == 201) && s.contains("paidSt") && s.getInt("paidSt") == 200) {
                                        sale.bookings.increment();
                                        sale.seatsSold.add(s.getList("seatIds").size());
                                        sale.lastSaleAt.set(System.currentTimeMillis());
                                        return s.remove("paidSt").set("paying", false);
                                    }
                                    // seats-busy: the booking is locked by someone else for a moment
                                    boolean retry = st == 409 && s.getString("body").contains("seats-busy") && tries < 5;
                                    return s.remove("paidSt").set("payTries", tries).set("paying", retry);
                                }));

        ChainBuilder hold = exec(http("hold")
                .post("/api/bookings")
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", s -> UUID.randomUUID().toString())
                .body(StringBody("#{holdBody}"))
                .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"),
                        jsonPath("$.id").ofLong().optional().saveAs("bookingId"),
                        jsonPath("$.unavailableSeatIds[*]").ofLong().findAll().optional().saveAs("taken"),
                        status().in(201, 409)))
                .exec(s -> {
                    int st = recorded(sale.holds, s);
                    SeatView view = s.get("view");
                    List<Long> chosen = s.getList("seatIds");
                    view.taken(st == 409 && s.contains("taken") ? s.getList("taken") : chosen);
                    if (st == 201) {
                        sale.onHeld.accept(chosen, System.currentTimeMillis());
                    }
                    Session next = s.remove("taken").remove("st").remove("rt").set("holdStatus", st);
                    return st == 201 ? next : next.remove("bookingId");
                })
                .doIf(s -> s.contains("bookingId")).then(think, pay)
                .doIf(s -> s.getInt("holdStatus") == 409
                        && System.currentTimeMillis() - s.getLong("mapAt") >= sale.mapRefresh.toMillis())
                .then(readMap);

        ChainBuilder buy = exec(s -> {
            SeatView view = s.get("view");
            List<Long> chosen = view == null ? List.of() : view.choose(ThreadLocalRandom.current(), sale.takenLive);
            return s.set("seatIds", chosen).set("holdBody", "{\"eventId\":" + sale.eventId + ",\"seatIds\":["
                    + chosen.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}");
        }).doIfOrElse(s -> !s.getList("seatIds").isEmpty()).then(think, hold).orElse(
                // nothing left in this buyer's view: read the map again, and wait a little if everything
                // is held by others
                exec(readMap).doIf(s -> sale.running() && ((SeatView) s.get("view")).choose(
                        ThreadLocalRandom.current(), sale.takenLive).isEmpty()).then(pause(Duration.ofMillis(100), Duration.ofMillis(300))));

        setUp(scenario(sale.shape)
                .feed(buyers)
                .exec(s -> s.set("etag", NO_ETAG))
                .exec(readMap)
                .asLongAs(s -> sale.running()).on(buy)
                .injectOpen(atOnceUsers(sale.buyers.size())))
                .protocols(http.baseUrl(sale.baseUrl)
                        .disableCaching()
                        .acceptHeader("application/json")
                        .acceptEncodingHeader(Bench.ACCEPT_ENCODING)
                        .contentTypeHeader("application/json")
                        .shareConnections())
                .maxDuration(sale.limit.plusSeconds(30));
    }

    @Override
    public void before() {
        sale.startedAt = System.currentTimeMillis();
        sale.deadline = sale.startedAt + sale.limit.toMillis();
    }

    @Override
    public void after() {
        sale.finishedAt = System.currentTimeMillis();
    }

    private Duration thinkTime() {
        long mean = sale.thinkTime.toMillis();
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(mean / 2, mean * 3 / 2 + 1));
    }

    /** Records the request the session just made; returns its status, 0 when there was no answer. */
    /** The provider's id of a payment: the last segment of its checkout URL. */
    private static String providerId(String checkoutUrl) {
        return checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
    }

    private static int recorded(Series series, Session s) {
        int st = s.contains("st") ? s.getInt("st") : 0;
        long rt = s.contains("rt") ? s.getLong("rt") : 0;
        series.record(System.currentTimeMillis() - rt, rt, st);
        return st;
    }

}
