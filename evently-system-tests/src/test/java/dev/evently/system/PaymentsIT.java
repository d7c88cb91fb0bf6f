package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * Only the payment provider confirms: its signed webhook, or its report on the inbound payment queue, for the
 * exact amount and currency, each report applied once. Forged, stale or mismatched reports change nothing;
 * money that arrives after the hold ran out buys the seats if they are still free and is refunded otherwise;
 * staff record money taken at the box office. After each, the money adds up.
 */
class PaymentsIT {

    private static final Duration APPLIED = Duration.ofSeconds(30);
    /** A message no consumer can read goes to the DLQ at its first delivery (others after an hour of retries). */
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(20);

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
    }

    @Test
    void aForgedStaleOrUnsignedWebhookIsRefusedAndChangesNothing() throws Exception {
        Booked booked = book(1);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        String body = report("evt-forged-" + UUID.randomUUID(), "payment.succeeded", payment, booked.totalCents(), "EUR");

        ProblemsIT.assertProblem(Provider.webhook(body, null), 401, "https://evently.dev/problems/invalid-signature");
        ProblemsIT.assertProblem(Provider.webhook(body, "t=" + Instant.now().getEpochSecond() + ",v1=" + "00".repeat(32)),
                401, "https://evently.dev/problems/invalid-signature");
        ProblemsIT.assertProblem(Provider.webhook(body, Provider.sign(body, Instant.now().minusSeconds(301))), 401,
                "https://evently.dev/problems/invalid-signature");
        ProblemsIT.assertProblem(Provider.webhook(body.replace("\"EUR\"", "\"USD\""), Provider.sign(body, Instant.now())),
                401, "https://evently.dev/problems/invalid-signature");

        assertThat(status(booked)).isEqualTo("PENDING");
        assertThat(Database.count("select count(*) from payments where booking_id = ? and status = 'PENDING'", booked.id()))
                .isEqualTo(1);
        assertThat(Provider.webhook(body, Provider.sign(body, Instant.now())).statusCode()).as("the genuine one").isEqualTo(200);
        assertThat(status(booked)).isEqualTo("CONFIRMED");
    }

    @Test
    void aReportOfAnotherAmountCurrencyOrPaymentConfirmsNothingAndIsPublishedAsRejected() throws Exception {
        Booked booked = book(1);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        for (String body : List.of(
                report("evt-" + UUID.randomUUID(), "payment.succeeded", payment, booked.totalCents() - 1, "EUR"),
                report("evt-" + UUID.randomUUID(), "payment.succeeded", payment, booked.totalCents(), "USD"),
                report("evt-" + UUID.randomUUID(), "payment.succeeded", payment, booked.totalCents(), "EUR")
                        .replace(Provider.providerId(payment), "pay_somebody_else"))) {
            assertThat(Provider.webhook(body, Provider.sign(body, Instant.now())).statusCode()).isEqualTo(200);
        }

        List<Map<String, Object>> rejected = Database.rows("select payload::text as payload from outbox "
                + "where type = 'payment.rejected' and aggregate_id = ? order by id", String.valueOf(booked.id()));
        assertThat(rejected).extracting(row -> Stack.JSON.readTree((String) row.get("payload")).path("reason").asText())
                .containsExactly("amount-mismatch", "amount-mismatch", "reference-mismatch");
        assertThat(status(booked)).isEqualTo("PENDING");
        assertThat(Database.count("select count(*) from payments where booking_id = ? and status = 'PENDING'", booked.id()))
                .isEqualTo(1);
    }

    @Test
    void aReportTwiceOrOutOfOrderIsAppliedOnce() throws Exception {
        Booked booked = book(2);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        Provider.decide(Provider.providerId(payment), "succeed", Map.of("duplicates", 2));
        JsonNode confirmed = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("CONFIRMED"));
        assertThat(confirmed.path("tickets")).hasSize(2);
        // the provider reports a failure of the same payment afterwards, and the success again with a new id
        Provider.report(Map.of("type", "payment.failed", "paymentId", payment.path("id").asText(),
                "providerReference", Provider.providerId(payment), "amountCents", booked.totalCents(), "currency", "EUR"));
        Provider.report(Map.of("type", "payment.succeeded", "paymentId", payment.path("id").asText(),
                "providerReference", Provider.providerId(payment), "amountCents", booked.totalCents(), "currency", "EUR"));
        Provider.awaitDelivered();

        assertThat(status(booked)).isEqualTo("CONFIRMED");
        assertThat(Database.count("select count(*) from outbox where type = 'booking.confirmed' and aggregate_id = ?",
                String.valueOf(booked.id()))).isEqualTo(1);
        assertThat(Database.count("select count(*) from outbox where type = 'payment.succeeded' and aggregate_id = ?",
                String.valueOf(booked.id()))).isEqualTo(1);
        assertThat(Database.count("select count(*) from tickets where booking_id = ?", booked.id())).isEqualTo(2);
        MoneyAudit.of(booked.eventId()).assertMoneyAddsUp(true);
    }

    @Test
    void aFailedPaymentLeavesTheBookingHeldSoTheBuyerCanPayAgain() throws Exception {
        Booked booked = book(1);
        JsonNode first = Provider.open(booked.buyer().token(), booked.id());
        Provider.fail(Provider.providerId(first));
        Stack.await("payment " + first.path("id") + " failed", APPLIED,
                () -> Database.count("select count(*) from payments where id = ? and status = 'FAILED'",
                        first.path("id").asLong()), n -> n == 1);
        assertThat(status(booked)).isEqualTo("PENDING");

        JsonNode second = Provider.open(booked.buyer().token(), booked.id());
        assertThat(second.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
        Provider.succeed(Provider.providerId(second));
        JsonNode confirmed = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("CONFIRMED"));
        assertThat(confirmed.path("payments").findValuesAsText("status")).containsExactly("FAILED", "SUCCEEDED");
    }

    @Test
    void paidAfterItsHoldRanOutABookingGetsItsSeatsIfTheyAreStillFree() throws Exception {
        Booked booked = book(2);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        expireNow(booked);

        Provider.succeed(Provider.providerId(payment));

        JsonNode confirmed = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("CONFIRMED"));
        assertThat(confirmed.path("tickets")).hasSize(2);
        assertThat(Database.count("select count(*) from seats where event_id = ? and status = 'BOOKED' and booking_id = ?",
                booked.eventId(), booked.id())).isEqualTo(2);
        MoneyAudit.of(booked.eventId()).assertMoneyAddsUp(true);
    }

    @Test
    void paidAfterItsHoldRanOutAndItsSeatsWereSoldTheMoneyGoesBack() throws Exception {
        Booked booked = book(2);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        expireNow(booked);
        Account other = Tokens.newUsers(1).get(0);
        long taken = Stack.json(Auth.post("/api/bookings", other.token(), Map.of("eventId", booked.eventId(),
                "seatIds", Catalog.seatIds(booked.eventId()).subList(0, 1)))).path("id").asLong();
        Provider.pay(other.token(), taken);

        Provider.succeed(Provider.providerId(payment));

        JsonNode refunded = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("REFUNDED"));
        assertThat(refunded.path("endReason").asText()).isEqualTo("seats-taken");
        assertThat(refunded.path("tickets")).isEmpty();
        assertThat(refunded.path("payments").get(0).path("refundStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(Database.count("select count(*) from seats where event_id = ? and booking_id = ?", booked.eventId(),
                booked.id())).isZero();
        Mailbox.await(booked.buyer().email(), "Your payment for booking " + booked.id() + " came too late",
                Duration.ofSeconds(30));
        MoneyAudit.of(booked.eventId()).assertMoneyAddsUp(true);
        // the booking ended once, as an expiry: the money going back is no cancellation too
        Map<String, Long> figures = Stack.await("analytics of the late refund", APPLIED,
                () -> AnalyticsIT.figuresOf(Stack.json(Auth.get(AnalyticsIT.FIGURES + booked.eventId(), Tokens.admin()))),
                f -> f.get("bookings") == 2 && f.get("seatsSold") == 1, String::valueOf);
        assertThat(figures).containsEntry("expiries", 1L).containsEntry("cancellations", 0L)
                .isEqualTo(FaultChecks.recount(booked.eventId()));
    }

    @Test
    void staffRecordCashWithWhoTookItAndOnlyStaffMay() throws Exception {
        Booked booked = book(1);
        ProblemsIT.assertProblem(Auth.post("/api/admin/bookings/" + booked.id() + "/mark-paid", booked.buyer().token(),
                Map.of("method", "CASH")), 403, "https://evently.dev/problems/forbidden");
        ProblemsIT.assertProblem(Auth.post("/api/admin/bookings/" + booked.id() + "/mark-paid", admin,
                Map.of("method", "GOLD")), 400, "https://evently.dev/problems/invalid-request");

        var recorded = Auth.post("/api/admin/bookings/" + booked.id() + "/mark-paid", admin,
                Map.of("method", "CASH", "note", "box office, receipt 17"));

        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(Stack.json(recorded).path("method").asText()).isEqualTo("CASH");
        assertThat(status(booked)).isEqualTo("CONFIRMED");
        Map<String, Object> row = Database.row("select recorded_by, note, status from payments where booking_id = ?",
                booked.id());
        assertThat(((Number) row.get("recorded_by")).longValue()).isEqualTo(Tokens.adminId());
        assertThat(row.get("note")).isEqualTo("box office, receipt 17");
        ProblemsIT.assertProblem(Auth.post("/api/admin/bookings/" + booked.id() + "/mark-paid", admin,
                Map.of("method", "CARD_TERMINAL")), 409, "https://evently.dev/problems/booking-not-payable");

        // cash goes back over the counter: the refund is done as it is recorded
        assertThat(Auth.post("/api/bookings/" + booked.id() + "/cancel", admin, Map.of()).statusCode()).isEqualTo(200);
        assertThat(status(booked)).isEqualTo("REFUNDED");
        MoneyAudit.of(booked.eventId()).assertMoneyAddsUp(true);
    }

    @Test
    void withinTheCancelDeadlineOnlyStaffCancelAPaidBookingAndTheRefundFollows() throws Exception {
        // an event tomorrow: inside the 48-hour cancel deadline
        JsonNode event = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Tomorrow"), "Small Room",
                Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                List.of(Catalog.section("Row", 1, 2, 3000))));
        long eventId = Catalog.publish(admin, event.path("id").asLong()).path("id").asLong();
        Account buyer = Tokens.newUsers(1).get(0);
        long booking = Stack.json(Auth.post("/api/bookings", buyer.token(), Map.of("eventId", eventId,
                "seatIds", Catalog.seatIds(eventId).subList(0, 1)))).path("id").asLong();
        Provider.pay(buyer.token(), booking);

        ProblemsIT.assertProblem(Auth.post("/api/bookings/" + booking + "/cancel", buyer.token(), Map.of()), 409,
                "https://evently.dev/problems/cancel-deadline-passed");
        assertThat(Stack.json(Auth.get("/api/bookings/" + booking, buyer.token())).path("status").asText())
                .isEqualTo("CONFIRMED");

        var cancelled = Auth.post("/api/bookings/" + booking + "/cancel", admin, Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Stack.json(cancelled).path("status").asText()).isEqualTo("REFUND_PENDING");
        Provider.awaitStatus(buyer.token(), booking, Set.of("REFUNDED"));
        MoneyAudit.of(eventId).assertMoneyAddsUp(true);
    }

    @Test
    void theQueueTakesTheProvidersReportsWithTheSameChecks() throws Exception {
        Booked booked = book(2);
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());
        String eventId = "evt-queue-" + UUID.randomUUID();
        Broker.sendText(Broker.PAYMENTS, report("evt-short-" + UUID.randomUUID(), "payment.succeeded", payment,
                booked.totalCents() - 1, "EUR"));
        String genuine = report(eventId, "payment.succeeded", payment, booked.totalCents(), "EUR");
        Broker.sendText(Broker.PAYMENTS, genuine);
        Broker.sendText(Broker.PAYMENTS, genuine);

        JsonNode confirmed = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("CONFIRMED"));
        assertThat(confirmed.path("tickets")).hasSize(2);
        awaitConsumed("payment-reports", eventId);
        Broker.sendText(Broker.PAYMENTS, genuine);
        awaitQueueEmpty("evently.payments");
        assertThat(Database.count("select count(*) from outbox where type = 'booking.confirmed' and aggregate_id = ?",
                String.valueOf(booked.id()))).isEqualTo(1);
        assertThat(Database.count("select count(*) from outbox where type = 'payment.rejected' and aggregate_id = ?",
                String.valueOf(booked.id()))).isEqualTo(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWhereOperatorsSeeIt() throws Exception {
        String marker = "not a payment " + UUID.randomUUID();
        Broker.sendText(Broker.PAYMENTS, marker);
        String wrongShape = "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"payment.paid\"}";
        Broker.sendText(Broker.PAYMENTS, wrongShape);

        JsonNode letters = Stack.await("both poison messages in the DLQ", DEAD_LETTERED, PaymentsIT::deadLetters,
                found -> contains(found, marker) && contains(found, wrongShape));
        for (String body : List.of(marker, wrongShape)) {
            JsonNode letter = find(letters, body);
            assertThat(letter).as("dead letter " + body + " in " + letters).isNotNull();
            assertThat(letter.path("originalAddress").asText()).isEqualTo("evently.payments");
            assertThat(letter.path("originalQueue").asText()).isEqualTo("evently.payments");
            assertThat(letter.path("messageId").asText()).startsWith("ID:");
            assertThat(letter.path("reason").asText()).isNotBlank();
        }

        // replayed, it goes back to its queue, is consumed again, and (still poison) comes back as a new dead letter
        String firstId = find(letters, marker).path("messageId").asText();
        assertThat(Auth.post("/api/admin/messaging/dead-letters/" + firstId + "/replay", admin, Map.of()).statusCode())
                .isEqualTo(204);
        JsonNode again = Stack.await("the replayed message dead-lettered again", DEAD_LETTERED, PaymentsIT::deadLetters,
                found -> contains(found, marker) && !find(found, marker).path("messageId").asText().equals(firstId));
        assertThat(again.path("messages").findValuesAsText("messageId")).doesNotContain(firstId);
        ProblemsIT.assertProblem(Auth.post("/api/admin/messaging/dead-letters/" + firstId + "/replay", admin, Map.of()),
                404, "https://evently.dev/problems/dead-letter-not-found");
        assertThat(Auth.post("/api/admin/messaging/dead-letters/" + firstId + "/replay", Tokens.newUser(), Map.of())
                .statusCode()).isEqualTo(403);
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

    /** A report as the provider sends it, for the payment the checkout answer describes. */
    static String report(String id, String type, JsonNode payment, long amountCents, String currency) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"paymentId\":\"" + payment.path("id").asText()
                + "\",\"providerReference\":\"" + Provider.providerId(payment) + "\",\"amountCents\":" + amountCents
                + ",\"currency\":\"" + currency + "\"}";
    }

    static String status(Booked booked) {
        return Stack.json(Auth.get("/api/bookings/" + booked.id(), booked.buyer().token())).path("status").asText();
    }

    /** The hold runs out now, and the expiry sweep releases its seats. */
    static void expireNow(Booked booked) throws InterruptedException {
        Database.update("update bookings set expires_at = now() - interval '1 second' where id = ?", booked.id());
        Stack.await("booking " + booked.id() + " expired", APPLIED, () -> status(booked), "EXPIRED"::equals);
    }

    static void awaitConsumed(String consumer, String messageId) throws InterruptedException {
        Stack.await(consumer + " consumed " + messageId, APPLIED,
                () -> Database.count("select count(*) from consumed_messages where consumer = ? and message_id = ?",
                        consumer, messageId), count -> count == 1);
    }

    /** The queue holds nothing more for its consumers: every copy sent was delivered and acknowledged. */
    static void awaitQueueEmpty(String queue) throws Exception {
        Stack.await(queue + " drained", APPLIED, () -> Broker.depth(queue), depth -> depth == 0);
    }

    static JsonNode deadLetters() {
        return Stack.json(Auth.get("/api/admin/messaging/dead-letters?limit=500", Tokens.admin()));
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
