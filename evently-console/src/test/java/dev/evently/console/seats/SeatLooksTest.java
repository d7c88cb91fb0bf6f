package dev.evently.console.seats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evently.booking.boundary.SeatStatuses.Status;

class SeatLooksTest {

    @Test
    void eachStatusHasAWordAndAColour() {
        assertThat(SeatLooks.label(Status.AVAILABLE)).isEqualTo("Available");
        assertThat(SeatLooks.label(Status.CHECKED_IN)).isEqualTo("Checked in");
        assertThat(SeatLooks.cssClass(Status.HELD, false)).isEqualTo("seat seat-held");
        assertThat(SeatLooks.cssClass(Status.CHECKED_IN, false)).isEqualTo("seat seat-checked-in");
        assertThat(SeatLooks.cssClass(Status.AVAILABLE, true)).isEqualTo("seat seat-available seat-selected");
    }

    @Test
    void aSeatIsDescribedInWordsNotOnlyInColour() {
        assertThat(SeatLooks.describe("Floor A-1", "45.00 EUR", Status.SOLD, false))
                .isEqualTo("Floor A-1, 45.00 EUR, sold");
        assertThat(SeatLooks.describe("Balcony A-2", "20.00 EUR", Status.AVAILABLE, true))
                .isEqualTo("Balcony A-2, 20.00 EUR, available, selected");
    }

    @Test
    void onlyPositiveNumbersAreIds() {
        assertThat(SeatIds.parse("42")).isEqualTo(42L);
        assertThat(SeatIds.parse(" 7 ")).isEqualTo(7L);
        assertThat(SeatIds.parse("0")).isNull();
        assertThat(SeatIds.parse("-3")).isNull();
        assertThat(SeatIds.parse("4x")).isNull();
        assertThat(SeatIds.parse("99999999999999999999999")).isNull();
        assertThat(SeatIds.parse("")).isNull();
        assertThat(SeatIds.parse(null)).isNull();
    }
}
