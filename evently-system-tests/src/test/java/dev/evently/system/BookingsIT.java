package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Catalog.Venue;

/** The booking flow as buyers and door staff use it: hold, pay, tickets, cancel, expiry, check-in. */
class BookingsIT {

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.adminToken();
    }

    static Venue venue() {
        return Catalog.venue(admin, "Booking");
    }

    static HttpResponse<String> hold(String token, long eventId, List<Long> seats) {
        return Auth.post("/api/bookings", token, Map.of("eventId", eventId, "seatIds", seats));
    }

    @Test
    void aHoldTakesExactlyTheSeatsAndShowsInTheCatalogueAtOnce() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        Stack.get("/api/events/" + venue.eventId());  // cached before the hold

        HttpResponse<String> response = hold(buyer, venue.eventId(), List.of(venue.seats().get(1), venue.seats().get(0)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode booking = Stack.json(response);
        assertThat(booking.path("status").asText()).isEqualTo("PENDING");
        assertThat(booking.path("eventId").asLong()).isEqualTo(venue.eventId());
        assertThat(booking.path("totalCents").asLong()).isEqualTo(9000);
        assertThat(booking.path("seats").findValuesAsText("label")).containsExactly("Floor A-1", "Floor A-2");
        Instant expiresAt = Instant.parse(booking.path("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plus(Stack.HOLD_TIME).minusSeconds(5),
                Instant.now().plus(Stack.HOLD_TIME).plusSeconds(1));
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/bookings/" + booking.path("id").asLong()));
        JsonNode map = Stack.json(Stack.get("/api/events/" + venue.eventId() + "/seats"));
        assertThat(map.path("counts").path("held").asInt()).isEqualTo(2);
        assertThat(Stack.json(Stack.get("/api/events/" + venue.eventId())).path("availableSeats").asInt()).isEqualTo(6);
    }

    @Test
    void takenSeatsAreNamedAndNothingChanges() {
        Venue venue = venue();
        String first = Auth.newUserToken();
        String second = Auth.newUserToken();
        assertThat(hold(first, venue.eventId(), venue.seats().subList(0, 2)).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = hold(second, venue.eventId(), venue.seats().subList(1, 4));

        ProblemsIT.assertProblem(refused, 409, "https://evently.dev/problems/seats-unavailable");
        List<Long> named = new ArrayList<>();
        Stack.json(refused).path("unavailableSeatIds").forEach(n -> named.add(n.asLong()));
        assertThat(named).containsExactly(venue.seats().get(1));
        JsonNode counts = Stack.json(Stack.get("/api/events/" + venue.eventId() + "/seats")).path("counts");
        assertThat(counts.path("held").asInt()).isEqualTo(2);
        assertThat(counts.path("available").asInt()).isEqualTo(6);
    }

    @Test
    void seatsLockedElsewhereAreBusyUntilReleasedAndTheRefusalChangesNothing() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();

        HttpResponse<String> busy = Database.whileLocking("select id from seats where id = ? for update",
                () -> hold(buyer, venue.eventId(), venue.seats().subList(0, 2)), venue.seats().get(1));

        ProblemsIT.assertProblem(busy, 409, "https://evently.dev/problems/seats-busy");
        assertThat(Database.count("select count(*) from bookings where event_id = ?", venue.eventId())).isZero();
        assertThat(Database.count("select count(*) from seats where event_id = ? and status = 'AVAILABLE'",
                venue.eventId())).isEqualTo(venue.seats().size());
        assertThat(hold(buyer, venue.eventId(), venue.seats().subList(0, 2)).statusCode()).isEqualTo(201);
    }

    @Test
    void aSeatOfAnotherEventIsUnavailableForThisOne() {
        Venue one = venue();
        Venue other = venue();
        String buyer = Auth.newUserToken();

        HttpResponse<String> refused = hold(buyer, one.eventId(), List.of(one.seats().get(0), other.seats().get(0)));

        ProblemsIT.assertProblem(refused, 409, "https://evently.dev/problems/seats-unavailable");
        assertThat(Stack.json(refused).path("unavailableSeatIds").get(0).asLong()).isEqualTo(other.seats().get(0));
        assertThat(Database.count("select count(*) from seats where event_id in (?, ?) and status <> 'AVAILABLE'",
                one.eventId(), other.eventId())).isZero();
    }

    @Test
    void badHoldRequestsAreRefusedNamingTheField() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        List<Long> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(1_000_000L + i);
        }
        record Case(Object body, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("eventId", venue.eventId(), "seatIds", List.of()), "seatIds"),
                new Case(Map.of("eventId", venue.eventId(), "seatIds", eleven), "seatIds"),
                new Case(Map.of("eventId", venue.eventId(), "seatIds", List.of(venue.seats().get(0), venue.seats().get(0))),
                        "seatIds"),
                new Case(Map.of("eventId", venue.eventId(), "seatIds", List.of(-5)), "seatIds[0].<list element>"),
                new Case(Map.of("seatIds", List.of(venue.seats().get(0))), "eventId"),
                new Case(Map.of("eventId", -1, "seatIds", List.of(venue.seats().get(0))), "eventId"));
        for (Case c : cases) {
            HttpResponse<String> response = Auth.post("/api/bookings", buyer, c.body());
            ProblemsIT.assertProblem(response, 400, "https://evently.dev/problems/invalid-request");
            assertThat(Stack.json(response).path("violations").findValuesAsText("field")).as(c.body().toString())
                    .anySatisfy(field -> assertThat(field).startsWith(c.field().split("\\[")[0]));
        }
        for (String raw : List.of("{\"eventId\":" + venue.eventId() + ",\"seatIds\":[" + venue.seats().get(0) + "],\"x\":1}",
                "{\"eventId\":\"one\",\"seatIds\":[1]}", "{\"eventId\":1,", "")) {
            HttpResponse<String> response = Auth.send("POST", "/api/bookings", buyer, raw);
            assertThat(response.statusCode()).as(raw).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(raw).hasValue("application/problem+json");
        }
        assertThat(Database.count("select count(*) from seats where event_id = ? and status <> 'AVAILABLE'",
                venue.eventId())).isZero();
        ProblemsIT.assertProblem(hold(buyer, 999_999_999L, List.of(venue.seats().get(0))), 404,
                "https://evently.dev/problems/event-not-found");
    }

    @Test
    void onlyPublishedEventsSell() {
        long draft = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Draft sale"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100)))).path("id").asLong();
        long seat = Database.count("select min(id) from seats where event_id = ?", draft);
        Venue cancelled = venue();
        Auth.delete("/api/admin/events/" + cancelled.eventId(), admin);
        String buyer = Auth.newUserToken();

        ProblemsIT.assertProblem(hold(buyer, draft, List.of(seat)), 409, "https://evently.dev/problems/event-not-on-sale");
        ProblemsIT.assertProblem(hold(buyer, cancelled.eventId(), List.of(cancelled.seats().get(0))), 409,
                "https://evently.dev/problems/event-not-on-sale");
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstBooking() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        String key = "retry-" + venue.eventId();
        Map<String, Object> body = Map.of("eventId", venue.eventId(), "seatIds", List.of(venue.seats().get(0)));

        HttpResponse<String> first = withKey(buyer, key, body);
        HttpResponse<String> retry = withKey(buyer, key, body);
        HttpResponse<String> reused = withKey(buyer, key,
                Map.of("eventId", venue.eventId(), "seatIds", List.of(venue.seats().get(1))));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(Stack.json(retry).path("id").asLong()).isEqualTo(Stack.json(first).path("id").asLong());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        ProblemsIT.assertProblem(reused, 422, "https://evently.dev/problems/idempotency-key-reused");
        assertThat(Database.count("select count(*) from bookings where event_id = ?", venue.eventId())).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesWithOneKeyMakeOneBooking() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        Map<String, Object> body = Map.of("eventId", venue.eventId(), "seatIds", List.of(venue.seats().get(2)));

        List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> withKey(buyer, "dup-" + venue.eventId(), body)))
                .toList();
        List<HttpResponse<String>> responses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).map(r -> Stack.json(r).path("id").asLong())
                .distinct()).hasSize(1);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertThat(Stack.json(r).path("type").asText())
                .isIn("https://evently.dev/problems/request-in-flight", "https://evently.dev/problems/conflict"));
        assertThat(Database.count("select count(*) from bookings where event_id = ?", venue.eventId())).isEqualTo(1);
    }

    @Test
    void payingIssuesOneSignedTicketPerSeatAndCancellingRefundsIt() throws Exception {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        long id = Stack.json(hold(buyer, venue.eventId(), venue.seats().subList(0, 3))).path("id").asLong();
        JsonNode payment = Provider.open(buyer, id);
        assertThat(payment.path("status").asText()).isEqualTo("PENDING");
        assertThat(payment.path("amountCents").asLong()).isEqualTo(3 * 4500);
        assertThat(Provider.open(buyer, id).path("id").asLong()).as("the open checkout again").isEqualTo(payment.path("id").asLong());
        assertThat(Stack.json(Auth.get("/api/bookings/" + id, buyer)).path("status").asText()).isEqualTo("PENDING");

        Provider.succeed(Provider.providerId(payment));
        JsonNode booking = Provider.awaitStatus(buyer, id, Set.of("CONFIRMED"));

        assertThat(booking.path("paymentReference").asText()).isEqualTo(Provider.providerId(payment));
        assertThat(booking.path("tickets")).hasSize(3);
        assertThat(booking.path("tickets").findValuesAsText("status")).containsOnly("VALID");
        assertThat(booking.path("tickets").findValuesAsText("code")).allMatch(code -> code.matches("EVT1-" + id + "-\\d+-[\\w-]{32}"));
        assertThat(booking.path("payments")).hasSize(1);
        assertThat(booking.path("payments").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Stack.json(Stack.get("/api/events/" + venue.eventId() + "/seats")).path("counts").path("booked").asInt())
                .isEqualTo(3);
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/payments", buyer, Map.of()), 409,
                "https://evently.dev/problems/booking-not-payable");
        assertThat(Auth.post("/api/bookings/" + id + "/confirm", buyer, Map.of("paymentReference", "free")).statusCode())
                .as("no confirming without the provider").isIn(404, 405);

        HttpResponse<String> cancelled = Auth.post("/api/bookings/" + id + "/cancel", buyer, Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Stack.json(cancelled).path("status").asText()).isEqualTo("REFUND_PENDING");
        assertThat(Stack.json(cancelled).path("seats")).hasSize(3);
        assertThat(Stack.json(cancelled).path("tickets").findValuesAsText("status")).containsOnly("VOID");
        assertThat(Stack.json(Stack.get("/api/events/" + venue.eventId() + "/seats")).path("counts").path("available").asInt())
                .isEqualTo(8);
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/cancel", buyer, Map.of()), 409,
                "https://evently.dev/problems/booking-not-cancellable");
        JsonNode refunded = Provider.awaitStatus(buyer, id, Set.of("REFUNDED"));
        assertThat(refunded.path("payments").get(0).path("refundStatus").asText()).isEqualTo("SUCCEEDED");
        MoneyAudit.of(venue.eventId()).assertMoneyAddsUp(true);
    }

    @Test
    void aHoldThatRunsOutIsExpiredByTheTimerAndCannotBePaid() throws Exception {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        long id = Stack.json(hold(buyer, venue.eventId(), venue.seats().subList(0, 2))).path("id").asLong();

        // let the hold run out now instead of in ten minutes
        assertThat(Database.update("update bookings set expires_at = now() - interval '1 second' where id = ?", id)).isEqualTo(1);
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/payments", buyer, Map.of()),
                409, "https://evently.dev/problems/booking-not-payable");

        Stack.pollGet("/api/events/" + venue.eventId() + "/seats", Duration.ofSeconds(30),
                r -> Stack.json(r).path("counts").path("available").asInt() == 8);
        assertThat(Stack.json(Auth.get("/api/bookings/" + id, buyer)).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(Database.count("select count(*) from outbox where aggregate_type = 'booking' and aggregate_id = ? "
                + "and type = 'booking.expired'", String.valueOf(id))).isEqualTo(1);
        assertThat(hold(Auth.newUserToken(), venue.eventId(), venue.seats().subList(0, 2)).statusCode()).isEqualTo(201);
    }

    @Test
    void aBookingIsVisibleToItsOwnerAndAdminsOnly() {
        Venue venue = venue();
        String owner = Auth.newUserToken();
        String stranger = Auth.newUserToken();
        long id = Stack.json(hold(owner, venue.eventId(), venue.seats().subList(0, 1))).path("id").asLong();

        assertThat(Auth.get("/api/bookings/" + id, owner).statusCode()).isEqualTo(200);
        assertThat(Auth.get("/api/bookings/" + id, admin).statusCode()).isEqualTo(200);
        ProblemsIT.assertProblem(Auth.get("/api/bookings/" + id, stranger), 404, "https://evently.dev/problems/booking-not-found");
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/payments", stranger, Map.of()),
                404, "https://evently.dev/problems/booking-not-found");
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/cancel", stranger, Map.of()), 404,
                "https://evently.dev/problems/booking-not-found");
        assertThat(Stack.json(Auth.get("/api/bookings/" + id, owner)).path("status").asText()).isEqualTo("PENDING");
        ProblemsIT.assertProblem(Auth.get("/api/bookings/" + id, null), 401, "https://evently.dev/problems/unauthorized");
    }

    @Test
    void myBookingsAreNewestFirstAndPaged() {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Stack.json(hold(buyer, venue.eventId(), List.of(venue.seats().get(i)))).path("id").asLong());
        }

        JsonNode page = Stack.json(Auth.get("/api/bookings/my-bookings?size=2", buyer));
        JsonNode second = Stack.json(Auth.get("/api/bookings/my-bookings?size=2&page=1", buyer));

        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(bookingIds(page)).containsExactly(ids.get(2), ids.get(1));
        assertThat(bookingIds(second)).containsExactly(ids.get(0));
        ProblemsIT.assertProblem(Auth.get("/api/bookings/my-bookings?size=0", buyer), 400,
                "https://evently.dev/problems/invalid-request");
    }

    @Test
    void ticketsRenderAsQrForTheirOwnerAndAdmitOnceAndAUsedOneStopsTheCancel() throws Exception {
        Venue venue = venue();
        String buyer = Auth.newUserToken();
        long id = Stack.json(hold(buyer, venue.eventId(), venue.seats().subList(0, 2))).path("id").asLong();
        JsonNode tickets = Provider.pay(buyer, id).path("tickets");
        long ticketId = tickets.get(0).path("id").asLong();
        String code = tickets.get(0).path("code").asText();

        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Stack.BASE_URL + "/api/tickets/" + ticketId + "/qr"))
                .header("Authorization", "Bearer " + buyer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Auth.get("/api/tickets/" + ticketId + "/qr", Auth.newUserToken()).statusCode()).isEqualTo(404);

        ProblemsIT.assertProblem(Auth.post("/api/admin/check-in", buyer, Map.of("code", code)), 403,
                "https://evently.dev/problems/forbidden");
        HttpResponse<String> admitted = Auth.post("/api/admin/check-in", admin, Map.of("code", code));
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(Stack.json(admitted).path("seatLabel").asText()).isEqualTo("Floor A-1");
        assertThat(Stack.json(admitted).path("checkedInAt").asText()).isNotBlank();
        ProblemsIT.assertProblem(Auth.post("/api/admin/check-in", admin, Map.of("code", code)), 409,
                "https://evently.dev/problems/ticket-already-checked-in");
        String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
        ProblemsIT.assertProblem(Auth.post("/api/admin/check-in", admin, Map.of("code", forged)), 400,
                "https://evently.dev/problems/invalid-request");
        String otherSeat = code.replaceFirst("-(\\d+)-", "-" + venue.seats().get(5) + "-");
        ProblemsIT.assertProblem(Auth.post("/api/admin/check-in", admin, Map.of("code", otherSeat)), 400,
                "https://evently.dev/problems/invalid-request");

        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/cancel", buyer, Map.of()), 409,
                "https://evently.dev/problems/ticket-checked-in");
        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + id + "/cancel", admin, Map.of()), 409,
                "https://evently.dev/problems/ticket-checked-in");

        long other = Stack.json(hold(buyer, venue.eventId(), venue.seats().subList(2, 3))).path("id").asLong();
        String voidCode = Provider.pay(buyer, other).path("tickets").get(0).path("code").asText();
        assertThat(Auth.post("/api/bookings/" + other + "/cancel", buyer, Map.of()).statusCode()).isEqualTo(200);
        ProblemsIT.assertProblem(Auth.post("/api/admin/check-in", admin, Map.of("code", voidCode)), 409,
                "https://evently.dev/problems/ticket-void");
    }

    private static List<Long> bookingIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private static HttpResponse<String> withKey(String token, String key, Object body) {
        try {
            return Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/bookings"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
