package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * The waitlist as people use it: join a sold-out event, get a time-limited offer (a pending booking holding
 * released seats) when someone cancels or a hold runs out, in join order; an unused offer passes on.
 */
class WaitlistIT {

    /** The relay publishes every second, the expiry sweep runs every 5 s; offers follow within seconds. */
    private static final Duration OFFER_ARRIVES = Duration.ofSeconds(45);
    private static final JsonNode NOT_YET = Stack.JSON.createObjectNode().put("status", "(503, asked again)");

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
    }

    @Test
    void joiningASoldOutEventQueuesOnceAndLeavingEndsThePlace() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Waitlist join"), 2);
        Account buyer = Tokens.newUsers(1).get(0);
        Account fan = Tokens.newUsers(1).get(0);

        HttpResponse<String> early = join(fan, event, 1);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(Stack.json(early).path("type").asText()).endsWith("seats-available");

        buy(buyer, event, Catalog.seatIds(event));  // bought, not held: a hold would run out mid-test
        HttpResponse<String> joined = join(fan, event, 2);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        JsonNode entry = Stack.json(joined);
        assertThat(entry.path("status").asText()).isEqualTo("WAITING");
        assertThat(entry.path("position").asInt()).isEqualTo(1);
        assertThat(entry.path("seatsWanted").asInt()).isEqualTo(2);
        assertThat(entry.hasNonNull("offer")).isFalse();

        HttpResponse<String> again = join(fan, event, 1);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Stack.json(again).path("type").asText()).endsWith("already-waiting");

        Account second = Tokens.newUsers(1).get(0);
        assertThat(Stack.json(join(second, event, 1)).path("position").asInt()).isEqualTo(2);

        JsonNode mine = Stack.json(Auth.get("/api/waitlist/my-entries", fan.token()));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("id").asLong()).isEqualTo(entry.path("id").asLong());

        long id = entry.path("id").asLong();
        assertThat(Auth.delete("/api/waitlist/" + id, second.token()).statusCode()).isEqualTo(404);
        assertThat(Auth.delete("/api/waitlist/" + id, fan.token()).statusCode()).isEqualTo(204);
        assertThat(Stack.json(Auth.get("/api/waitlist/my-entries", fan.token())).get(0).path("status").asText())
                .isEqualTo("LEFT");
        assertThat(Auth.delete("/api/waitlist/" + id, fan.token()).statusCode()).isEqualTo(409);
        assertThat(Stack.json(Auth.get("/api/waitlist/my-entries", second.token())).get(0).path("position").asInt())
                .as("the second person moved up").isEqualTo(1);
        assertThat(join(fan, event, 2).statusCode()).as("may queue again after leaving").isEqualTo(201);
    }

    @Test
    void badJoinsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        Account fan = Tokens.newUsers(1).get(0);
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Waitlist bad"), 1);
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("eventId", event, "seats", 0), Map.of("eventId", event, "seats", 11), Map.of("seats", 1),
                Map.of("eventId", event), Map.of("eventId", -1, "seats", 1), Map.of("eventId", event, "seats", "two"))) {
            HttpResponse<String> response = Auth.post("/api/waitlist/join", fan.token(), body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(join(fan, 999_999_999L, 1).statusCode()).isEqualTo(404);
        assertThat(Stack.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Stack.BASE_URL + "/api/waitlist/my-entries")).GET())
                .statusCode()).isEqualTo(401);
        assertThat(Database.count("select count(*) from waitlist_entries where user_id = ?", fan.id())).isZero();
    }

    @Test
    void aCancelOffersTheReleasedSeatsToTheFirstInLineOnly() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Waitlist cancel"), 2);
        List<Long> seats = Catalog.seatIds(event);
        Account buyer = Tokens.newUsers(1).get(0);
        Account first = Tokens.newUsers(1).get(0);
        Account second = Tokens.newUsers(1).get(0);
        long booking = hold(buyer, event, seats);
        long firstEntry = Stack.json(join(first, event, 2)).path("id").asLong();
        long secondEntry = Stack.json(join(second, event, 2)).path("id").asLong();

        assertThat(Auth.post("/api/bookings/" + booking + "/cancel", buyer.token(), Map.of()).statusCode()).isEqualTo(200);

        JsonNode offered = awaitEntry(first, firstEntry, "OFFERED");
        long offer = offered.path("offer").path("bookingId").asLong();
        JsonNode offerBooking = Stack.json(Auth.get("/api/bookings/" + offer, first.token()));
        assertThat(offerBooking.path("status").asText()).isEqualTo("PENDING");
        assertThat(offerBooking.path("seats").findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrderElementsOf(seats);
        assertThat(entry(second, secondEntry).path("status").asText()).as("no blast: the second waits").isEqualTo("WAITING");

        JsonNode confirmed = Provider.pay(first.token(), offer);
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(entry(first, firstEntry).path("status").asText()).isEqualTo("CONVERTED");
        assertThat(Database.count("select count(*) from tickets where booking_id = ? and status = 'VALID'", offer)).isEqualTo(2);
    }

    @Test
    void anExpiredHoldIsOfferedAndAnUnusedOfferPassesToTheNextPerson() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Waitlist expiry"), 3);
        List<Long> seats = Catalog.seatIds(event);
        Account buyer = Tokens.newUsers(1).get(0);
        Account first = Tokens.newUsers(1).get(0);
        Account small = Tokens.newUsers(1).get(0);
        Account second = Tokens.newUsers(1).get(0);
        long booking = hold(buyer, event, seats.subList(0, 2));
        buy(Tokens.newUsers(1).get(0), event, seats.subList(2, 3));
        long firstEntry = Stack.json(join(first, event, 2)).path("id").asLong();
        long secondEntry = Stack.json(join(second, event, 2)).path("id").asLong();

        runOut(booking);
        long firstOffer = awaitEntry(first, firstEntry, "OFFERED").path("offer").path("bookingId").asLong();
        assertThat(entry(second, secondEntry).path("status").asText()).isEqualTo("WAITING");

        runOut(firstOffer);
        JsonNode lapsed = awaitEntry(first, firstEntry, "EXPIRED");
        assertThat(lapsed.path("offer").path("bookingId").asLong()).isEqualTo(firstOffer);
        assertThat(Stack.json(Auth.get("/api/bookings/" + firstOffer, first.token())).path("status").asText()).isEqualTo("EXPIRED");
        long secondOffer = awaitEntry(second, secondEntry, "OFFERED").path("offer").path("bookingId").asLong();
        assertThat(secondOffer).isNotEqualTo(firstOffer);

        // declining (leaving) passes the seats on again; the small wish behind fits now
        long smallEntry = Stack.json(join(small, event, 1)).path("id").asLong();
        assertThat(Auth.delete("/api/waitlist/" + secondEntry, second.token()).statusCode()).isEqualTo(204);
        assertThat(entry(second, secondEntry).path("status").asText()).isEqualTo("LEFT");
        assertThat(Stack.json(Auth.get("/api/bookings/" + secondOffer, second.token())).path("status").asText()).isEqualTo("CANCELLED");
        awaitEntry(small, smallEntry, "OFFERED");
    }

    static HttpResponse<String> join(Account account, long eventId, int seats) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", eventId);
        body.put("seats", seats);
        return Auth.post("/api/waitlist/join", account.token(), body);
    }

    static long hold(Account account, long eventId, List<Long> seats) {
        HttpResponse<String> held = Auth.post("/api/bookings", account.token(), Map.of("eventId", eventId, "seatIds", seats));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        return Stack.json(held).path("id").asLong();
    }

    static void buy(Account account, long eventId, List<Long> seats) throws InterruptedException {
        Provider.pay(account.token(), hold(account, eventId, seats));
    }

    /** What only time would do otherwise: the hold (or offer) runs out now; the expiry sweep does the rest. */
    static void runOut(long bookingId) {
        assertThat(Database.update("update bookings set expires_at = now() - interval '1 second' where id = ?", bookingId))
                .isEqualTo(1);
    }

    static JsonNode entry(Account account, long entryId) {
        HttpResponse<String> mine = Auth.get("/api/waitlist/my-entries", account.token());
        if (mine.statusCode() == 503 && mine.headers().firstValue("Retry-After").isPresent()) {
            return NOT_YET; // a part was away for a moment: the answer says to ask again, as any client would
        }
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        for (JsonNode entry : Stack.json(mine)) {
            if (entry.path("id").asLong() == entryId) {
                return entry;
            }
        }
        throw new AssertionError("entry " + entryId + " not among the caller's");
    }

    static JsonNode awaitEntry(Account account, long entryId, String status) throws InterruptedException {
        return Stack.await("waitlist entry " + entryId + " " + status, OFFER_ARRIVES, () -> entry(account, entryId),
                entry -> entry.path("status").asText().equals(status));
    }
}
