package dev.evently.catalog.entity;

import static dev.evently.Fixtures.HOLD_UNTIL;
import static dev.evently.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evently.Fixtures;
import dev.evently.booking.entity.Booking;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SeatTest {

    private List<Seat> seats;
    private Booking booking;

    @BeforeEach
    void bookFirstSeat() {
        seats = Fixtures.seatsOfPublishedEvent();
        booking = Booking.hold(Fixtures.user(), seats.get(0).getEvent(), List.of(seats.get(0)), NOW, HOLD_UNTIL);
    }

    @Test
    void newSeatIsAvailableAndLabelledBySectionRowAndNumber() {
        var seat = new Seat(Fixtures.draftEvent(), "Floor", "A", 12, 4500);

        assertThat(seat.isAvailable()).isTrue();
        assertThat(seat.getBooking()).isNull();
        assertThat(seat.getLabel()).isEqualTo("Floor A-12");
    }

    @Test
    void seatNumbersStartAtOne() {
        assertThatThrownBy(() -> new Seat(Fixtures.draftEvent(), "Floor", "A", 0, 4500))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void holdGivesTheSeatToTheBooking() {
        Seat seat = seats.get(1);

        seat.hold(booking);

        assertThat(seat.getStatus()).isEqualTo(SeatStatus.HELD);
        assertThat(seat.getBooking()).isSameAs(booking);
        assertThat(seat.belongsTo(booking)).isTrue();
    }

    @Test
    void aHeldSeatCannotBeHeldAgain() {
        var other = Booking.hold(Fixtures.user(), seats.get(1).getEvent(), List.of(seats.get(1)), NOW, HOLD_UNTIL);

        assertThatThrownBy(() -> seats.get(0).hold(other))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("seat-unavailable");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("Floor A-1");
                });
        assertThat(seats.get(0).belongsTo(booking)).isTrue();
        assertThat(seats.get(0).belongsTo(other)).isFalse();
    }

    @Test
    void aSeatCannotBeHeldForAnotherEventsBooking() {
        Seat foreign = Fixtures.seatsOfPublishedEvent().get(0);

        assertThatThrownBy(() -> foreign.hold(booking))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("seatIds"));
        assertThat(foreign.isAvailable()).isTrue();
    }

    @Test
    void bookTurnsAHoldIntoASale() {
        Seat seat = seats.get(0);

        seat.book();

        assertThat(seat.getStatus()).isEqualTo(SeatStatus.BOOKED);
        assertThat(seat.getBooking()).isSameAs(booking);
    }

    @Test
    void onlyAHeldSeatCanBeBooked() {
        assertThatThrownBy(() -> seats.get(1).book())
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seat-not-held"));

        seats.get(0).book();
        assertThatThrownBy(() -> seats.get(0).book()).isInstanceOf(ConflictException.class);
    }

    @Test
    void releasePutsHeldAndBookedSeatsBackOnSale() {
        Seat held = seats.get(0);
        held.release();
        assertThat(held.isAvailable()).isTrue();
        assertThat(held.getBooking()).isNull();

        held.hold(booking);
        held.book();
        held.release();
        assertThat(held.getStatus()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(held.getBooking()).isNull();
    }

    @Test
    void anAvailableSeatCannotBeReleased() {
        assertThatThrownBy(() -> seats.get(1).release()).isInstanceOf(ConflictException.class);
    }
}
