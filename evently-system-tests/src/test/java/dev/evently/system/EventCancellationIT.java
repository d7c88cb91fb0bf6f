package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an event cancels its sales: 2,000 paid bookings are cancelled in batches and refunded through the
 * provider, while the server instance that webhooks go to is killed (kill -9) part-way and started again. Every
 * booking ends REFUNDED, every payment was refunded exactly once (at Evently and at the provider), and the money
 * adds up.
 */
class EventCancellationIT {

    static final int BOOKINGS = 2_000;
    static final int BUYERS = 200;

    @AfterEach
    void reliableAgain() {
        Provider.reset();
    }

    @Test
    void aCancelledEventRefundsEveryPaidBookingOnceThoughTheServerDiesHalfWay() throws Exception {
        String admin = Tokens.admin();
        long eventId = Rushes.publishedEvent("Cancelled sale", List.of(Catalog.section("Stalls", 20, 100, 2500)));
        List<Long> seats = Catalog.seatIds(eventId);
        List<Tokens.Account> buyers = Tokens.newUsers(BUYERS);
        Provider.behave(Map.of("autoDecideMs", 20));
        List<Long> bookings = sell(eventId, seats, buyers);
        Stack.await(BOOKINGS + " bookings confirmed", Duration.ofMinutes(3),
                () -> Database.count("select count(*) from bookings where event_id = ? and status = 'CONFIRMED'", eventId),
                n -> n == BOOKINGS);
        Provider.reset();

        Instant cancelledAt = Instant.now();
        assertThat(Auth.delete("/api/admin/events/" + eventId, admin).statusCode()).isEqualTo(200);
        Stack.await("a first part cancelled", Duration.ofMinutes(1), () -> Database.count(
                "select count(*) from bookings where event_id = ? and status <> 'CONFIRMED'", eventId), n -> n >= 200);
        long pid = Server.pid();
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        long atKill = Database.count("select count(*) from bookings where event_id = ? and status <> 'CONFIRMED'", eventId);
        Stack.evently("start");
        long restartedAfter = Duration.between(cancelledAt, Instant.now()).toSeconds();

        Stack.await("every booking refunded", Duration.ofMinutes(4),
                () -> Database.count("select count(*) from bookings where event_id = ? and status = 'REFUNDED'", eventId),
                n -> n == BOOKINGS);
        System.out.printf("EventCancellationIT: %d bookings; %d ended when the server was killed; restarted %d s after "
                        + "the cancel; all refunded %d s after it%n", BOOKINGS, atKill, restartedAfter,
                Duration.between(cancelledAt, Instant.now()).toSeconds());

        assertThat(atKill).as("killed part-way").isLessThan(BOOKINGS);
        assertThat(Database.count("""
                select count(*) from payments p join bookings b on b.id = p.booking_id
                where b.event_id = ? and p.status = 'SUCCEEDED'""", eventId)).isEqualTo(BOOKINGS);
        assertThat(Database.count("""
                select count(*) from refunds r join bookings b on b.id = r.booking_id
                where b.event_id = ? and r.status = 'SUCCEEDED' and r.reason = 'event-cancelled'""", eventId))
                .isEqualTo(BOOKINGS);
        assertThat(Database.count("select count(*) from seats where event_id = ? and status <> 'AVAILABLE'", eventId))
                .isZero();
        MoneyAudit.of(eventId).assertMoneyAddsUp(true);
        // at the provider too: each payment was refunded once, whatever was asked twice around the crash
        for (Map<String, Object> row : Database.rows("""
                select p.provider_reference from payments p join bookings b on b.id = p.booking_id
                where b.event_id = ? order by p.id limit 50""", eventId)) {
            JsonNode atProvider = Stack.json(Provider.api("GET", "/v1/payments/" + row.get("provider_reference"), null));
            assertThat(atProvider.path("refunds")).as("refunds of " + row.get("provider_reference")).hasSize(1);
        }
        Tokens.Account first = buyers.get(0);
        Mailbox.awaitInbox(first.email(), Duration.ofSeconds(60),
                mails -> mails.stream().filter(m -> m.subject().startsWith("Refunded: ")).count() == BOOKINGS / BUYERS,
                "a cancellation and a refund mail per booking");
        assertThat(Mailbox.withSubject(first.email(), "Cancelled: ")).hasSize(BOOKINGS / BUYERS);
        assertThat(bookings).hasSize(BOOKINGS);
    }

    /** Each buyer holds and checks out ten bookings of one seat; the provider pays them by itself. */
    private static List<Long> sell(long eventId, List<Long> seats, List<Tokens.Account> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> sold = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                Tokens.Account buyer = buyers.get(i % buyers.size());
                long seat = seats.get(i);
                sold.add(pool.submit(() -> {
                    var held = Auth.post("/api/bookings", buyer.token(), Map.of("eventId", eventId, "seatIds", List.of(seat)));
                    assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
                    long booking = Stack.json(held).path("id").asLong();
                    Provider.open(buyer.token(), booking);
                    return booking;
                }));
            }
            List<Long> bookings = new ArrayList<>();
            for (Future<Long> booking : sold) {
                bookings.add(booking.get());
            }
            return bookings;
        } finally {
            pool.shutdownNow();
        }
    }
}
