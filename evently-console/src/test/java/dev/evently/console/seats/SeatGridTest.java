package dev.evently.console.seats;

import static dev.evently.console.seats.Seats.seat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.booking.boundary.SeatStatuses.StaffSeat;
import dev.evently.booking.boundary.SeatStatuses.Status;

class SeatGridTest {

    @Test
    void seatsAreGroupedBySectionAndRowInTheOrderTheyCome() {
        SeatGrid grid = SeatGrid.of(List.of(
                seat(1, "Floor", "A", 1, Status.AVAILABLE),
                seat(2, "Floor", "A", 2, Status.HELD),
                seat(3, "Floor", "B", 1, Status.SOLD),
                seat(4, "Balcony", "A", 1, Status.CHECKED_IN),
                seat(5, "Balcony", "A", 2, Status.AVAILABLE)));

        assertThat(grid.sections()).extracting(SeatGrid.Section::name).containsExactly("Floor", "Balcony");
        assertThat(grid.sections().get(0).rows()).extracting(SeatGrid.Row::label).containsExactly("A", "B");
        assertThat(grid.sections().get(0).rows().get(0).seats()).extracting(StaffSeat::id).containsExactly(1L, 2L);
        assertThat(grid.sections().get(1).rows()).singleElement()
                .satisfies(row -> assertThat(row.seats()).extracting(StaffSeat::id).containsExactly(4L, 5L));
    }

    @Test
    void eachStatusIsCountedAndSeatsAreFoundById() {
        SeatGrid grid = SeatGrid.of(List.of(
                seat(1, "Floor", "A", 1, Status.AVAILABLE),
                seat(2, "Floor", "A", 2, Status.AVAILABLE),
                seat(3, "Floor", "A", 3, Status.SOLD)));

        assertThat(grid.count(Status.AVAILABLE)).isEqualTo(2);
        assertThat(grid.count(Status.SOLD)).isEqualTo(1);
        assertThat(grid.count(Status.HELD)).as("a status no seat has").isZero();
        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.seat(3).label()).isEqualTo("Floor A-3");
        assertThat(grid.seat(99)).isNull();
    }

    @Test
    void anEventWithoutSeatsHasAnEmptyMap() {
        SeatGrid grid = SeatGrid.empty();

        assertThat(grid.isEmpty()).isTrue();
        assertThat(grid.sections()).isEmpty();
        assertThat(grid.count(Status.AVAILABLE)).isZero();
    }
}
