package dev.evently.waitlist.entity;

import static dev.evently.Fixtures.HOLD_UNTIL;
import static dev.evently.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evently.Fixtures;
import dev.evently.booking.entity.Booking;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitlistEntryTest {

    private Event event;
    private Booking offer;
    private WaitlistEntry entry;

    @BeforeEach
    void joinTheQueue() {
        List<Seat> seats = Fixtures.seatsOfPublishedEvent();
        event = seats.get(0).getEvent();
        offer = Booking.hold(Fixtures.user(), event, List.of(seats.get(0)), NOW, HOLD_UNTIL);
        entry = new WaitlistEntry(Fixtures.user(), event, 2, NOW);
    }

    @Test
    void aNewEntryIsWaiting() {
        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(entry.isActive()).isTrue();
        assertThat(entry.getSeatsWanted()).isEqualTo(2);
        assertThat(entry.getJoinedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1})
    void seatsWantedIsBetweenOneAndTen(int seatsWanted) {
        assertThatThrownBy(() -> new WaitlistEntry(Fixtures.user(), event, seatsWanted, NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("seatsWanted"));
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertThat(new WaitlistEntry(Fixtures.user(), event, 1, NOW).getSeatsWanted()).isEqualTo(1);
        assertThat(new WaitlistEntry(Fixtures.user(), event, 10, NOW).getSeatsWanted()).isEqualTo(10);
    }

    @Test
    void onlyAnEventOnSaleHasAQueue() {
        assertThatThrownBy(() -> new WaitlistEntry(Fixtures.user(), Fixtures.draftEvent(), 1, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("event-not-on-sale"));
    }

    @Test
    void anOfferHoldsSeatsUntilItsDeadline() {
        entry.offer(offer, HOLD_UNTIL);

        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(entry.getOfferBooking()).isSameAs(offer);
        assertThat(entry.getOfferedUntil()).isEqualTo(HOLD_UNTIL);
        assertThat(entry.isActive()).isTrue();
        assertThat(entry.isOfferLapsed(HOLD_UNTIL.minusMillis(1))).isFalse();
        assertThat(entry.isOfferLapsed(HOLD_UNTIL)).isTrue();
    }

    @Test
    void onlyAWaitingEntryGetsAnOffer() {
        entry.offer(offer, HOLD_UNTIL);

        assertThatThrownBy(() -> entry.offer(offer, HOLD_UNTIL.plusSeconds(60)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("waitlist-entry-not-waiting"));
        assertThat(entry.getOfferedUntil()).isEqualTo(HOLD_UNTIL);
    }

    @Test
    void convertNeedsAnOpenOffer() {
        assertThatThrownBy(entry::convert)
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("waitlist-offer-not-open"));

        entry.offer(offer, HOLD_UNTIL);
        entry.convert();

        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.CONVERTED);
        assertThat(entry.isActive()).isFalse();
        assertThatThrownBy(entry::convert).isInstanceOf(ConflictException.class);
    }

    @Test
    void waitingAndOfferedEntriesCanExpire() {
        entry.expire();
        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.EXPIRED);

        var offered = new WaitlistEntry(Fixtures.user(), event, 1, NOW);
        offered.offer(offer, HOLD_UNTIL);
        offered.expire();
        assertThat(offered.getStatus()).isEqualTo(WaitlistStatus.EXPIRED);
        assertThat(offered.isActive()).isFalse();
    }

    @Test
    void aFinishedEntryCannotExpireOrBeLeft() {
        entry.offer(offer, HOLD_UNTIL);
        entry.convert();

        assertThatThrownBy(entry::expire)
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("waitlist-entry-not-active"));
        assertThatThrownBy(entry::leave).isInstanceOf(ConflictException.class);
        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.CONVERTED);
    }

    @Test
    void leaveOnce() {
        entry.leave();

        assertThat(entry.getStatus()).isEqualTo(WaitlistStatus.LEFT);
        assertThatThrownBy(entry::leave).isInstanceOf(ConflictException.class);
    }
}
