package dev.evently.booking.entity;

import static dev.evently.Fixtures.HOLD_UNTIL;
import static dev.evently.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evently.Fixtures;
import dev.evently.catalog.entity.Seat;
import dev.evently.platform.errors.ConflictException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketTest {

    private static final Instant DOORS = Fixtures.START.minusSeconds(1800);

    private List<Seat> seats;
    private Booking booking;

    @BeforeEach
    void confirmBookingOfFirstSeat() {
        seats = Fixtures.seatsOfPublishedEvent();
        booking = Booking.hold(Fixtures.user(), seats.get(0).getEvent(), List.of(seats.get(0)), NOW, HOLD_UNTIL);
        booking.confirm("pay-1", NOW);
        seats.get(0).book();
    }

    @Test
    void aTicketIsIssuedValidForABookedSeatOfAConfirmedBooking() {
        Ticket ticket = Ticket.issue(booking, seats.get(0), "code-1", NOW);

        assertThat(ticket.isValid()).isTrue();
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.VALID);
        assertThat(ticket.getSeat()).isSameAs(seats.get(0));
        assertThat(ticket.getIssuedAt()).isEqualTo(NOW);
        assertThat(ticket.isCheckedIn()).isFalse();
    }

    @Test
    void noTicketForAPendingBooking() {
        Booking pending = Booking.hold(Fixtures.user(), seats.get(1).getEvent(), List.of(seats.get(1)), NOW, HOLD_UNTIL);

        assertThatThrownBy(() -> Ticket.issue(pending, seats.get(1), "code-2", NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("booking-not-confirmed"));
    }

    @Test
    void noTicketForASeatTheBookingDidNotBuy() {
        assertThatThrownBy(() -> Ticket.issue(booking, seats.get(1), "code-2", NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seat-not-booked"));
    }

    @Test
    void checkInAdmitsOnce() {
        Ticket ticket = Ticket.issue(booking, seats.get(0), "code-1", NOW);

        ticket.checkIn(DOORS);

        assertThat(ticket.getCheckedInAt()).isEqualTo(DOORS);
        assertThatThrownBy(() -> ticket.checkIn(DOORS.plusSeconds(5)))
                .isInstanceOfSatisfying(TicketAlreadyCheckedInException.class, e -> {
                    assertThat(e.type()).isEqualTo("ticket-already-checked-in");
                    assertThat(e.checkedInAt()).isEqualTo(DOORS);
                });
        assertThat(ticket.getCheckedInAt()).isEqualTo(DOORS);
    }

    @Test
    void aVoidTicketAdmitsNobody() {
        Ticket ticket = Ticket.issue(booking, seats.get(0), "code-1", NOW);

        ticket.voidTicket();

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.VOID);
        assertThatThrownBy(() -> ticket.checkIn(DOORS))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("ticket-void"));
        assertThat(ticket.isCheckedIn()).isFalse();
        assertThatThrownBy(ticket::voidTicket).isInstanceOf(ConflictException.class);
    }
}
