package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * The broker goes away in the middle of sales: bookings go on, their events wait in the outbox, and once
 * the broker is back every one of them reaches subscribers and Evently's own consumers — none lost. And the
 * other way round: a batch the broker took whose rows the outbox could not mark is sent again, and Evently acts
 * on it once.
 */
class BrokerOutageIT {

    /** The relay backs off up to 30 s between attempts while the broker is away. */
    private static final Duration DRAINED = Duration.ofSeconds(120);
    /** The advisory lock the relaying instance holds (OutboxBatches): while a test holds it, nobody relays. */
    private static final long RELAY_LOCK = 0x6576656e746c79L;

    @Test
    void bookingsGoOnWhileTheBrokerIsDownAndNoEventIsLost() throws Exception {
        String admin = Tokens.admin();
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Outage"), 8);
        List<Long> seats = Catalog.seatIds(event);
        List<Account> buyers = Tokens.newUsers(6);
        Account waiting = Tokens.newUsers(1).get(0);
        WaitlistIT.buy(buyers.get(5), event, seats.subList(6, 8));
        List<Long> bookings = new ArrayList<>();

        Broker.Subscription subscription = new Broker.Subscription("aggregateType = 'booking'");
        try {
            subscription.detach();
            Stack.evently("broker", "stop");
            try {
                for (int i = 0; i < 3; i++) {
                    bookings.add(WaitlistIT.hold(buyers.get(i), event, seats.subList(2 * i, 2 * i + 2)));
                }
                Provider.pay(buyers.get(0).token(), bookings.get(0));
                assertThat(WaitlistIT.join(waiting, event, 2).statusCode()).isEqualTo(201);
                assertThat(Auth.post("/api/bookings/" + bookings.get(1) + "/cancel", buyers.get(1).token(), Map.of())
                        .statusCode()).isEqualTo(200);

                // the relay has tried and failed: the backlog shows it to operators
                JsonNode backlog = Stack.await("a failed publication in the outbox backlog", Duration.ofSeconds(30),
                        () -> Stack.json(Auth.get("/api/admin/messaging/outbox", admin)),
                        found -> found.path("mostAttempts").asInt() >= 1);
                assertThat(backlog.path("pending").asLong()).isGreaterThanOrEqualTo(6);
                assertThat(backlog.path("lastError").asText()).isNotBlank();
            } finally {
                Stack.evently("broker", "start");
            }

            Stack.pollGet("/api/ready", DRAINED, r -> r.statusCode() == 200);
            Stack.await("outbox drained after the broker came back", DRAINED, () -> pending(admin), pending -> pending == 0);

            // every event written for these bookings was published and reaches the subscriber, in order per booking
            String ids = bookings.stream().map(String::valueOf).collect(Collectors.joining("','", "'", "'"));
            Set<Long> written = new TreeSet<>();
            Database.rows("select id from outbox where aggregate_type = 'booking' and aggregate_id in (" + ids + ")")
                    .forEach(row -> written.add(((Number) row.get("id")).longValue()));
            assertThat(written).hasSizeGreaterThanOrEqualTo(5);
            assertThat(Database.count("select count(*) from outbox where aggregate_type = 'booking' and aggregate_id in ("
                    + ids + ") and published_at is null")).isZero();
            subscription.attach();
            List<JsonNode> received = subscription.receiveUntil(DRAINED, events -> receivedIds(events, ids).containsAll(written));
            assertThat(receivedIds(received, ids)).as("published = written, none lost").isEqualTo(written);

            // and the consumers came back with the broker: the seats released during the outage were offered
            long entry = Stack.json(Auth.get("/api/waitlist/my-entries", waiting.token())).get(0).path("id").asLong();
            WaitlistIT.awaitEntry(waiting, entry, "OFFERED");
        } finally {
            subscription.close();
        }
    }

    /**
     * The relay commits a batch on the broker before it marks the rows published in the database. Here the marks
     * cannot commit (the test holds the rows' locks, so the relay's update times out): the broker already holds the
     * batch, the rows stay unpublished, and the relay sends it again at every attempt until the marks commit.
     * Subscribers get the copies (and drop repeats by the event's id); what Evently itself does with the batch in
     * the relay's transaction, the confirmation mail, is undone with each failed attempt and written once, with the
     * marks: the buyer gets one mail.
     */
    @Test
    void aBatchSentAgainBecauseItsMarksFailedIsActedOnOnce() throws Exception {
        assumeTrue(Mailbox.available(), "no mail API (evently.mail-api-url): the stack uses a configured SMTP server");
        String admin = Tokens.admin();
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Resend"), 2);
        Account buyer = Tokens.newUsers(1).get(0);
        long booking;
        String confirmed;
        Broker.Subscription subscription = new Broker.Subscription("eventType = 'booking.confirmed'");
        try {
            try (Database.Held relayPaused = Database.hold("select pg_advisory_xact_lock(?)", RELAY_LOCK)) {
                booking = WaitlistIT.hold(buyer, event, Catalog.seatIds(event));
                Provider.pay(buyer.token(), booking);
                confirmed = String.valueOf(Database.row("select id from outbox where type = 'booking.confirmed'"
                        + " and aggregate_id = ? and published_at is null", String.valueOf(booking)).get("id"));
            }
            try (Database.Held marksBlocked = Database.hold("select id from outbox where published_at is null for update")) {
                List<JsonNode> received = subscription.receiveUntil(DRAINED, copies -> copiesOf(copies, confirmed) >= 2);
                assertThat(copiesOf(received, confirmed)).as("the batch sent twice while its rows could not be marked")
                        .isGreaterThanOrEqualTo(2);
                assertThat(Database.count("select count(*) from outbox where id = ? and published_at is null",
                        Long.parseLong(confirmed))).as("still unpublished while the broker holds copies").isOne();
                assertThat(Database.count("select count(*) from outgoing_mails where cause = ?", confirmed))
                        .as("no mail owed while the event is not marked published").isZero();
            }
            Stack.await("the rows marked once their locks were gone", DRAINED, () -> Database.count(
                    "select count(*) from outbox where id = ? and published_at is not null", Long.parseLong(confirmed)),
                    n -> n == 1);
        } finally {
            subscription.close();
        }
        Mailbox.await(buyer.email(), "Your booking " + booking + " is confirmed", DRAINED);
        assertThat(Database.count("select count(*) from outgoing_mails where cause = ?", confirmed))
                .as("one mail owed").isOne();
        assertThat(Database.count("select count(*) from outgoing_mails where recipient = ? and subject like ?",
                buyer.email(), "Your booking " + booking + " is confirmed%")).as("one mail owed to the buyer").isOne();
        assertThat(Mailbox.withSubject(buyer.email(), "is confirmed")).as("one mail sent").hasSize(1);
    }

    private static long copiesOf(List<JsonNode> events, String eventId) {
        return events.stream().filter(e -> e.path("id").asText().equals(eventId)).count();
    }

    private static long pending(String admin) {
        return Stack.json(Auth.get("/api/admin/messaging/outbox", admin)).path("pending").asLong();
    }

    private static Set<Long> receivedIds(List<JsonNode> events, String quotedBookingIds) {
        Set<Long> ids = new TreeSet<>();
        for (JsonNode event : events) {
            if (quotedBookingIds.contains("'" + event.path("aggregateId").asText() + "'")) {
                ids.add(event.path("id").asLong());
            }
        }
        return ids;
    }
}
