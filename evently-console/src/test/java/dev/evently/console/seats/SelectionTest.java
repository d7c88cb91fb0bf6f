package dev.evently.console.seats;

import static dev.evently.console.seats.Seats.available;
import static dev.evently.console.seats.Seats.seat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.booking.boundary.SeatStatuses.Status;
import dev.evently.console.seats.Selection.Outcome;

class SelectionTest {

    private final Selection selection = new Selection(2);

    @Test
    void anAvailableSeatIsPickedAndAClickAgainPutsItBack() {
        assertThat(selection.toggle(available(1), true)).isEqualTo(Outcome.ADDED);
        assertThat(selection.contains(1)).isTrue();

        assertThat(selection.toggle(available(1), true)).isEqualTo(Outcome.REMOVED);
        assertThat(selection.isEmpty()).isTrue();
    }

    @Test
    void takenSeatsAndSeatsOfAnEventNotOnSaleCannotBePicked() {
        assertThat(selection.toggle(seat(1, "Floor", "A", 1, Status.HELD), true)).isEqualTo(Outcome.NOT_AVAILABLE);
        assertThat(selection.toggle(seat(2, "Floor", "A", 2, Status.SOLD), true)).isEqualTo(Outcome.NOT_AVAILABLE);
        assertThat(selection.toggle(available(3), false)).isEqualTo(Outcome.NOT_ON_SALE);
        assertThat(selection.isEmpty()).isTrue();
    }

    @Test
    void noMoreThanASaleTakesArePicked() {
        selection.toggle(available(1), true);
        selection.toggle(available(2), true);

        assertThat(selection.toggle(available(3), true)).isEqualTo(Outcome.FULL);
        assertThat(selection.seatIds()).containsExactly(1L, 2L);
    }

    @Test
    void theKeyStaysWhileTheSeatsStayAndChangesWithThem() {
        selection.toggle(available(1), true);
        String key = selection.key();
        assertThat(selection.key()).as("a second click on Sell sells the same seats under the same key").isEqualTo(key);

        selection.toggle(available(2), true);
        assertThat(selection.key()).isNotEqualTo(key);

        String beforeSale = selection.key();
        selection.clear();
        assertThat(selection.key()).as("the next sale is another").isNotEqualTo(beforeSale);
        assertThat(selection.isEmpty()).isTrue();
    }

    @Test
    void seatsTakenMeanwhileAreDroppedAndNamed() {
        selection.toggle(available(1), true);
        selection.toggle(available(2), true);
        String key = selection.key();

        List<Long> gone = selection.keepAvailable(SeatGrid.of(List.of(available(1),
                seat(2, "Floor", "A", 2, Status.HELD))));

        assertThat(gone).containsExactly(2L);
        assertThat(selection.seatIds()).containsExactly(1L);
        assertThat(selection.key()).isNotEqualTo(key);
    }

    @Test
    void nothingTakenKeepsTheSelectionAndItsKey() {
        selection.toggle(available(1), true);
        String key = selection.key();

        assertThat(selection.keepAvailable(SeatGrid.of(List.of(available(1))))).isEmpty();
        assertThat(selection.key()).isEqualTo(key);
    }
}
