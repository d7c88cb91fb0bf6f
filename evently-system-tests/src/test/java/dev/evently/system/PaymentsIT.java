package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * A payment system posts payment results to the inbound queue: a success of the right amount confirms the
 * booking, a failure cancels it, anything else changes no booking; the same result twice is applied once;
 * a message that is not a payment result ends in the dead-letter queue after the broker's retries.
 */
class PaymentsIT {

    private static final Duration APPLIED = Duration.ofSeconds(30);
    /** Five deliveries with 0.5, 1, 2 and 4 s between them, then the DLQ. */
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
    }

    @Test
    void aSuccessfulPaymentConfirmsTheBookingOnceHoweverOftenItArrives() throws Exception {
        Booked booked = book(2);
        String reference = "psp-" + UUID.randomUUID();
        String result = payment(booked.id(), reference, booked.totalCents(), "SUCCEEDED");
        Broker.sendText(Broker.PAYMENTS, result);
        Broker.sendText(Broker.PAYMENTS, result);

        JsonNode confirmed = awaitStatus(booked, "CONFIRMED");
        assertThat(confirmed.path("paymentReference").asText()).isEqualTo(reference);
        assertThat(confirmed.path("tickets")).hasSize(2);
        awaitConsumed("payments", "payment:" + booked.id() + ":SUCCEEDED:" + reference);
        // a third copy after the first two were handled: still one confirmation, one set of tickets
        Broker.sendText(Broker.PAYMENTS, result);
        awaitQueueEmpty("evently.payments");
        assertThat(Database.count("select count(*) from outbox where type = 'booking.confirmed' and aggregate_id = ?",
                String.valueOf(booked.id()))).isEqualTo(1);
        assertThat(Database.count("select count(*) from tickets where booking_id = ?", booked.id())).isEqualTo(2);
    }

    @Test
    void aFailedPaymentCancelsThePendingBookingAndReleasesItsSeats() throws Exception {
        Booked booked = book(1);
        Broker.sendText(Broker.PAYMENTS, payment(booked.id(), "psp-failed", booked.totalCents(), "FAILED"));

        awaitStatus(booked, "CANCELLED");
        JsonNode seat = Stack.json(Stack.get("/api/events/" + booked.eventId() + "/seats")).path("seats").get(0);
        assertThat(seat.path("status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void aPaymentOfTheWrongAmountConfirmsNothingAndIsPublishedAsRejected() throws Exception {
        Booked booked = book(1);
        Broker.sendText(Broker.PAYMENTS, payment(booked.id(), "psp-short", booked.totalCents() - 1, "SUCCEEDED"));

        Stack.await("payment.rejected for booking " + booked.id(), APPLIED,
                () -> Database.count("select count(*) from outbox where type = 'payment.rejected' and aggregate_id = ?",
                        String.valueOf(booked.id())), count -> count == 1);
        Map<String, Object> rejected = Database.row("select payload::text as payload from outbox where type = 'payment.rejected' "
                + "and aggregate_id = ?", String.valueOf(booked.id()));
        assertThat(Stack.JSON.readTree((String) rejected.get("payload")).path("reason").asText()).isEqualTo("amount-mismatch");
        assertThat(Stack.json(Auth.get("/api/bookings/" + booked.id(), booked.buyer().token())).path("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWhereOperatorsSeeIt() throws Exception {
        String marker = "not a payment " + UUID.randomUUID();
        Broker.sendText(Broker.PAYMENTS, marker);
        String wrongShape = "{\"bookingId\": \"" + UUID.randomUUID() + "\", \"status\": \"PAID\"}";
        Broker.sendText(Broker.PAYMENTS, wrongShape);

        JsonNode letters = Stack.await("both poison messages in the DLQ", DEAD_LETTERED, PaymentsIT::deadLetters,
                found -> contains(found, marker) && contains(found, wrongShape));
        for (String body : List.of(marker, wrongShape)) {
            JsonNode letter = find(letters, body);
            assertThat(letter).as("dead letter " + body + " in " + letters).isNotNull();
            assertThat(letter.path("originalAddress").asText()).isEqualTo("evently.payments");
            assertThat(letter.path("messageId").asText()).startsWith("ID:");
        }
        assertThat(Auth.get("/api/admin/messaging/dead-letters", Tokens.newUser()).statusCode()).isEqualTo(403);
        assertThat(Auth.get("/api/admin/messaging/dead-letters?limit=0", admin).statusCode()).isEqualTo(400);
    }

    record Booked(long id, long eventId, long totalCents, Account buyer) {
    }

    static Booked book(int seats) {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Payment"), seats);
        Account buyer = Tokens.newUsers(1).get(0);
        JsonNode booking = Stack.json(Auth.post("/api/bookings", buyer.token(),
                Map.of("eventId", event, "seatIds", Catalog.seatIds(event))));
        return new Booked(booking.path("id").asLong(), event, booking.path("totalCents").asLong(), buyer);
    }

    static String payment(long bookingId, String reference, long amountCents, String status) {
        return "{\"bookingId\": " + bookingId + ", \"reference\": \"" + reference + "\", \"amountCents\": " + amountCents
                + ", \"status\": \"" + status + "\"}";
    }

    static JsonNode awaitStatus(Booked booked, String status) throws InterruptedException {
        return Stack.await("booking " + booked.id() + " " + status, APPLIED,
                () -> Stack.json(Auth.get("/api/bookings/" + booked.id(), booked.buyer().token())),
                booking -> booking.path("status").asText().equals(status));
    }

    static void awaitConsumed(String consumer, String messageId) throws InterruptedException {
        Stack.await(consumer + " consumed " + messageId, APPLIED,
                () -> Database.count("select count(*) from consumed_messages where consumer = ? and message_id = ?",
                        consumer, messageId), count -> count == 1);
    }

    /** The queue holds nothing more for its consumers: every copy sent was delivered and acknowledged. */
    static void awaitQueueEmpty(String queue) throws Exception {
        try (var jms = Broker.connect(); var browser = jms.createBrowser(jms.createQueue(queue))) {
            Stack.await(queue + " drained", APPLIED, () -> browser.getEnumeration().hasMoreElements(), more -> !more);
        }
    }

    static JsonNode deadLetters() {
        return Stack.json(Auth.get("/api/admin/messaging/dead-letters?limit=500", admin));
    }

    static boolean contains(JsonNode letters, String body) {
        return find(letters, body) != null;
    }

    static JsonNode find(JsonNode letters, String body) {
        for (JsonNode letter : letters.path("messages")) {
            if (body.equals(letter.path("body").asText())) {
                return letter;
            }
        }
        return null;
    }
}
