package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the concurrency tests share: the event they rush, the server's hold time, the checks after a rush. */
final class Rushes {

    /** Shoppers per rush, each with an account and a connection of its own. */
    static final int SHOPPERS = 200;

    private Rushes() {
    }

    /** A published event with the given sections; returns its id. */
    static long publishedEvent(String prefix, List<Map<String, Object>> sections) {
        String admin = Tokens.admin();
        JsonNode event = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName(prefix), "Rush Arena", Catalog.START,
                sections));
        return Catalog.publish(admin, event.path("id").asLong()).path("id").asLong();
    }

    /**
     * The hold time the server at baseUrl really applies, from a booking of one seat of a small event of its own
     * (then cancelled). A race with expiry means nothing when holds last longer than the race.
     */
    static Duration serverHoldTime(String baseUrl) {
        long eventId = Catalog.published(Tokens.admin(), Catalog.uniqueName("Hold probe")).path("id").asLong();
        String user = Tokens.newUser();
        JsonNode seat = Stack.json(Stack.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/events/" + eventId + "/seats")).GET())).path("seats").get(0);
        HttpResponse<String> held = Stack.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + user)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"eventId\":" + eventId + ",\"seatIds\":[" + seat.path("id").asLong() + "]}")));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        JsonNode booking = Stack.json(held);
        HttpResponse<String> cancelled = Stack.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/bookings/" + booking.path("id").asLong() + "/cancel"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + user)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        return Duration.between(Instant.parse(booking.path("createdAt").asText()),
                Instant.parse(booking.path("expiresAt").asText()));
    }

    /** Fails unless every server holds seats for the short time the suite runs with (evently.booking.hold-time). */
    static void requireShortHolds(List<String> baseUrls) {
        assertThat(Stack.HOLD_TIME).as("evently.booking.hold-time: run the tests through ./evently test, which "
                + "starts the servers with a short EVENTLY_BOOKING_HOLD_TIME").isLessThanOrEqualTo(Duration.ofMinutes(1));
        for (String baseUrl : baseUrls) {
            assertThat(serverHoldTime(baseUrl)).as("hold time of " + baseUrl)
                    .isBetween(Stack.HOLD_TIME.minusSeconds(1), Stack.HOLD_TIME.plusSeconds(1));
        }
    }

    /**
     * Polls each server's seat map and event details until their counts agree with the database (caches are
     * evicted after each commit), with a deadline; returns the disagreement left, or null.
     */
    static String seatMapsDisagreement(long eventId, List<String> baseUrls, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String disagreement;
        do {
            disagreement = null;
            Map<String, Object> db = Database.row("""
                    select count(*) filter (where status = 'AVAILABLE') as available,
                           count(*) filter (where status = 'HELD') as held,
                           count(*) filter (where status = 'BOOKED') as booked
                    from seats where event_id = ?""", eventId);
            for (String baseUrl : baseUrls) {
                JsonNode counts = Stack.json(Stack.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/events/" + eventId + "/seats")).GET())).path("counts");
                long listed = Stack.json(Stack.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/events/" + eventId)).GET())).path("availableSeats").asLong();
                for (String count : List.of("available", "held", "booked")) {
                    if (counts.path(count).asLong() != ((Number) db.get(count)).longValue()) {
                        disagreement = baseUrl + " seat map " + counts + ", database " + db;
                    }
                }
                if (listed != ((Number) db.get("available")).longValue()) {
                    disagreement = baseUrl + " event availableSeats " + listed + ", database " + db;
                }
            }
            if (disagreement == null) {
                return null;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        return disagreement;
    }

    /** The figures of a rush, printed for the record before anything is asserted. */
    static void report(String name, SeatRush rush, SalesAudit audit, long deadlocks) {
        System.out.println(rush.figures(name, deadlocks));
        System.out.println("    " + audit.figures());
        rush.unexpected.forEach(sample -> System.out.println("    unexpected: " + sample));
    }

    /** Every answer was one the API documents for a race: no 5xx, no lost request, nothing else. */
    static void assertOnlyExpectedAnswers(SeatRush rush) {
        assertThat(rush.serverErrors.sum()).as("5xx answers; samples " + rush.unexpected).isZero();
        assertThat(rush.transportErrors.sum()).as("requests without an answer; samples " + rush.unexpected).isZero();
        assertThat(rush.unexpectedCount.sum()).as("unexpected answers; samples " + rush.unexpected).isZero();
    }
}
