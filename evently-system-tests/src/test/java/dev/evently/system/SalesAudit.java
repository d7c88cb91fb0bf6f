package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;

/**
 * One event's sales as the database has them, read in a single snapshot, and the invariants that must hold
 * however many shoppers raced for its seats: nothing sold twice, tickets, seats and bookings agreeing, money
 * adding up, every seat accounted for.
 */
record SalesAudit(long eventId, long capacity, long available, long held, long booked,
                  long seatsSoldTwice, long validTickets, long ticketsNotMatchingTheirSeat,
                  long bookedSeatsWithoutConfirmedBooking, long heldSeatsWithoutPendingBooking,
                  long confirmedBookingsNotOwningTheirSeats, long pendingBookingsNotHoldingTheirSeats,
                  long confirmedTotalCents, long bookedSeatsPriceCents, long bookingsWithWrongTotal,
                  long endedBookingsStillOnSeats, long endedBookingsWithValidTickets,
                  long expiredSeatsTakenAgain, Map<String, Long> bookingsByStatus, Map<Long, String> bookingStatus) {

    static SalesAudit of(long eventId) {
        return Database.snapshot(db -> audit(db, eventId));
    }

    private static SalesAudit audit(Connection db, long eventId) throws SQLException {
        Map<String, Long> seats = new HashMap<>();
        for (Map<String, Object> row : Database.rows(db,
                "select status, count(*) as n from seats where event_id = ? group by status", eventId)) {
            seats.put((String) row.get("status"), ((Number) row.get("n")).longValue());
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Map<Long, String> bookingStatus = new HashMap<>();
        for (Map<String, Object> row : Database.rows(db, "select id, status from bookings where event_id = ?", eventId)) {
            String status = (String) row.get("status");
            bookingStatus.put(((Number) row.get("id")).longValue(), status);
            byStatus.merge(status, 1L, Long::sum);
        }
        return new SalesAudit(eventId,
                Database.count(db, "select count(*) from seats where event_id = ?", eventId),
                seats.getOrDefault("AVAILABLE", 0L), seats.getOrDefault("HELD", 0L), seats.getOrDefault("BOOKED", 0L),
                Database.count(db, """
                        select count(*) from (
                            select t.seat_id from tickets t join seats s on s.id = t.seat_id
                            where s.event_id = ? and t.status = 'VALID'
                            group by t.seat_id having count(*) > 1) twice""", eventId),
                Database.count(db, """
                        select count(*) from tickets t join seats s on s.id = t.seat_id
                        where s.event_id = ? and t.status = 'VALID'""", eventId),
                Database.count(db, """
                        select count(*) from tickets t join seats s on s.id = t.seat_id
                        where s.event_id = ? and t.status = 'VALID'
                          and (s.status <> 'BOOKED' or s.booking_id is distinct from t.booking_id)""", eventId),
                Database.count(db, """
                        select count(*) from seats s left join bookings b on b.id = s.booking_id
                        where s.event_id = ? and s.status = 'BOOKED'
                          and (b.status is distinct from 'CONFIRMED' or b.event_id <> s.event_id)""", eventId),
                Database.count(db, """
                        select count(*) from seats s left join bookings b on b.id = s.booking_id
                        where s.event_id = ? and s.status = 'HELD'
                          and (b.status is distinct from 'PENDING' or b.event_id <> s.event_id)""", eventId),
                Database.count(db, """
                        select count(*) from bookings b
                        join booking_seats bs on bs.booking_id = b.id join seats s on s.id = bs.seat_id
                        where b.event_id = ? and b.status = 'CONFIRMED'
                          and (s.status <> 'BOOKED' or s.booking_id is distinct from b.id)""", eventId),
                Database.count(db, """
                        select count(*) from bookings b
                        join booking_seats bs on bs.booking_id = b.id join seats s on s.id = bs.seat_id
                        where b.event_id = ? and b.status = 'PENDING'
                          and (s.status <> 'HELD' or s.booking_id is distinct from b.id)""", eventId),
                Database.count(db, "select sum(total_cents) from bookings where event_id = ? and status = 'CONFIRMED'",
                        eventId),
                Database.count(db, "select sum(price_cents) from seats where event_id = ? and status = 'BOOKED'", eventId),
                Database.count(db, """
                        select count(*) from bookings b where b.event_id = ? and b.total_cents <> (
                            select coalesce(sum(s.price_cents), 0)
                            from booking_seats bs join seats s on s.id = bs.seat_id where bs.booking_id = b.id)""",
                        eventId),
                Database.count(db, """
                        select count(*) from seats s join bookings b on b.id = s.booking_id
                        where s.event_id = ? and b.status in ('CANCELLED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED')""",
                        eventId),
                Database.count(db, """
                        select count(*) from tickets t join bookings b on b.id = t.booking_id
                        where b.event_id = ? and b.status in ('CANCELLED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED')
                        and t.status = 'VALID'""",
                        eventId),
                Database.count(db, """
                        select count(distinct bs.seat_id) from bookings b join booking_seats bs on bs.booking_id = b.id
                        where b.event_id = ? and b.status = 'EXPIRED' and exists (
                            select 1 from booking_seats again join bookings later on later.id = again.booking_id
                            where again.seat_id = bs.seat_id and later.id <> b.id and later.created_at > b.created_at)""",
                        eventId),
                byStatus, bookingStatus);
    }

    /** The invariants no rush may break. */
    void assertNothingOversold(long expectedCapacity) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(capacity).as("seats of the event").isEqualTo(expectedCapacity);
        softly.assertThat(available + held + booked).as("AVAILABLE + HELD + BOOKED").isEqualTo(expectedCapacity);
        softly.assertThat(seatsSoldTwice).as("seats with two VALID tickets").isZero();
        softly.assertThat(validTickets).as("VALID tickets = BOOKED seats").isEqualTo(booked);
        softly.assertThat(ticketsNotMatchingTheirSeat).as("VALID tickets whose seat is not BOOKED by their booking")
                .isZero();
        softly.assertThat(bookedSeatsWithoutConfirmedBooking).as("BOOKED seats whose booking is not CONFIRMED").isZero();
        softly.assertThat(heldSeatsWithoutPendingBooking).as("HELD seats whose booking is not PENDING").isZero();
        softly.assertThat(confirmedBookingsNotOwningTheirSeats).as("seats of CONFIRMED bookings not BOOKED by them")
                .isZero();
        softly.assertThat(pendingBookingsNotHoldingTheirSeats).as("seats of PENDING bookings not HELD by them").isZero();
        softly.assertThat(confirmedTotalCents).as("total of CONFIRMED bookings = price of BOOKED seats")
                .isEqualTo(bookedSeatsPriceCents);
        softly.assertThat(bookingsWithWrongTotal).as("bookings whose total is not the price of their seats").isZero();
        softly.assertThat(endedBookingsStillOnSeats).as("seats still held or booked by ended bookings").isZero();
        softly.assertThat(endedBookingsWithValidTickets).as("VALID tickets of ended bookings").isZero();
        softly.assertAll();
    }

    /**
     * What each shopper was told agrees with what the database holds: money the provider took either bought the
     * booking or went back (when the hold had run out and the seats were sold meanwhile), a refused or failed
     * payment never confirmed anything, and no booking exists that nobody was told about.
     */
    void assertShoppersWereToldTheTruth(SeatRush rush) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(bookingStatus.keySet()).as("bookings in the database = bookings answered 201")
                .containsExactlyInAnyOrderElementsOf(rush.told.keySet());
        rush.told.forEach((id, told) -> {
            Set<String> allowed = switch (told) {
                case PAID -> rush.planned.get(id) == SeatRush.Plan.PAY ? Set.of("CONFIRMED")
                        : Set.of("CONFIRMED", "REFUND_PENDING", "REFUNDED");
                case CANCELLED -> Set.of("CANCELLED");
                case HELD, PAY_REFUSED, PAY_FAILED, CANCEL_REFUSED, CHECKED_OUT -> rush.soldOut() ? Set.of("EXPIRED")
                        : Set.of("PENDING", "EXPIRED");
            };
            softly.assertThat(bookingStatus.get(id)).as("booking %d, told %s, planned %s", id, told,
                    rush.planned.get(id)).isIn(allowed);
        });
        softly.assertAll();
    }

    void assertSoldOut() {
        assertThat(booked).as("BOOKED seats once sold out; bookings " + bookingsByStatus).isEqualTo(capacity);
    }

    String figures() {
        return String.format("seats %d (available %d, held %d, booked %d), valid tickets %d, bookings %s, "
                        + "seats of expired bookings taken again %d",
                capacity, available, held, booked, validTickets, bookingsByStatus, expiredSeatsTakenAgain);
    }
}
