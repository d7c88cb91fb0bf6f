package dev.evently.console.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

class BookingDetailTest {

    @Test
    void refusalsAreSentencesNeverTheExceptionsText() {
        assertThat(BookingDetail.refusal(new ConflictException("ticket-checked-in", "ticket 9 of booking 4 ...")))
                .isEqualTo("A ticket of this booking was used at the door: it cannot be cancelled.");
        assertThat(BookingDetail.refusal(new ConflictException("booking-paid", "booking 4 is paid")))
                .contains("only an admin");
        assertThat(BookingDetail.refusal(new ConflictException("tickets-mail-pending", "x")))
                .contains("still waiting to go out");
        assertThat(BookingDetail.refusal(new NotFoundException("booking-not-found", "no booking 4")))
                .isEqualTo("This booking does not exist.");
        assertThat(BookingDetail.refusal(new IllegalStateException("java.sql.SQLException: boom")))
                .doesNotContain("SQL").startsWith("That did not work.");
        assertThat(BookingDetail.refusal(new ConflictException("something-new", "secret detail")))
                .doesNotContain("secret");
    }

    @Test
    void statusesAsStaffReadThem() {
        assertThat(BookingDetail.statusLabel("PENDING")).isEqualTo("Held, not paid");
        assertThat(BookingDetail.statusLabel("REFUND_PENDING")).isEqualTo("Refund pending");
        assertThat(BookingDetail.statusLabel(null)).isEmpty();
    }
}
