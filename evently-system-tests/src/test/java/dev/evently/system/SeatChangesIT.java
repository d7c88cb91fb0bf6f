package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live seat availability: a snapshot with its generation, then only what changes, from every instance, resumable,
 * with a new snapshot asked for when the client is too far behind or the event changed; bounded per address.
 */
class SeatChangesIT {

    private static final Duration SEEN = Duration.ofSeconds(10);
    private static final String PROBLEMS = "https://evently.dev/problems/";

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.adminToken();
    }

    /** The other instance when there is one: a change made on one must reach watchers on the other. */
    private static String watchedInstance() {
        return Stack.SECOND_BASE_URL.isBlank() ? Stack.BASE_URL : Stack.SECOND_BASE_URL;
    }

    /** The map's generation; absent only while Redis is away, as it may be just after another test's outage. */
    private static long generation(long eventId) throws InterruptedException {
        return Stack.json(Stack.pollGet("/api/events/" + eventId + "/seats", SEEN,
                response -> Stack.json(response).has("generation"))).path("generation").asLong();
    }

    static HttpResponse<String> poll(long eventId, String since) {
        return Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/events/" + eventId
                + "/seats/changes" + (since == null ? "" : "?since=" + since))).header("Accept", "application/json"));
    }

    private static Map<Long, String> none(List<Long> seats) {
        Map<Long, String> statuses = new HashMap<>();
        seats.forEach(seat -> statuses.put(seat, "?"));
        return statuses;
    }

    @Test
    void aHoldAndACancelOnOneInstanceReachAWatcherOnTheOtherAsOnlyTheSeatsThatChanged() throws Exception {
        long eventId = Catalog.published(admin, Catalog.uniqueName("Live seats")).path("id").asLong();
        List<Long> seats = Catalog.seatIds(eventId);
        long snapshot = generation(eventId);
        Map<Long, String> seen = none(seats.subList(0, 2));

        try (SeatStream stream = SeatStream.open(watchedInstance(), eventId, String.valueOf(snapshot), null,
                Stack.randomAddress())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            String buyer = Auth.newUserToken();
            HttpResponse<String> held = BookingsIT.hold(buyer, eventId, seats.subList(0, 2));
            assertThat(held.statusCode()).isEqualTo(201);

            SeatStream.Event heldEvent = stream.awaitStatus(SEEN, seen, "HELD");
            assertThat(SeatStream.statuses(heldEvent.data())).as("only the seats that changed").hasSizeLessThanOrEqualTo(2);
            assertThat(Long.parseLong(heldEvent.id())).as("the generation").isGreaterThan(snapshot);

            long bookingId = Stack.json(held).path("id").asLong();
            assertThat(Auth.post("/api/bookings/" + bookingId + "/cancel", buyer, Map.of()).statusCode())
                    .isEqualTo(200);
            SeatStream.Event released = stream.awaitStatus(SEEN, seen, "AVAILABLE");
            assertThat(Long.parseLong(released.id())).isGreaterThan(Long.parseLong(heldEvent.id()));
        }
        JsonNode map = Stack.json(Stack.get("/api/events/" + eventId + "/seats"));
        assertThat(map.path("counts").path("available").asInt()).isEqualTo(seats.size());
    }

    @Test
    void aClientThatComesBackWithItsLastEventIdOrPollsMissesNothing() throws Exception {
        long eventId = Catalog.published(admin, Catalog.uniqueName("Resumed seats")).path("id").asLong();
        List<Long> seats = Catalog.seatIds(eventId);
        long snapshot = generation(eventId);
        assertThat(BookingsIT.hold(Auth.newUserToken(), eventId, seats.subList(2, 5)).statusCode()).isEqualTo(201);

        try (SeatStream stream = SeatStream.open(watchedInstance(), eventId, null, String.valueOf(snapshot),
                Stack.randomAddress())) {
            stream.awaitStatus(SEEN, none(seats.subList(2, 5)), "HELD");
        }

        JsonNode changes = Stack.json(poll(eventId, String.valueOf(snapshot)));
        assertThat(changes.path("snapshotNeeded").asBoolean()).isFalse();
        assertThat(changes.path("generation").asLong()).isGreaterThan(snapshot);
        Map<Long, String> held = new HashMap<>();
        seats.subList(2, 5).forEach(seat -> held.put(seat, "HELD"));
        assertThat(SeatStream.statuses(changes.path("seats"))).isEqualTo(held);
        assertThat(SeatRuns.ids(changes.path("seats").path("HELD").asText())).as("ids ascending").isSorted();
        JsonNode nothing = Stack.json(poll(eventId, changes.path("generation").asText()));
        assertThat(nothing.path("generation").asLong()).isEqualTo(changes.path("generation").asLong());
        assertThat(nothing.path("seats").size()).isZero();
        assertThat(generation(eventId)).isGreaterThanOrEqualTo(changes.path("generation").asLong());
    }

    @Test
    void aClientTooFarBehindOrWhoseEventChangedIsToldToTakeANewSnapshot() throws Exception {
        long eventId = Catalog.published(admin, Catalog.uniqueName("Reset seats")).path("id").asLong();
        long snapshot = generation(eventId);

        JsonNode forgotten = Stack.json(poll(eventId, String.valueOf(snapshot + 1_000_000)));
        assertThat(forgotten.path("snapshotNeeded").asBoolean()).isTrue();
        JsonNode tooOld = Stack.json(poll(eventId, "0"));
        assertThat(tooOld.path("snapshotNeeded").asBoolean()).isTrue();
        assertThat(tooOld.path("generation").asLong()).isEqualTo(snapshot);

        try (SeatStream stream = SeatStream.open(watchedInstance(), eventId, String.valueOf(snapshot), null,
                Stack.randomAddress())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(Auth.delete("/api/admin/events/" + eventId, admin).statusCode()).isEqualTo(200);
            SeatStream.Event reset = stream.await("snapshot", SEEN, event -> "snapshot".equals(event.name()));
            assertThat(reset.data().size()).as("no seats").isZero();
        }
    }

    @Test
    void badGenerationsUnknownEventsAndTooManyStreamsAreProblemsThatChangeNothing() throws Exception {
        long eventId = Catalog.published(admin, Catalog.uniqueName("Bounded seats")).path("id").asLong();
        ProblemsIT.assertProblem(poll(eventId, "soon"), 400, PROBLEMS + "invalid-request");
        ProblemsIT.assertProblem(poll(eventId, null), 400, PROBLEMS + "invalid-request");
        ProblemsIT.assertProblem(poll(987_654_321L, "1"), 404, PROBLEMS + "event-not-found");
        try (SeatStream unknown = SeatStream.open(Stack.BASE_URL, 987_654_321L, null, null, Stack.randomAddress())) {
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorBody()).contains("event-not-found");
        }
        try (SeatStream bad = SeatStream.open(Stack.BASE_URL, eventId, null, "-5", Stack.randomAddress())) {
            assertThat(bad.status()).isEqualTo(400);
        }

        String address = Stack.randomAddress();
        List<SeatStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                SeatStream stream = SeatStream.open(Stack.BASE_URL, eventId, null, null, address);
                open.add(stream);
                assertThat(stream.status()).as("stream " + (i + 1)).isEqualTo(200);
            }
            try (SeatStream refused = SeatStream.open(Stack.BASE_URL, eventId, null, null, address)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.response().headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.errorBody()).contains("too-many-requests");
            }
            try (SeatStream elsewhere = SeatStream.open(Stack.BASE_URL, eventId, null, null, Stack.randomAddress())) {
                assertThat(elsewhere.status()).as("another address still may").isEqualTo(200);
            }
        } finally {
            open.forEach(SeatStream::close);
        }
        // the server finds a closed stream when it next writes to it: a heartbeat at the latest, every 5 s
        Stack.await("a stream from the address again once the others closed", Duration.ofSeconds(40), () -> {
            try (SeatStream again = SeatStream.open(Stack.BASE_URL, eventId, null, null, address)) {
                return again.status();
            }
        }, status -> status == 200);
    }
}
