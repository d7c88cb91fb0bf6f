package dev.evently.analytics.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DailyChangeTest {

    @Test
    void aNewBookingOrOfferCountsOnceWithoutSelling() {
        assertThat(DailyChange.of("booking.created", 3, 9000, null)).contains(new DailyChange(1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aConfirmationSellsItsSeatsForItsTotal() {
        assertThat(DailyChange.of("booking.confirmed", 3, 9000, null)).contains(new DailyChange(0, 3, 9000, 0, 0, 0, 0));
    }

    @Test
    void cancellingAPaidBookingIsARefundButAPendingOneSoldNothing() {
        assertThat(DailyChange.of("booking.cancelled", 2, 6500, "CONFIRMED"))
                .contains(new DailyChange(0, -2, -6500, 1, 0, 0, 0));
        assertThat(DailyChange.of("booking.cancelled", 2, 6500, "PENDING"))
                .contains(new DailyChange(0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void expiriesAndWaitlistActivityAreCounted() {
        assertThat(DailyChange.of("booking.expired", 2, 6500, null)).contains(new DailyChange(0, 0, 0, 0, 1, 0, 0));
        assertThat(DailyChange.of("waitlist.joined", 0, 0, null)).contains(new DailyChange(0, 0, 0, 0, 0, 1, 0));
        assertThat(DailyChange.of("waitlist.offered", 2, 6500, null)).contains(new DailyChange(0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void otherEventsAreNotAnalytics() {
        assertThat(DailyChange.of("payment.rejected", 0, 0, null)).isEmpty();
        assertThat(DailyChange.of("waitlist.left", 0, 0, null)).isEmpty();
    }
}
