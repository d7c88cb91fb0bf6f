package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;
import dev.evently.system.WebhookReceiver.Received;

/**
 * Outgoing webhooks end to end: two receivers in this JVM, one that refuses its first two requests and then answers
 * slowly (a peer that is away, then overloaded), one that answers at once. Bookings and payments made through the
 * API reach both, each event once in effect, in order per booking, signed with the endpoint's secret; the slow one
 * delays none of the fast one's; the delivery log tells what happened; a delivery can be sent again. The stack runs
 * with private addresses allowed (the receivers are on 127.0.0.1) and a first retry after 1 s
 * (server-config/scripts/test.sh); that a loopback URL is refused otherwise is WebhookUrlsTest's.
 */
class WebhooksIT {

    private static final List<String> TYPES = List.of("booking.created", "booking.confirmed", "booking.cancelled",
            "booking.expired", "booking.refunded", "payment.succeeded", "payment.failed", "payment.rejected");
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(2);
    private static final Duration DELIVERED_WITHIN = Duration.ofMinutes(3);
    private static final List<Long> MADE = new ArrayList<>();
    private static final String WEBHOOKS = "evently.webhooks";
    private static final String WEBHOOKS_QUEUE = Broker.DOMAIN_EVENTS + "::" + WEBHOOKS;

    @AfterAll
    static void deleteEndpoints() {
        String admin = Tokens.admin();
        for (long id : MADE) {
            Auth.delete("/api/admin/webhooks/" + id, admin);
        }
    }

    @Test
    void everyEventReachesEveryEndpointOnceInOrderAndSignedAndASlowOneDelaysNoOther() throws Exception {
        String admin = Tokens.admin();
        try (WebhookReceiver slow = new WebhookReceiver(2, SLOW_ANSWER); WebhookReceiver fast = new WebhookReceiver(0, Duration.ZERO)) {
            JsonNode slowEndpoint = register(admin, slow.url());
            JsonNode fastEndpoint = register(admin, fast.url());
            long slowId = slowEndpoint.path("id").asLong();
            long fastId = fastEndpoint.path("id").asLong();

            // a few sales, each booking held and paid through the API
            long eventId = Catalog.published(admin, Catalog.uniqueName("Webhooks")).path("id").asLong();
            List<Long> seats = Catalog.seatIds(eventId);
            List<Long> bookings = new ArrayList<>();
            List<Account> buyers = Tokens.newUsers(3);
            for (int i = 0; i < buyers.size(); i++) {
                long bookingId = WaitlistIT.hold(buyers.get(i), eventId, List.of(seats.get(i)));
                Provider.pay(buyers.get(i).token(), bookingId);
                bookings.add(bookingId);
            }
            // what the outbox published about them, in its order: what each endpoint must receive
            Map<Long, List<String>> published = new HashMap<>();
            Map<String, String> typeOf = new HashMap<>();
            for (long bookingId : bookings) {
                List<String> ids = new ArrayList<>();
                for (Map<String, Object> row : Database.rows("select id, type from outbox where aggregate_type = "
                        + "'booking' and aggregate_id = ? order by id", String.valueOf(bookingId))) {
                    if (TYPES.contains((String) row.get("type"))) {
                        String id = String.valueOf(row.get("id"));
                        ids.add(id);
                        typeOf.put(id, (String) row.get("type"));
                    }
                }
                assertThat(ids.stream().map(typeOf::get)).as("booking " + bookingId)
                        .contains("booking.created", "payment.succeeded", "booking.confirmed");
                published.put(bookingId, ids);
            }
            Set<String> expected = typeOf.keySet();

            Stack.await("every event answered 2xx by the fast receiver", DELIVERED_WITHIN,
                    () -> fast.deliveredIds(), ids -> ids.containsAll(expected));
            Stack.await("every event answered 2xx by the slow receiver", DELIVERED_WITHIN,
                    () -> slow.deliveredIds(), ids -> ids.containsAll(expected));

            for (WebhookReceiver receiver : List.of(slow, fast)) {
                String secret = (receiver == slow ? slowEndpoint : fastEndpoint).path("secret").asText();
                List<Received> requests = receiver.requests();
                for (Received request : requests) {
                    request.assertWellFormed(secret);
                }
                // once in effect: one 2xx answer per event; any other request of it was a retry of a refused one
                Map<String, Long> answered = requests.stream().filter(Received::delivered)
                        .collect(Collectors.groupingBy(Received::eventId, Collectors.counting()));
                for (String id : expected) {
                    assertThat(answered.get(id)).as("2xx answers to event " + id + " (" + typeOf.get(id) + ")")
                            .isEqualTo(1L);
                }
                // in order per booking: as the outbox published them
                for (long bookingId : bookings) {
                    List<String> order = requests.stream().filter(Received::delivered).map(Received::eventId)
                            .filter(published.get(bookingId)::contains).toList();
                    assertThat(order).as("deliveries of booking " + bookingId).isEqualTo(published.get(bookingId));
                    assertThat(order.indexOf(idOf(published.get(bookingId), typeOf, "booking.created")))
                            .isLessThan(order.indexOf(idOf(published.get(bookingId), typeOf, "booking.confirmed")));
                }
            }

            // the slow receiver: its first two requests refused, the same event then retried after 1 s and 2 s
            List<Received> slowRequests = slow.requests();
            assertThat(slowRequests.subList(0, 3)).extracting(Received::status).containsExactly(503, 503, 200);
            assertThat(slowRequests.subList(0, 3)).extracting(Received::eventId).containsOnly(slowRequests.get(0).eventId());
            assertThat(Duration.between(slowRequests.get(0).answeredAt(), slowRequests.get(1).startedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(Duration.between(slowRequests.get(1).answeredAt(), slowRequests.get(2).startedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            // one request at a time per endpoint: none began before the one before it was answered
            for (int i = 1; i < slowRequests.size(); i++) {
                assertThat(slowRequests.get(i).startedAt()).as("request " + i + " to the slow receiver")
                        .isAfterOrEqualTo(slowRequests.get(i - 1).answeredAt());
            }
            // the slow receiver delayed none of the fast one's: each event reached it within seconds of happening,
            // while the slow one fell behind
            Map<String, Duration> fastLag = lags(fast.requests(), expected);
            Map<String, Duration> slowLag = lags(slowRequests, expected);
            assertThat(fastLag.values()).as("fast receiver: from each event to its delivery")
                    .allSatisfy(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(10)));
            assertThat(slowLag.values().stream().max(Duration::compareTo).orElseThrow())
                    .isGreaterThan(fastLag.values().stream().max(Duration::compareTo).orElseThrow().plus(SLOW_ANSWER));

            // the delivery log tells the same (once the sender has recorded the last answers)
            Map<String, JsonNode> slowLog = settled(admin, slowId, expected);
            settled(admin, fastId, expected);
            JsonNode first = slowLog.get(slowRequests.get(0).eventId());
            assertThat(first.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(first.path("attempts").asInt()).isEqualTo(3);
            for (String id : expected) {
                JsonNode delivery = slowLog.get(id);
                assertThat(delivery).as("log entry of event " + id).isNotNull();
                assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
                assertThat(delivery.path("eventType").asText()).isEqualTo(typeOf.get(id));
                assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
                assertThat(delivery.path("lastLatencyMs").asLong()).isGreaterThanOrEqualTo(SLOW_ANSWER.toMillis() - 100);
                assertThat(delivery.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(delivery.path("deliveredAt").isTextual()).isTrue();
            }
            assertThat(Auth.get("/api/admin/webhooks/" + slowId + "/deliveries?status=FAILED", admin).body())
                    .isEqualTo("[]");

            // a delivery sent again on request: pending at once, then answered a second time
            String again = published.get(bookings.get(0)).get(0);
            JsonNode fastDelivery = log(admin, fastId).get(again);
            HttpResponse<String> redelivered = Auth.post("/api/admin/webhooks/" + fastId + "/deliveries/"
                    + fastDelivery.path("id").asLong() + "/redeliver", admin, Map.of());
            assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
            assertThat(Stack.json(redelivered).path("status").asText()).isEqualTo("PENDING");
            Stack.await("event " + again + " answered twice by the fast receiver", Duration.ofSeconds(30),
                    () -> fast.requests().stream().filter(r -> r.delivered() && r.eventId().equals(again)).count(),
                    count -> count == 2);
            JsonNode afterwards = Stack.await("the redelivery logged", Duration.ofSeconds(10),
                    () -> log(admin, fastId).get(again), d -> d.path("status").asText().equals("DELIVERED"));
            assertThat(afterwards.path("attempts").asInt()).isEqualTo(2);
            assertThat(afterwards.path("lastStatusCode").asInt()).isEqualTo(200);
        }
    }

    /**
     * A delivery recorded earlier (a lower id) may commit after a later one has been tried: the endpoint has seen the
     * later one refused, and its retries go first. The late row is written here with a lower id, as that race leaves
     * it; the API cannot make the interleaving happen on cue.
     */
    @Test
    void aRefusedDeliveryIsRetriedBeforeOneRecordedEarlierButCommittedLater() throws Exception {
        String admin = Tokens.admin();
        try (WebhookReceiver receiver = new WebhookReceiver(2, Duration.ZERO)) {
            // a type no other test sends while this one runs, so that the receiver hears only these two
            long endpointId = register(admin, receiver.url(), List.of("booking.refunded")).path("id").asLong();
            String suffix = String.valueOf(System.nanoTime());
            long headId = Database.count("""
                    insert into webhook_deliveries (endpoint_id, event_id, event_type, payload)
                    values (?, ?, 'booking.refunded', '{}') returning id""", endpointId, "first-" + suffix);
            Stack.await("the first attempt refused", Duration.ofSeconds(30), receiver::requests,
                    requests -> !requests.isEmpty());
            Database.update("""
                    insert into webhook_deliveries (id, endpoint_id, event_id, event_type, payload)
                    values (?, ?, ?, 'booking.refunded', '{}')""", -headId, endpointId, "late-" + suffix);

            List<Received> requests = Stack.await("both delivered", Duration.ofSeconds(60), receiver::requests,
                    received -> received.stream().filter(Received::delivered).count() == 2);
            assertThat(requests).extracting(Received::eventId)
                    .containsExactly("first-" + suffix, "first-" + suffix, "first-" + suffix, "late-" + suffix);
            assertThat(requests).extracting(Received::status).containsExactly(503, 503, 200, 200);
        }
    }

    @Test
    void onlyTheEventsSomeEndpointWantsReachTheWebhooksQueue() throws Exception {
        String admin = Tokens.admin();
        // held in the queue (paused) so that what reached it can be counted; no other test wants event.changed
        Broker.pause(WEBHOOKS);
        try {
            long endpointId = register(admin, "http://127.0.0.1:9/never", List.of("event.changed")).path("id").asLong();
            // made and published: event.created (nobody wants it), then event.changed
            long eventId = Catalog.published(admin, Catalog.uniqueName("Webhook interest")).path("id").asLong();
            String ofThisEvent = "aggregateType = 'event' AND aggregateId = '" + eventId + "'";
            Stack.await("both published", Duration.ofSeconds(60), () -> Database.count("select count(*) from outbox"
                    + " where aggregate_type = 'event' and aggregate_id = ? and type in ('event.created', 'event.changed')"
                    + " and published_at is not null", String.valueOf(eventId)), n -> n == 2);
            // the broker took each before its row was marked: event.changed is there, flagged; event.created,
            // flagged unwanted, never was
            assertThat(Broker.depth(WEBHOOKS_QUEUE, ofThisEvent + " AND eventType = 'event.changed'")).isOne();
            assertThat(Broker.depth(WEBHOOKS_QUEUE, ofThisEvent + " AND eventType = 'event.created'")).isZero();
            assertThat(Broker.depth(WEBHOOKS_QUEUE, ofThisEvent + " AND webhooks = TRUE")).isOne();
            assertThat(Auth.delete("/api/admin/webhooks/" + endpointId, admin).statusCode()).isEqualTo(204);
            MADE.remove(endpointId);
        } finally {
            Broker.resume(WEBHOOKS);
        }
    }

    @Test
    void endpointsAreForAdminsOnlyValidatedAndTheirSecretShownOnce() throws Exception {
        String admin = Tokens.admin();
        String user = Tokens.newUser();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/never", "eventTypes", List.of("booking.created"),
                "enabled", false);

        assertThat(Auth.get("/api/admin/webhooks", null).statusCode()).isEqualTo(401);
        assertThat(Auth.get("/api/admin/webhooks", user).statusCode()).isEqualTo(403);
        assertThat(Auth.post("/api/admin/webhooks", user, body).statusCode()).isEqualTo(403);

        HttpResponse<String> created = Auth.post("/api/admin/webhooks", admin, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = Stack.json(created);
        long id = endpoint.path("id").asLong();
        MADE.add(id);
        assertThat(endpoint.path("secret").asText()).startsWith("whsec_");
        assertThat(endpoint.path("enabled").asBoolean()).isFalse();
        assertThat(Auth.get("/api/admin/webhooks/" + id, user).statusCode()).isEqualTo(403);
        HttpResponse<String> read = Auth.get("/api/admin/webhooks/" + id, admin);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Stack.json(read).has("secret")).isFalse();
        assertThat(Auth.get("/api/admin/webhooks", admin).body()).doesNotContain(endpoint.path("secret").asText());

        HttpResponse<String> changed = Auth.put("/api/admin/webhooks/" + id, admin,
                Map.of("url", "http://127.0.0.1:9/other", "eventTypes", List.of("booking.created", "event.created")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Stack.json(changed).path("eventTypes").toString()).contains("event.created");
        assertThat(Stack.json(changed).path("enabled").asBoolean()).as("left as it was").isFalse();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "ftp://127.0.0.1/hook", "eventTypes", List.of("booking.created")),
                Map.of("url", "http://127.0.0.1/" + "a".repeat(2000), "eventTypes", List.of("booking.created")),
                Map.of("url", "http://127.0.0.1/hook", "eventTypes", List.of("booking.exploded")),
                Map.of("url", "http://127.0.0.1/hook", "eventTypes", List.of()))) {
            HttpResponse<String> refused = Auth.post("/api/admin/webhooks", admin, bad);
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(Auth.get("/api/admin/webhooks/" + id + "/deliveries?status=LOST", admin).statusCode()).isEqualTo(400);
        assertThat(Auth.get("/api/admin/webhooks/" + id + "/deliveries?limit=100000", admin).statusCode()).isEqualTo(400);
        assertThat(Auth.post("/api/admin/webhooks/" + id + "/deliveries/999999999/redeliver", admin, Map.of())
                .statusCode()).isEqualTo(404);

        assertThat(Auth.delete("/api/admin/webhooks/" + id, user).statusCode()).isEqualTo(403);
        assertThat(Auth.delete("/api/admin/webhooks/" + id, admin).statusCode()).isEqualTo(204);
        assertThat(Auth.get("/api/admin/webhooks/" + id, admin).statusCode()).isEqualTo(404);
        MADE.remove(id);
    }

    private static JsonNode register(String admin, String url) {
        return register(admin, url, TYPES);
    }

    private static JsonNode register(String admin, String url, List<String> types) {
        HttpResponse<String> response = Auth.post("/api/admin/webhooks", admin, Map.of("url", url, "eventTypes", types));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode endpoint = Stack.json(response);
        MADE.add(endpoint.path("id").asLong());
        assertThat(endpoint.path("enabled").asBoolean()).isTrue();
        assertThat(endpoint.path("secret").asText()).startsWith("whsec_");
        return endpoint;
    }

    /** The endpoint's delivery log by event id (its 200 newest). */
    private static Map<String, JsonNode> log(String admin, long endpointId) {
        HttpResponse<String> response = Auth.get("/api/admin/webhooks/" + endpointId + "/deliveries?limit=200", admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byEvent = new HashMap<>();
        Stack.json(response).forEach(delivery -> byEvent.put(delivery.path("eventId").asText(), delivery));
        return byEvent;
    }

    /** The endpoint's log once every one of {@code events} is DELIVERED in it. */
    private static Map<String, JsonNode> settled(String admin, long endpointId, Set<String> events)
            throws InterruptedException {
        return Stack.await("endpoint " + endpointId + " logs every event delivered", Duration.ofSeconds(15),
                () -> log(admin, endpointId), log -> events.stream().allMatch(id -> log.containsKey(id)
                        && log.get(id).path("status").asText().equals("DELIVERED")));
    }

    /** For each event, from when it happened (the envelope's occurredAt) to its 2xx answer. */
    private static Map<String, Duration> lags(List<Received> requests, Set<String> events) {
        Map<String, Duration> lags = new HashMap<>();
        for (Received request : requests) {
            if (request.delivered() && events.contains(request.eventId())) {
                lags.put(request.eventId(), Duration.between(request.occurredAt(), request.answeredAt()));
            }
        }
        return lags;
    }

    private static String idOf(List<String> ids, Map<String, String> typeOf, String type) {
        return ids.stream().filter(id -> typeOf.get(id).equals(type)).findFirst().orElseThrow();
    }
}
