package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Catalog.Venue;

/**
 * Sales analytics as an admin reads them: the figures counted from the domain events as the outbox publishes them
 * must come to equal a recount of the bookings themselves; a message someone else sends to the topic counts nothing.
 */
class AnalyticsIT {

    static final Duration CONSUMED = Duration.ofSeconds(30);
    static final String FIGURES = "/api/admin/analytics/events/";
    static final String SUMMARY = "/api/admin/analytics/summary";
    static final List<String> TOTALS = List.of("bookings", "seatsSold", "revenueCents", "cancellations", "expiries",
            "waitlistJoins", "waitlistOffers");
    /** The totals a recount can check (a join leaves nothing to recount once its entry moves on). */
    static final List<String> RECOUNTED = List.of("bookings", "seatsSold", "revenueCents", "cancellations", "expiries",
            "waitlistOffers");

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
    }

    static Venue venue() {
        return Catalog.venue(admin, "Analytics");
    }

    @Test
    void anEventsFiguresComeToEqualARecountOfItsBookings() throws Exception {
        Venue venue = venue();
        List<Tokens.Account> buyers = Tokens.newUsers(5);
        long paid = book(buyers.get(0), venue, 0, 1);                 // Floor ×2, 90.00
        confirm(buyers.get(0), paid);
        long refunded = book(buyers.get(1), venue, 2);                // Floor, 45.00: paid, then cancelled
        confirm(buyers.get(1), refunded);
        cancel(buyers.get(1), refunded);
        cancel(buyers.get(2), book(buyers.get(2), venue, 3));         // cancelled while pending
        long expiring = book(buyers.get(3), venue, 4);
        long balcony = book(buyers.get(4), venue, 6, 7);              // Balcony ×2, 40.00
        confirm(buyers.get(4), balcony);
        // let the hold run out now rather than after the hold time; the timer expires it within seconds
        assertThat(Database.update("update bookings set expires_at = now() - interval '1 second' where id = ?",
                expiring)).isEqualTo(1);
        poll("booking " + expiring + " expired", () -> Auth.get("/api/bookings/" + expiring, buyers.get(3).token()),
                r -> Stack.json(r).path("status").asText().equals("EXPIRED"));
        // someone waiting right now (written directly: the waitlist size is a live count, not from events)
        Database.update("insert into waitlist_entries (user_id, event_id, seats_wanted, status) values (?, ?, 5, 'WAITING')",
                buyers.get(2).id(), venue.eventId());

        JsonNode figures = Stack.json(poll("analytics of event " + venue.eventId() + " equal to the recount",
                () -> Auth.get(FIGURES + venue.eventId(), admin),
                r -> r.statusCode() == 200 && figuresOf(Stack.json(r)).equals(recount(venue.eventId()))));

        // the recount itself is what this test made, so the equality above is not between two zeros
        assertThat(recount(venue.eventId())).isEqualTo(Map.of("bookings", 5L, "seatsSold", 4L, "revenueCents", 13_000L,
                "cancellations", 2L, "expiries", 1L, "waitlistOffers", 0L,
                "event.seatsSold", 4L, "event.revenueCents", 13_000L, "event.waitlistSize", 1L));
        JsonNode event = figures.path("event");
        assertThat(event.path("eventId").asLong()).isEqualTo(venue.eventId());
        assertThat(event.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(event.path("capacity").asInt()).isEqualTo(8);
        assertThat(event.path("utilisation").asDouble()).isEqualTo(0.5);
        assertThat(figures.path("totals").path("waitlistJoins").asLong()).as("the entry written in SQL joined no one")
                .isZero();
        assertDailyRowsSumToTotals(figures, 30);
        JsonNode today = figures.path("daily").get(29);
        assertThat(today.path("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.path("seatsSold").asLong()).isEqualTo(4);
    }

    @Test
    void theSummaryListsTheEventWithItsUtilisationAndItsTotalsCoverIt() throws Exception {
        Venue venue = venue();
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        confirm(buyer, book(buyer, venue, 0, 1, 2));                  // Floor ×3, 135.00 of 8 seats

        JsonNode summary = Stack.json(poll("the summary listing event " + venue.eventId() + " as sold",
                () -> Auth.get(SUMMARY + "?days=7", admin),
                r -> r.statusCode() == 200 && listed(Stack.json(r), venue.eventId()).path("seatsSold").asLong() == 3));

        JsonNode event = listed(summary, venue.eventId());
        assertThat(event.path("utilisation").asDouble()).isEqualTo(3.0 / 8);
        assertThat(event.path("revenueCents").asLong()).isEqualTo(13_500);
        assertThat(event.path("capacity").asInt()).isEqualTo(8);
        assertThat(event.path("waitlistSize").asLong()).isZero();
        JsonNode totals = summary.path("totals");
        assertThat(totals.path("bookings").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(totals.path("seatsSold").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(totals.path("revenueCents").asLong()).isGreaterThanOrEqualTo(13_500);
        assertDailyRowsSumToTotals(summary, 7);
        JsonNode top = summary.path("topEvents");
        assertThat(top.size()).isBetween(1, 5);
        long best = 0;
        for (JsonNode listedEvent : summary.path("events")) {
            best = Math.max(best, listedEvent.path("revenueCents").asLong());
        }
        assertThat(top.get(0).path("revenueCents").asLong()).isEqualTo(best);
        for (int i = 1; i < top.size(); i++) {
            assertThat(top.get(i).path("revenueCents").asLong()).isLessThanOrEqualTo(top.get(i - 1).path("revenueCents").asLong());
            assertThat(listed(summary, top.get(i).path("eventId").asLong()).isMissingNode()).isFalse();
        }
    }

    @Test
    void onlyWhatTheOutboxPublishesIsCountedNotWhatSomeoneSendsToTheTopic() throws Exception {
        Venue venue = venue();
        publish("analytics-it:" + UUID.randomUUID(),
                envelope("analytics-it-" + UUID.randomUUID(), "waitlist.joined", venue.eventId()),
                envelope("analytics-it-" + UUID.randomUUID(), "booking.created", venue.eventId()));
        book(Tokens.newUsers(1).get(0), venue, 0);  // booking.created, through the outbox

        JsonNode figures = Stack.json(poll("the hold counted", () -> Auth.get(FIGURES + venue.eventId(), admin),
                r -> r.statusCode() == 200 && Stack.json(r).path("totals").path("bookings").asLong() >= 1));
        assertThat(figures.path("totals").path("bookings").asLong()).as("the hold, not the message sent to the topic")
                .isEqualTo(1);
        assertThat(figures.path("totals").path("waitlistJoins").asLong()).isZero();
    }

    @Test
    void onlyAdminsReadAnalytics() {
        String user = Tokens.newUser();
        long id = venue().eventId();
        for (String path : List.of(SUMMARY, FIGURES + id)) {
            ProblemsIT.assertProblem(Auth.get(path, null), 401, "https://evently.dev/problems/unauthorized");
            ProblemsIT.assertProblem(Auth.get(path, user), 403, "https://evently.dev/problems/forbidden");
            assertThat(Auth.get(path, admin).statusCode()).isEqualTo(200);
        }
        ProblemsIT.assertProblem(Auth.get(FIGURES + 999_999_999L, admin), 404, "https://evently.dev/problems/event-not-found");
    }

    @Test
    void daysMustBeAWholeNumberFromOneTo366() {
        long id = venue().eventId();
        for (String days : List.of("0", "367", "-1", "abc", "1.5", "99999999999")) {
            for (String path : List.of(SUMMARY, FIGURES + id)) {
                HttpResponse<String> response = Auth.get(path + "?days=" + days, admin);
                ProblemsIT.assertProblem(response, 400, "https://evently.dev/problems/invalid-request");
                assertThat(Stack.json(response).path("violations").findValuesAsText("field")).as(days).containsExactly("days");
            }
        }
        assertThat(Stack.json(Auth.get(SUMMARY + "?days=1", admin)).path("daily").size()).isEqualTo(1);
        assertThat(Stack.json(Auth.get(FIGURES + id + "?days=366", admin)).path("daily").size()).isEqualTo(366);
    }

    @Test
    void theDocumentedSchemasListExactlyTheFieldsReturned() {
        JsonNode api = Contract.served();
        for (String path : List.of("/admin/analytics/summary", "/admin/analytics/events/{id}")) {
            assertThat(api.path("paths").path(path).path("get").path("security").toString()).as(path).contains("bearer");
        }
        long id = venue().eventId();
        JsonNode summary = Stack.json(Auth.get(SUMMARY, admin));
        JsonNode figures = Stack.json(Auth.get(FIGURES + id, admin));
        JsonNode schemas = api.path("components").path("schemas");

        assertThat(names(summary)).containsExactlyInAnyOrderElementsOf(names(schemas.path("AnalyticsSummary").path("properties")));
        assertThat(names(summary.path("totals"))).containsExactlyInAnyOrderElementsOf(names(schemas.path("AnalyticsTotals").path("properties")));
        assertThat(names(summary.path("daily").get(0))).containsExactlyInAnyOrderElementsOf(names(schemas.path("AnalyticsDay").path("properties")));
        assertThat(names(listed(summary, id))).containsExactlyInAnyOrderElementsOf(names(schemas.path("AnalyticsEvent").path("properties")));
        assertThat(names(figures)).containsExactlyInAnyOrderElementsOf(names(schemas.path("EventAnalytics").path("properties")));
        assertThat(names(figures.path("event"))).containsExactlyInAnyOrderElementsOf(names(schemas.path("AnalyticsEvent").path("properties")));
    }

    /** The figures the API shows, in the shape of {@link #recount}. */
    static Map<String, Long> figuresOf(JsonNode figures) {
        Map<String, Long> values = new LinkedHashMap<>();
        RECOUNTED.forEach(name -> values.put(name, figures.path("totals").path(name).asLong()));
        for (String name : List.of("seatsSold", "revenueCents", "waitlistSize")) {
            values.put("event." + name, figures.path("event").path(name).asLong());
        }
        return values;
    }

    /** The same figures counted from the bookings, their seats and the waitlist entries, in one snapshot. */
    static Map<String, Long> recount(long eventId) {
        return Database.snapshot(connection -> {
            Map<String, Object> bookings = Database.rows(connection, """
                    select count(*) as bookings,
                           count(*) filter (where status in ('CANCELLED', 'REFUND_PENDING', 'REFUNDED')) as cancellations,
                           count(*) filter (where status = 'EXPIRED') as expiries,
                           coalesce(sum(total_cents) filter (where status = 'CONFIRMED'), 0) as revenue
                    from bookings where event_id = ?""", eventId).get(0);
            long seatsSold = Database.count(connection, """
                    select count(*) from booking_seats s join bookings b on b.id = s.booking_id
                    where b.event_id = ? and b.status = 'CONFIRMED'""", eventId);
            long waiting = Database.count(connection, """
                    select count(*) from waitlist_entries where event_id = ? and status in ('WAITING', 'OFFERED')""",
                    eventId);
            long offers = Database.count(connection,
                    "select count(*) from bookings where event_id = ? and waitlist_offer", eventId);
            long revenue = ((Number) bookings.get("revenue")).longValue();
            Map<String, Long> values = new LinkedHashMap<>();
            values.put("bookings", ((Number) bookings.get("bookings")).longValue());
            values.put("seatsSold", seatsSold);
            values.put("revenueCents", revenue);
            values.put("cancellations", ((Number) bookings.get("cancellations")).longValue());
            values.put("expiries", ((Number) bookings.get("expiries")).longValue());
            values.put("waitlistOffers", offers);
            values.put("event.seatsSold", seatsSold);
            values.put("event.revenueCents", revenue);
            values.put("event.waitlistSize", waiting);
            return values;
        });
    }

    static void assertDailyRowsSumToTotals(JsonNode figures, int days) {
        JsonNode daily = figures.path("daily");
        assertThat(daily.size()).isEqualTo(days);
        assertThat(figures.path("days").asInt()).isEqualTo(days);
        assertThat(daily.get(0).path("day").asText()).isEqualTo(figures.path("from").asText());
        assertThat(daily.get(days - 1).path("day").asText()).isEqualTo(figures.path("to").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        for (String name : TOTALS) {
            long sum = 0;
            for (JsonNode day : daily) {
                sum += day.path(name).asLong();
            }
            assertThat(sum).as(name).isEqualTo(figures.path("totals").path(name).asLong());
        }
    }

    static JsonNode listed(JsonNode summary, long eventId) {
        for (JsonNode event : summary.path("events")) {
            if (event.path("eventId").asLong() == eventId) {
                return event;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static long book(Tokens.Account buyer, Venue venue, int... seatIndexes) {
        List<Long> seats = new ArrayList<>();
        for (int i : seatIndexes) {
            seats.add(venue.seats().get(i));
        }
        HttpResponse<String> held = Auth.post("/api/bookings", buyer.token(), Map.of("eventId", venue.eventId(), "seatIds", seats));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        return Stack.json(held).path("id").asLong();
    }

    static void confirm(Tokens.Account buyer, long booking) throws InterruptedException {
        Provider.pay(buyer.token(), booking);
    }

    static void cancel(Tokens.Account buyer, long booking) {
        HttpResponse<String> cancelled = Auth.post("/api/bookings/" + booking + "/cancel", buyer.token(), Map.of());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }

    /** An envelope as the outbox relay writes it (version 1), with an id the relay never uses. */
    static String envelope(String id, String type, long eventId) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("entryId", 0);
        data.put("eventId", eventId);
        data.put("seatIds", List.of());
        data.put("totalCents", 0);
        data.put("at", Instant.now().toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("source", "analytics-it");
        envelope.put("aggregateType", "test");
        envelope.put("aggregateId", id);
        envelope.put("data", data);
        return Stack.JSON.writeValueAsString(envelope);
    }

    /** Publishes the envelopes on the domain-event topic, in order, as another system on the broker would. */
    static void publish(String group, String... envelopes) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker("url", "EVENTLY_TEST_BROKER_URL"));
             JMSContext jms = factory.createContext(broker("user", "EVENTLY_TEST_BROKER_USER"),
                     broker("password", "EVENTLY_TEST_BROKER_PASSWORD"), JMSContext.AUTO_ACKNOWLEDGE)) {
            for (String envelope : envelopes) {
                JsonNode json = Stack.JSON.readTree(envelope);
                TextMessage message = jms.createTextMessage(envelope);
                message.setStringProperty("eventId", json.path("id").asText());
                message.setStringProperty("eventType", json.path("type").asText());
                message.setIntProperty("eventVersion", 1);
                message.setStringProperty("JMSXGroupID", group);
                jms.createProducer().send(jms.createTopic("evently.domain-events"), message);
            }
        }
    }

    /** The broker's address and credentials: system property evently.broker.*, else what ./evently test exports. */
    static String broker(String property, String variable) {
        String value = System.getProperty("evently.broker." + property, System.getenv(variable));
        if (value == null) {
            throw new IllegalStateException("neither evently.broker." + property + " nor " + variable
                    + " is set: run the tests through ./evently test");
        }
        return value;
    }

    /** Repeats the request until its response matches, with a deadline. */
    static HttpResponse<String> poll(String what, java.util.function.Supplier<HttpResponse<String>> request,
                                     Predicate<HttpResponse<String>> done) throws InterruptedException {
        return Stack.await(what, CONSUMED, request::get, done, last -> last.statusCode() + " " + last.body());
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
