package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * Emails as people receive them, from a real SMTP server (the stack's GreenMail): the domain event goes
 * through the outbox, whose relay queues its mail as it publishes it, and the mail lands in the person's inbox.
 * Every account has its own address, so inboxes never mix.
 */
class NotificationsIT {

    /** Outbox relay (every second), mail queue (every second) and SMTP, with room for a busy machine. */
    static final Duration DELIVERY = Duration.ofSeconds(60);

    static String admin;

    @BeforeAll
    static void mailServer() {
        assumeTrue(Mailbox.available(), "no mail API (evently.mail-api-url): the stack uses a configured SMTP server");
        admin = Tokens.admin();
    }

    /** A published event of 2×3 Floor at 45.00 and 1×2 Balcony at 20.00: its id, name and seats in order. */
    record Venue(long eventId, String name, List<Long> seats, List<String> labels) {
    }

    static Venue venue() {
        String name = Catalog.uniqueName("Notify");
        long id = Catalog.published(admin, name).path("id").asLong();
        List<Long> seats = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Stack.json(Stack.get("/api/events/" + id + "/seats")).path("seats").forEach(seat -> {
            seats.add(seat.path("id").asLong());
            labels.add(seat.path("label").asText());
        });
        return new Venue(id, name, seats, labels);
    }

    static long hold(Account buyer, long eventId, List<Long> seats) {
        HttpResponse<String> response = Auth.post("/api/bookings", buyer.token(), Map.of("eventId", eventId, "seatIds", seats));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Stack.json(response).path("id").asLong();
    }

    static JsonNode confirm(Account buyer, long bookingId) throws InterruptedException {
        return Provider.pay(buyer.token(), bookingId);
    }

    static void cancel(Account buyer, long bookingId) {
        HttpResponse<String> response = Auth.post("/api/bookings/" + bookingId + "/cancel", buyer.token(), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aConfirmedBookingMailsTheBuyerTheirSeatsAndTickets() throws Exception {
        Venue venue = venue();
        Account buyer = Tokens.newUsers(1).get(0);
        long id = hold(buyer, venue.eventId(), venue.seats().subList(0, 2));

        JsonNode booking = confirm(buyer, id);

        Mailbox.Mail mail = Mailbox.await(buyer.email(), "Your booking " + id + " is confirmed", DELIVERY);
        assertThat(mail.to()).containsExactly(buyer.email());
        assertThat(mail.from()).isNotBlank();
        assertThat(mail.subject()).isEqualTo("Your booking " + id + " is confirmed — " + venue.name());
        assertThat(mail.contentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(mail.body()).contains("your booking " + id + " is confirmed", booking.path("paymentReference").asText(),
                "Harbour Hall",
                venue.labels().get(0), venue.labels().get(1), "Total paid: 90.00");
        for (JsonNode ticket : booking.path("tickets")) {
            assertThat(mail.body()).contains("ticket " + ticket.path("id").asLong());
        }
        assertThat(Mailbox.inbox(buyer.email())).hasSize(1);  // a hold alone mails nothing
    }

    /**
     * The mail server is no part of consuming an event: while it is away the confirmation is consumed as ever and
     * its mail waits in the queue (nothing dead-lettered, nothing retried by the broker), counted on /metrics; once
     * it is back, the mail goes out, once, with a Message-ID of the sender's domain.
     */
    @Test
    void aMailOwedWhileTheMailServerIsAwayWaitsAndGoesOutOnceItIsBack() throws Exception {
        Venue venue = venue();
        Account buyer = Tokens.newUsers(1).get(0);
        long id = hold(buyer, venue.eventId(), venue.seats().subList(5, 6));
        String owed = "select status from outgoing_mails where recipient = ? and subject like ?";
        try {
            Stack.evently("mail", "stop");
            confirm(buyer, id);

            Stack.await("the confirmation consumed and its mail queued", DELIVERY, () -> Database.rows(owed,
                    buyer.email(), "Your booking " + id + " is confirmed%"), rows -> !rows.isEmpty());
            assertThat(Database.rows(owed, buyer.email(), "%").stream().map(row -> row.get("status")))
                    .as("queued, not sent, while the mail server is away").containsExactly("PENDING");
            Stack.await("the waiting mail on /metrics", Metrics.MOVES,
                    () -> Metrics.on(Stack.BASE_URL, "evently_mails_pending"), pending -> pending >= 1);
        } finally {
            Stack.evently("mail", "start");
        }

        Mailbox.Mail mail = Mailbox.await(buyer.email(), "Your booking " + id + " is confirmed", DELIVERY);
        assertThat(mail.messageId()).matches("<[0-9a-f-]{36}@[^>]+>");
        Stack.await("the mail marked sent", DELIVERY, () -> Database.rows(owed, buyer.email(), "%").stream()
                .map(row -> row.get("status")).toList(), List.of("SENT")::equals);
        assertThat(Mailbox.inbox(buyer.email())).as("one mail").hasSize(1);
    }

    @Test
    void aCancelledBookingMailsTheBuyerThatTheTicketsAreVoidAndThenThatTheMoneyIsBack() throws Exception {
        Venue venue = venue();
        Account buyer = Tokens.newUsers(1).get(0);
        long id = hold(buyer, venue.eventId(), venue.seats().subList(2, 3));
        confirm(buyer, id);

        cancel(buyer, id);

        Mailbox.Mail mail = Mailbox.await(buyer.email(), "Your booking " + id + " is cancelled", DELIVERY);
        assertThat(mail.to()).containsExactly(buyer.email());
        assertThat(mail.subject()).endsWith(venue.name());
        assertThat(mail.body()).contains("no longer valid", venue.labels().get(2), "refunding what you paid, 45.00 EUR");
        assertThat(Mailbox.withSubject(buyer.email(), "is confirmed")).hasSize(1);
        Mailbox.Mail refunded = Mailbox.await(buyer.email(), "Refunded: booking " + id, DELIVERY);
        assertThat(refunded.body()).contains("45.00 EUR went back");
    }

    @Test
    void aHoldThatRunsOutMailsTheBuyer() throws Exception {
        Venue venue = venue();
        Account buyer = Tokens.newUsers(1).get(0);
        long id = hold(buyer, venue.eventId(), venue.seats().subList(6, 8));
        if (Stack.HOLD_TIME.compareTo(Duration.ofSeconds(30)) > 0) {
            // a stack with long holds: let this one run out now instead
            assertThat(Database.update("update bookings set expires_at = now() where id = ?", id)).isEqualTo(1);
        }

        Mailbox.Mail mail = Mailbox.await(buyer.email(), "Your hold expired (booking " + id + ")",
                DELIVERY.plus(Stack.HOLD_TIME.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ZERO : Stack.HOLD_TIME));

        assertThat(mail.to()).containsExactly(buyer.email());
        assertThat(mail.body()).contains("booking " + id, venue.labels().get(6), venue.labels().get(7));
        assertThat(Stack.json(Auth.get("/api/bookings/" + id, buyer.token())).path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aCancelledEventMailsEveryBuyerOncePerBookingThenTheirRefundAndNobodyElse() throws Exception {
        Venue venue = venue();
        Account cancelledOnly = Tokens.newUsers(1).get(0);
        Account waiting = Tokens.newUsers(1).get(0);
        Account pending = Tokens.newUsers(1).get(0);
        List<Account> holders = Tokens.newUsers(2);
        Account twoBookings = holders.get(0);
        Account oneBooking = holders.get(1);
        long first = hold(twoBookings, venue.eventId(), venue.seats().subList(0, 1));
        confirm(twoBookings, first);
        long second = hold(twoBookings, venue.eventId(), venue.seats().subList(1, 3));
        confirm(twoBookings, second);
        long third = hold(oneBooking, venue.eventId(), venue.seats().subList(3, 4));
        confirm(oneBooking, third);
        long gaveUp = hold(cancelledOnly, venue.eventId(), venue.seats().subList(4, 5));
        confirm(cancelledOnly, gaveUp);
        cancel(cancelledOnly, gaveUp);
        long unpaid = hold(pending, venue.eventId(), venue.seats().subList(5, 6));
        assertThat(Database.update("insert into waitlist_entries (user_id, event_id, seats_wanted, status) values (?, ?, 8, 'WAITING')",
                waiting.id(), venue.eventId())).isEqualTo(1);
        Mailbox.await(cancelledOnly.email(), "Your booking " + gaveUp + " is cancelled", DELIVERY);

        HttpResponse<String> cancelled = Auth.delete("/api/admin/events/" + venue.eventId(), admin);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        List<Mailbox.Mail> toTwo = Mailbox.awaitInbox(twoBookings.email(), DELIVERY,
                mails -> mails.stream().filter(m -> m.subject().startsWith("Refunded: ")).count() == 2, "two refunds");
        assertThat(toTwo).filteredOn(m -> m.subject().startsWith("Cancelled: " + venue.name())).hasSize(2)
                .anySatisfy(m -> assertThat(m.body()).contains("your booking " + first, venue.labels().get(0)))
                .anySatisfy(m -> assertThat(m.body()).contains("your booking " + second, venue.labels().get(1),
                        venue.labels().get(2), "refunding what you paid, 90.00 EUR"));
        Mailbox.Mail toOne = Mailbox.await(oneBooking.email(), "Cancelled: " + venue.name(), DELIVERY);
        assertThat(toOne.body()).contains("your booking " + third, venue.labels().get(3)).doesNotContain(venue.labels().get(0));
        Mailbox.Mail toPending = Mailbox.await(pending.email(), "Cancelled: " + venue.name(), DELIVERY);
        assertThat(toPending.body()).contains("your booking " + unpaid).doesNotContain("refund");
        Mailbox.await(oneBooking.email(), "Refunded: booking " + third, DELIVERY);
        assertThat(Mailbox.withSubject(oneBooking.email(), "Cancelled: ")).hasSize(1);
        assertThat(Mailbox.withSubject(cancelledOnly.email(), "Cancelled: ")).isEmpty();
        assertThat(Mailbox.inbox(waiting.email())).isEmpty();
        MoneyAudit.of(venue.eventId()).assertMoneyAddsUp(true);
    }

    @Test
    void releasedSeatsOfferedFromTheWaitlistMailTheOfferWithItsDeadlineAndHowToPay() throws Exception {
        Venue venue = venue();
        Account holder = Tokens.newUsers(1).get(0);
        Account waiting = Tokens.newUsers(1).get(0);
        long held = hold(holder, venue.eventId(), venue.seats().subList(0, 2));
        assertThat(Database.update("insert into waitlist_entries (user_id, event_id, seats_wanted, status) values (?, ?, 2, 'WAITING')",
                waiting.id(), venue.eventId())).isEqualTo(1);

        cancel(holder, held);  // releases the two seats: the waitlist offers them to the waiting person

        Mailbox.Mail mail = Mailbox.await(waiting.email(), "Seats for you from the waitlist — " + venue.name(), DELIVERY);
        Map<String, Object> entry = Database.row("""
                select offer_booking_id, offered_until from waitlist_entries where user_id = ? and event_id = ?""",
                waiting.id(), venue.eventId());
        long offer = ((Number) entry.get("offer_booking_id")).longValue();
        assertThat(mail.to()).containsExactly(waiting.email());
        assertThat(mail.body()).contains(venue.labels().get(0), venue.labels().get(1), "Total: 90.00",
                "POST /api/bookings/" + offer + "/payments");
        Instant until = ((Timestamp) entry.get("offered_until")).toInstant();
        String deadline = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(until);
        assertThat(mail.subject()).endsWith("pay by " + deadline);
        assertThat(mail.body()).contains("pay before " + deadline);
        assertThat(Stack.json(Auth.get("/api/bookings/" + offer, waiting.token())).path("status").asText()).isEqualTo("PENDING");
        assertThat(Mailbox.inbox(waiting.email())).hasSize(1);
    }
}
