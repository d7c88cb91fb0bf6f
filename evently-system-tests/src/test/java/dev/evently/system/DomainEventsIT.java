package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * The domain-event topic as an external system follows it: a durable subscription receives a booking's
 * events in order, as versioned JSON envelopes carrying the request's correlation id; Evently's own
 * consumers apply a redelivered event once.
 */
class DomainEventsIT {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
    }

    @Test
    void anExternalSubscriberReceivesABookingsEventsInOrderWithTheRequestsCorrelationId() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Topic"), 2);
        Account buyer = Tokens.newUsers(1).get(0);
        List<Long> seats = Catalog.seatIds(event);
        String requestId = "req-" + UUID.randomUUID();
        try (Broker.Subscription subscription = new Broker.Subscription("aggregateType = 'booking'")) {
            HttpResponse<String> held = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/bookings"))
                    .header("Authorization", "Bearer " + buyer.token())
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(
                            Map.of("eventId", event, "seatIds", seats)))));
            assertThat(held.statusCode()).isEqualTo(201);
            assertThat(held.headers().firstValue("X-Request-Id")).hasValue(requestId);
            long booking = Stack.json(held).path("id").asLong();
            String reference = Provider.providerId(Provider.open(buyer.token(), booking));
            Provider.succeed(reference);
            Provider.awaitStatus(buyer.token(), booking, java.util.Set.of("CONFIRMED"));
            Auth.post("/api/bookings/" + booking + "/cancel", buyer.token(), Map.of());

            String aggregate = String.valueOf(booking);
            List<JsonNode> received = subscription.receiveUntil(PUBLISHED, events -> ofBooking(events, aggregate).stream()
                    .anyMatch(e -> e.path("type").asText().equals("booking.refunded")));
            List<JsonNode> mine = ofBooking(received, aggregate);
            assertThat(mine).extracting(e -> e.path("type").asText())
                    .containsExactly("booking.created", "payment.succeeded", "booking.confirmed", "booking.cancelled",
                            "payment.refund-requested", "payment.refunded", "booking.refunded");

            JsonNode created = mine.get(0);
            assertThat(created.path("version").asInt()).isEqualTo(1);
            assertThat(created.path("source").asText()).isEqualTo("evently");
            assertThat(created.path("aggregateType").asText()).isEqualTo("booking");
            assertThat(created.path("correlationId").asText()).isEqualTo(requestId);
            assertThat(Instant.parse(created.path("occurredAt").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(created.path("data").path("bookingId").asLong()).isEqualTo(booking);
            assertThat(created.path("data").path("eventId").asLong()).isEqualTo(event);
            assertThat(created.path("data").path("userId").asLong()).isEqualTo(buyer.id());
            assertThat(created.path("data").path("status").asText()).isEqualTo("PENDING");
            assertThat(created.path("data").path("seatIds")).hasSize(2);
            assertThat(mine.get(1).path("data").path("providerReference").asText()).isEqualTo(reference);
            assertThat(mine.get(2).path("data").path("paymentReference").asText()).isEqualTo(reference);
            assertThat(mine.get(3).path("data").path("previousStatus").asText()).isEqualTo("CONFIRMED");
            assertThat(mine.get(3).path("data").path("status").asText()).isEqualTo("REFUND_PENDING");
            assertThat(mine.get(6).path("data").path("status").asText()).isEqualTo("REFUNDED");
            // ids are the outbox's: unique, and rising in publication order for one booking
            assertThat(mine).extracting(e -> e.path("id").asLong()).isSorted().doesNotHaveDuplicates();
            assertThat(subscription.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> e.path("aggregateId").asText().equals(aggregate)).toList())
                    .as("each event once").isEmpty();
        }
    }

    @Test
    void aRedeliveredReleaseMakesOneOfferNotTwo() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Redelivery"), 2);
        List<Long> seats = Catalog.seatIds(event);
        Account first = Tokens.newUsers(1).get(0);
        Account second = Tokens.newUsers(1).get(0);
        Account buyer = Tokens.newUsers(1).get(0);
        WaitlistIT.buy(buyer, event, seats);
        long firstEntry = Stack.json(WaitlistIT.join(first, event, 1)).path("id").asLong();
        long secondEntry = Stack.json(WaitlistIT.join(second, event, 1)).path("id").asLong();
        // a release of one seat, then the same release delivered again (as after a broker failover) once a
        // second seat is free too: handled twice, it would offer that seat to the second person
        String id = "system-test-" + UUID.randomUUID();
        putBackOnSale(seats.get(0));
        publishRelease(id, event, seats.get(0));
        WaitlistIT.awaitEntry(first, firstEntry, "OFFERED");
        PaymentsIT.awaitConsumed("waitlist", id);

        putBackOnSale(seats.get(1));
        publishRelease(id, event, seats.get(0));
        PaymentsIT.awaitQueueEmpty("evently.domain-events::evently.waitlist");
        assertThat(WaitlistIT.entry(second, secondEntry).path("status").asText()).isEqualTo("WAITING");
        assertThat(Database.count("select count(*) from bookings where event_id = ? and waitlist_offer", event)).isEqualTo(1);
        assertThat(Database.count("select count(*) from consumed_messages where consumer = 'waitlist' and message_id = ?", id))
                .isEqualTo(1);
    }

    /** The seat goes back on sale the way a cancel would put it, without the cancel's own event. */
    private static void putBackOnSale(long seat) {
        assertThat(Database.update("update seats set status = 'AVAILABLE', booking_id = null, version = version + 1 "
                + "where id = ?", seat)).isEqualTo(1);
        Database.update("update tickets set status = 'VOID' where seat_id = ?", seat);
    }

    private static void publishRelease(String id, long event, long seat) throws Exception {
        String envelope = Stack.JSON.writeValueAsString(Map.of("id", id, "type", "seats.released", "version", 1,
                "occurredAt", Instant.now().toString(), "source", "evently", "aggregateType", "event",
                "aggregateId", String.valueOf(event), "correlationId", id,
                "data", Map.of("eventId", event, "bookingId", 0, "seatIds", List.of(seat))));
        try (var jms = Broker.connect()) {
            var message = jms.createTextMessage(envelope);
            message.setStringProperty("eventId", id);
            message.setStringProperty("eventType", "seats.released");
            message.setJMSCorrelationID(id);
            jms.createProducer().send(jms.createTopic(Broker.DOMAIN_EVENTS), message);
        }
    }

    private static List<JsonNode> ofBooking(List<JsonNode> events, String bookingId) {
        return events.stream().filter(e -> e.path("aggregateId").asText().equals(bookingId)).toList();
    }
}
