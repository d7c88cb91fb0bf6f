package dev.evently.analytics.control;

import static dev.evently.outbox.event.DomainEvents.BOOKING_CANCELLED;
import static dev.evently.outbox.event.DomainEvents.BOOKING_CONFIRMED;
import static dev.evently.outbox.event.DomainEvents.BOOKING_CREATED;
import static dev.evently.outbox.event.DomainEvents.BOOKING_EXPIRED;
import static dev.evently.outbox.event.DomainEvents.PAYMENT_REJECTED;
import static dev.evently.outbox.event.DomainEvents.WAITLIST_JOINED;
import static dev.evently.outbox.event.DomainEvents.WAITLIST_OFFERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.PaymentRejected;
import dev.evently.outbox.event.DomainEvents.WaitlistJoined;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;

class DailyChangeTest {

    private static final Instant AT = Instant.parse("2026-11-30T23:59:59Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @Test
    void aNewBookingOrOfferCountsOnceWithoutSelling() {
        assertThat(DailyChange.of(BOOKING_CREATED, booking(3, 9000, null)))
                .contains(new DailyChange(42, DAY, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void changesOfOneRowAddUpAndChangesOfTwoRowsDoNot() {
        DailyChange created = new DailyChange(42, DAY, 1, 0, 0, 0, 0, 0, 0);
        DailyChange confirmed = new DailyChange(42, DAY, 0, 3, 9000, 0, 0, 1, 2);
        assertThat(created.plus(confirmed)).isEqualTo(new DailyChange(42, DAY, 1, 3, 9000, 0, 0, 1, 2));
        assertThatThrownBy(
                () -> created.plus(new DailyChange(42, DAY.plusDays(1), 1, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                () -> created.plus(new DailyChange(43, DAY, 1, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfirmationSellsItsSeatsForItsTotal() {
        assertThat(DailyChange.of(BOOKING_CONFIRMED, booking(3, 9000, null)))
                .contains(new DailyChange(42, DAY, 0, 3, 9000, 0, 0, 0, 0));
    }

    @Test
    void cancellingAPaidBookingIsARefundButAPendingOneSoldNothing() {
        assertThat(DailyChange.of(BOOKING_CANCELLED, booking(2, 6500, "CONFIRMED")))
                .contains(new DailyChange(42, DAY, 0, -2, -6500, 1, 0, 0, 0));
        assertThat(DailyChange.of(BOOKING_CANCELLED, booking(2, 6500, "PENDING")))
                .contains(new DailyChange(42, DAY, 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void moneyThatCameAfterABookingEndedIsNeitherASaleNorACancellation() {
        assertThat(DailyChange.of(BOOKING_CANCELLED, booking(2, 6500, "EXPIRED"))).isEmpty();
        assertThat(DailyChange.of(BOOKING_CANCELLED, booking(2, 6500, "CANCELLED"))).isEmpty();
    }

    @Test
    void expiriesAndWaitlistActivityAreCounted() {
        assertThat(DailyChange.of(BOOKING_EXPIRED, booking(2, 6500, null)))
                .contains(new DailyChange(42, DAY, 0, 0, 0, 0, 1, 0, 0));
        assertThat(DailyChange.of(WAITLIST_JOINED, new WaitlistJoined(7, 17, 42, 2, AT)))
                .contains(new DailyChange(42, DAY, 0, 0, 0, 0, 0, 1, 0));
        assertThat(DailyChange.of(WAITLIST_OFFERED, new WaitlistOffered(7, 17, 42, 9, List.of(1L, 2L), 6500, AT, AT)))
                .contains(new DailyChange(42, DAY, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void otherEventsAreNotAnalytics() {
        assertThat(DailyChange.of(PAYMENT_REJECTED, new PaymentRejected(9, "p", 100, "SUCCEEDED", "amount-mismatch", AT, 1L, "EUR")))
                .isEmpty();
        assertThat(DailyChange.counts(PAYMENT_REJECTED)).isFalse();
        assertThat(DailyChange.counts(null)).isFalse();
        assertThat(DailyChange.counts(BOOKING_CONFIRMED)).isTrue();
    }

    private static BookingChange booking(int seats, long totalCents, String previousStatus) {
        List<Long> seatIds = java.util.stream.LongStream.rangeClosed(1, seats).boxed().toList();
        return new BookingChange(9, 17, 42, "CANCELLED", seatIds, totalCents, "EUR", AT, false, AT, previousStatus, null,
                null);
    }
}
