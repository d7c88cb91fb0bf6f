package dev.evently.booking.entity;

import static dev.evently.Fixtures.HOLD_UNTIL;
import static dev.evently.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evently.Fixtures;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatLayout;
import dev.evently.catalog.entity.SeatLayout.Section;
import dev.evently.catalog.entity.SeatStatus;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {

    private List<Seat> seats;
    private Event event;
    private Booking booking;

    @BeforeEach
    void holdTwoSeats() {
        seats = Fixtures.seatsOfPublishedEvent();
        event = seats.get(0).getEvent();
        booking = Booking.hold(Fixtures.user(), event, seats.subList(0, 2), NOW, HOLD_UNTIL, "key-1", "hash-1", "EUR");
    }

    @Test
    void holdOpensAPendingBookingThatHoldsItsSeatsAndSumsTheirPrices() {
        assertThat(booking.getStatus()).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.getTotalCents()).isEqualTo(5000);
        assertThat(booking.getExpiresAt()).isEqualTo(HOLD_UNTIL);
        assertThat(booking.getIdempotencyKey()).isEqualTo("key-1");
        assertThat(seats.subList(0, 2)).allSatisfy(seat -> {
            assertThat(seat.getStatus()).isEqualTo(SeatStatus.HELD);
            assertThat(seat.getBooking()).isSameAs(booking);
        });
        assertThat(seats.get(2).isAvailable()).isTrue();
    }

    @Test
    void aWaitlistOfferIsAHoldMarkedAsAnOffer() {
        Booking offer = Booking.offer(Fixtures.user(), event, seats.subList(2, 3), NOW, HOLD_UNTIL, "EUR");

        assertThat(offer.isWaitlistOffer()).isTrue();
        assertThat(offer.getStatus()).isEqualTo(BookingStatus.PENDING);
        assertThat(seats.get(2).getBooking()).isSameAs(offer);
        assertThat(booking.isWaitlistOffer()).isFalse();
    }

    @Test
    void aSeatAlreadyHeldFailsTheWholeBooking() {
        assertThatThrownBy(() -> Booking.hold(Fixtures.user(), event, List.of(seats.get(3), seats.get(1)), NOW, HOLD_UNTIL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seat-unavailable"));
    }

    @Test
    void theSameSeatTwiceInOneRequestIsRejected() {
        assertThatThrownBy(() -> Booking.hold(Fixtures.user(), event, List.of(seats.get(3), seats.get(3)), NOW, HOLD_UNTIL))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAnEventOnSaleCanBeBookedAndOnlyWithSeats() {
        Event draft = Fixtures.draftEvent();
        List<Seat> draftSeats = draft.layOutSeats(new SeatLayout(List.of(new Section("Floor", 1, 1, 100))));
        assertThatThrownBy(() -> Booking.hold(Fixtures.user(), draft, draftSeats, NOW, HOLD_UNTIL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-not-on-sale"));
        assertThat(draftSeats.get(0).isAvailable()).isTrue();

        assertThatThrownBy(() -> Booking.hold(Fixtures.user(), event, List.of(), NOW, HOLD_UNTIL))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("seatIds"));
    }

    @Test
    void confirmRecordsThePaymentBeforeTheHoldRunsOut() {
        booking.confirm("pay-42", HOLD_UNTIL.minusMillis(1));

        assertThat(booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.getPaymentReference()).isEqualTo("pay-42");
        assertThatThrownBy(() -> booking.confirm("pay-43", NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("booking-not-pending"));
        assertThat(booking.getPaymentReference()).isEqualTo("pay-42");
    }

    @Test
    void aLapsedHoldCannotBeConfirmed() {
        assertThatThrownBy(() -> booking.confirm("pay-42", HOLD_UNTIL))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("booking-expired"));
        assertThat(booking.getStatus()).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.getPaymentReference()).isNull();
    }

    @Test
    void pendingAndConfirmedBookingsCanBeCancelledOnceAndAPaidOneOwesItsMoneyBack() {
        assertThat(booking.cancel(null)).isEqualTo(BookingStatus.PENDING);
        assertThat(booking.getStatus()).isEqualTo(BookingStatus.CANCELLED);
        assertThatThrownBy(() -> booking.cancel(null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("booking-not-cancellable"));

        Booking paid = Booking.hold(Fixtures.user(), event, List.of(seats.get(3)), NOW, HOLD_UNTIL);
        paid.confirm("pay-1", NOW);
        assertThat(paid.cancel("event-cancelled")).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(paid.getStatus()).isEqualTo(BookingStatus.REFUND_PENDING);
        assertThat(paid.getEndReason()).isEqualTo("event-cancelled");
        paid.refunded();
        assertThat(paid.getStatus()).isEqualTo(BookingStatus.REFUNDED);
        assertThatThrownBy(paid::refunded).isInstanceOf(ConflictException.class);
    }

    @Test
    void paidAfterItsHoldRanOutABookingIsConfirmedWhenItsSeatsAreStillFree() {
        Booking late = Booking.hold(Fixtures.user(), event, List.of(seats.get(3)), NOW, HOLD_UNTIL);
        late.expire(HOLD_UNTIL);
        seats.get(3).release();

        late.confirmLate("pay-9", List.of(seats.get(3)), HOLD_UNTIL.plusSeconds(60));

        assertThat(late.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(seats.get(3).getStatus()).isEqualTo(SeatStatus.HELD);
        assertThat(seats.get(3).getBooking()).isSameAs(late);
    }

    @Test
    void paidAfterItsHoldRanOutWithItsSeatsTakenABookingOwesTheMoneyBack() {
        Booking late = Booking.hold(Fixtures.user(), event, List.of(seats.get(3)), NOW, HOLD_UNTIL);
        late.expire(HOLD_UNTIL);
        seats.get(3).release();
        Booking.hold(Fixtures.user(), event, List.of(seats.get(3)), HOLD_UNTIL, HOLD_UNTIL.plusSeconds(600));

        assertThatThrownBy(() -> late.confirmLate("pay-9", List.of(seats.get(3)), HOLD_UNTIL.plusSeconds(60)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seats-taken"));
        assertThat(late.refundLatePayment("seats-taken")).isEqualTo(BookingStatus.EXPIRED);
        assertThat(late.getStatus()).isEqualTo(BookingStatus.REFUND_PENDING);
        assertThat(late.getEndReason()).isEqualTo("seats-taken");
        assertThatThrownBy(() -> booking.refundLatePayment("seats-taken")).isInstanceOf(ConflictException.class);
    }

    @Test
    void expireOnlyOnceTheHoldHasRunOut() {
        assertThatThrownBy(() -> booking.expire(HOLD_UNTIL.minusMillis(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("booking-not-expired"));
        assertThat(booking.getStatus()).isEqualTo(BookingStatus.PENDING);

        booking.expire(HOLD_UNTIL);

        assertThat(booking.getStatus()).isEqualTo(BookingStatus.EXPIRED);
        assertThatThrownBy(() -> booking.expire(HOLD_UNTIL)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> booking.cancel(null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aConfirmedBookingNeverExpires() {
        booking.confirm("pay-1", NOW);

        assertThat(booking.isExpired(HOLD_UNTIL.plusSeconds(3600))).isFalse();
        assertThatThrownBy(() -> booking.expire(HOLD_UNTIL.plusSeconds(3600))).isInstanceOf(ConflictException.class);
    }

    @Test
    void isExpiredFromTheExpiryInstantOn() {
        assertThat(booking.isExpired(NOW)).isFalse();
        assertThat(booking.isExpired(HOLD_UNTIL.minusMillis(1))).isFalse();
        assertThat(booking.isExpired(HOLD_UNTIL)).isTrue();
    }

    @Test
    void aRetryCarriesTheSameRequestHash() {
        assertThat(booking.isRetryOf("hash-1")).isTrue();
        assertThat(booking.isRetryOf("hash-2")).isFalse();
    }
}
