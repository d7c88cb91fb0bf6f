package dev.evently.catalog.entity;

import static dev.evently.Fixtures.NOW;
import static dev.evently.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evently.Fixtures;
import dev.evently.catalog.entity.SeatLayout.Section;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTest {

    private static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new Section("Floor", 3, 4, 4500),
            new Section("Balcony", 2, 5, 2500)));

    @Test
    void layoutGeneratesEverySeatOnceAndSetsTheCapacity() {
        Event event = Fixtures.draftEvent();

        List<Seat> seats = event.layOutSeats(LAYOUT);

        assertThat(seats).hasSize(22);
        assertThat(event.getTotalCapacity()).isEqualTo(22);
        assertThat(seats).allSatisfy(seat -> {
            assertThat(seat.getEvent()).isSameAs(event);
            assertThat(seat.isAvailable()).isTrue();
        });
        assertThat(seats).extracting(Seat::getLabel).doesNotHaveDuplicates();
        assertThat(seats).filteredOn(s -> s.getSection().equals("Floor")).hasSize(12)
                .allSatisfy(s -> assertThat(s.getPriceCents()).isEqualTo(4500));
        assertThat(seats).filteredOn(s -> s.getSection().equals("Balcony")).hasSize(10)
                .allSatisfy(s -> assertThat(s.getPriceCents()).isEqualTo(2500));
    }

    @Test
    void seatsAreLabelledBySectionRowLetterAndNumber() {
        List<Seat> seats = Fixtures.draftEvent().layOutSeats(LAYOUT);

        assertThat(seats.get(0).getLabel()).isEqualTo("Floor A-1");
        assertThat(seats.get(11).getLabel()).isEqualTo("Floor C-4");
        assertThat(seats.get(11).getRowLabel()).isEqualTo("C");
        assertThat(seats.get(11).getNumber()).isEqualTo(4);
        assertThat(seats.get(21).getLabel()).isEqualTo("Balcony B-5");
    }

    @Test
    void rowsAfterZContinueWithTwoLetters() {
        List<Seat> seats = Fixtures.draftEvent().layOutSeats(new SeatLayout(List.of(new Section("Stalls", 28, 1, 1000))));

        assertThat(seats).extracting(Seat::getRowLabel).startsWith("A", "B").endsWith("Z", "AA", "AB");
        assertThat(seats.get(27).getLabel()).isEqualTo("Stalls AB-1");
    }

    @ParameterizedTest
    @CsvSource({"1,A", "2,B", "26,Z", "27,AA", "28,AB", "52,AZ", "53,BA", "702,ZZ", "703,AAA"})
    void rowLabelsCountLikeSpreadsheetColumns(int row, String label) {
        assertThat(Event.rowLabel(row)).isEqualTo(label);
    }

    @Test
    void theSeatMapIsGeneratedOnlyOnce() {
        Event event = Fixtures.draftEvent();
        event.layOutSeats(LAYOUT);

        assertThatThrownBy(() -> event.layOutSeats(LAYOUT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seat-map-exists"));
        assertThat(event.getTotalCapacity()).isEqualTo(22);
    }

    @Test
    void layoutsRejectDuplicateSectionsEmptyRowsAndAbsurdSizes() {
        assertThatThrownBy(() -> new SeatLayout(List.of(new Section("Floor", 1, 1, 0), new Section("Floor", 2, 2, 0))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new Section("Floor", 0, 10, 100))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("rows"));
        assertThatThrownBy(() -> new Section("Floor", 1, 1, -1)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SeatLayout(List.of(new Section("Arena", 1000, 101, 100))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SeatLayout(List.of())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anEventMustEndAfterItStarts() {
        assertThatThrownBy(() -> new Event("Gig", null, "Club", START, START, NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("endTime"));
    }

    @Test
    void publishingNeedsASeatMapAndADraft() {
        Event event = Fixtures.draftEvent();
        assertThatThrownBy(event::publish)
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-has-no-seats"));

        event.layOutSeats(LAYOUT);
        event.publish();

        assertThat(event.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThatThrownBy(event::publish).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> event.layOutSeats(LAYOUT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-not-draft"));
    }

    @Test
    void onlyAPublishedEventIsOnSaleAndOnlyUntilItStarts() {
        Event event = Fixtures.draftEvent();
        assertThat(event.isOnSale(NOW)).isFalse();

        event.layOutSeats(LAYOUT);
        event.publish();
        assertThat(event.isOnSale(NOW)).isTrue();
        assertThat(event.isOnSale(START.minusMillis(1))).isTrue();
        assertThat(event.isOnSale(START)).isFalse();

        event.cancel();
        assertThat(event.isOnSale(NOW)).isFalse();
        assertThatThrownBy(() -> event.requireOnSale(NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-not-on-sale"));
    }

    @Test
    void aCancelledEventCannotBeCancelledOrRevisedAgain() {
        Event event = Fixtures.draftEvent();
        event.cancel();

        assertThat(event.getStatus()).isEqualTo(EventStatus.CANCELLED);
        assertThatThrownBy(event::cancel).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> event.revise("New", null, "Hall", START, START.plus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-cancelled"));
    }

    @Test
    void reviseChangesDetailsButKeepsTheTimeRule() {
        Event event = Fixtures.draftEvent();

        event.revise("Encore", "again", "Small Hall", START.plusSeconds(60), START.plus(Duration.ofHours(2)));

        assertThat(event.getName()).isEqualTo("Encore");
        assertThat(event.getVenue()).isEqualTo("Small Hall");
        assertThat(event.getStartTime()).isEqualTo(START.plusSeconds(60));
        assertThatThrownBy(() -> event.revise("Encore", null, "Hall", START, START.minusSeconds(1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(event.getEndTime()).isEqualTo(START.plus(Duration.ofHours(2)));
    }

    @Test
    void aSeatMapIsReplacedWhileNothingIsSoldAndNeverAfter() {
        Event event = Fixtures.draftEvent();
        event.layOutSeats(new SeatLayout(List.of(new Section("Floor", 2, 5, 1000))));
        event.publish();

        List<Seat> replaced = event.replaceSeatMap(new SeatLayout(List.of(new Section("Stalls", 3, 4, 1500))), 0);

        assertThat(replaced).hasSize(12).allMatch(seat -> seat.getSection().equals("Stalls"));
        assertThat(event.getTotalCapacity()).isEqualTo(12);
        assertThatThrownBy(() -> event.replaceSeatMap(new SeatLayout(List.of(new Section("Pit", 1, 1, 10))), 1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("seats-sold"));
        assertThat(event.getTotalCapacity()).isEqualTo(12);
        event.cancel();
        assertThatThrownBy(() -> event.replaceSeatMap(new SeatLayout(List.of(new Section("Pit", 1, 1, 10))), 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-cancelled"));
    }
}
