package dev.evently.console.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import dev.evently.booking.boundary.TicketView;
import dev.evently.booking.entity.TicketAlreadyCheckedInException;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

class AdmissionTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    /** 19:45:30 in Vienna (winter time, UTC+1). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T18:45:30Z"), VIENNA);

    @Test
    void aGoodTicketAdmitsAndNamesItsEventAndSeat() {
        TicketView ticket = new TicketView(1, 2, 3, "Harbour Nights", "Floor A-1", "VALID",
                Instant.parse("2026-01-15T18:45:30Z"));

        Admission answer = Admission.admitted(ticket, CLOCK);

        assertThat(answer.admitted()).isTrue();
        assertThat(answer.headline()).isEqualTo("Admitted");
        assertThat(answer.detail()).isEqualTo("Harbour Nights · Seat Floor A-1");
        assertThat(answer.answeredAt()).isEqualTo("19:45:30");
    }

    @Test
    void aSecondScanSaysWhenTheFirstWasOnTheVenuesClock() {
        Admission today = Admission.refused(new TicketAlreadyCheckedInException(Instant.parse("2026-01-15T18:42:00Z")), CLOCK);
        Admission earlier = Admission.refused(new TicketAlreadyCheckedInException(Instant.parse("2026-01-14T20:05:00Z")), CLOCK);

        assertThat(today.admitted()).isFalse();
        assertThat(today.headline()).isEqualTo("Already checked in at 19:42");
        assertThat(earlier.headline()).isEqualTo("Already checked in at 14 Jan 21:05");
    }

    @Test
    void eachRefusalHasItsOwnReasonAndNeverTheExceptionsText() {
        assertThat(Admission.refused(new InvalidRequestException("code", "not a genuine Evently ticket code"), CLOCK)
                .headline()).isEqualTo("Not a genuine ticket");
        assertThat(Admission.refused(new NotFoundException("ticket-not-found", "no ticket with this code"), CLOCK)
                .headline()).isEqualTo("Unknown ticket");
        assertThat(Admission.refused(new ConflictException("ticket-void", "ticket 7 is void"), CLOCK).headline())
                .isEqualTo("Ticket cancelled");
        Admission lock = Admission.refused(new PersistenceException(new SQLException("lock timeout", "55P03")), CLOCK);
        assertThat(lock.headline()).isEqualTo("Scan again");

        Admission bug = Admission.refused(new IllegalStateException("secret internals"), CLOCK);
        assertThat(bug.admitted()).isFalse();
        assertThat(bug.headline() + bug.detail()).doesNotContain("secret internals");
        assertThat(Admission.expected(new IllegalStateException("bug"))).isFalse();
        assertThat(Admission.expected(new NotFoundException("ticket-not-found", "none"))).isTrue();
    }
}
