package dev.evently.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.notification.control.MailTexts.EventFacts;
import dev.evently.notification.control.MailTexts.Recipient;
import dev.evently.notification.control.MailTexts.SeatLine;

class MailTextsTest {

    static final Recipient ADA = new Recipient("ada@example.org", "Ada Lovelace");
    static final EventFacts GALA = new EventFacts("Harbour Gala", "Harbour Hall", Instant.parse("2027-03-05T19:30:00Z"));

    @Test
    void aConfirmationNamesTheBookingEventSeatsTicketsAndTotal() {
        Mail mail = MailTexts.bookingConfirmed(ADA, 42, GALA,
                List.of(new SeatLine("Floor A-1", 4500, 7L), new SeatLine("Balcony A-10", 2000, 8L)), 6500, "pay-42");

        assertThat(mail.to()).isEqualTo("ada@example.org");
        assertThat(mail.subject()).isEqualTo("Your booking 42 is confirmed — Harbour Gala");
        assertThat(mail.body())
                .startsWith("Hello Ada Lovelace,\n")
                .contains("payment reference pay-42")
                .contains("Harbour Hall, Fri 5 Mar 2027, 19:30 UTC")
                .contains("  Floor A-1     45.00  ticket 7\n")
                .contains("  Balcony A-10  20.00  ticket 8\n")
                .contains("Total paid: 65.00");
    }

    @Test
    void aCancellationAfterPaymentSaysTheTicketsAreVoidAndTheMoneyComesBack() {
        Mail paid = MailTexts.bookingCancelled(ADA, 42, GALA, List.of(new SeatLine("Floor A-1", 4500)), "CONFIRMED",
                null, false, 4500, "EUR");
        Mail held = MailTexts.bookingCancelled(ADA, 43, GALA, List.of(new SeatLine("Floor A-2", 4500)), "PENDING",
                null, false, 4500, "EUR");

        assertThat(paid.subject()).isEqualTo("Your booking 42 is cancelled — Harbour Gala");
        assertThat(paid.body()).contains("tickets for these seats are no longer valid").contains("Floor A-1")
                .contains("refunding what you paid, 45.00 EUR");
        assertThat(held.body()).contains("These seats are released").doesNotContain("tickets").doesNotContain("refund");
    }

    @Test
    void aDeclinedWaitlistOfferIsCalledThat() {
        Mail mail = MailTexts.bookingCancelled(ADA, 44, GALA, List.of(new SeatLine("Floor B-1", 4500)), "PENDING",
                null, true, 4500, "EUR");

        assertThat(mail.subject()).isEqualTo("You declined the waitlist offer (booking 44) — Harbour Gala");
    }

    @Test
    void aCancelledEventAndALatePaymentSayWhy() {
        Mail event = MailTexts.bookingCancelled(ADA, 48, GALA, List.of(new SeatLine("Floor A-1", 4500)), "CONFIRMED",
                "event-cancelled", false, 4500, "EUR");
        Mail late = MailTexts.bookingCancelled(ADA, 49, GALA, List.of(new SeatLine("Floor A-1", 4500)), "EXPIRED",
                "seats-taken", false, 4500, "EUR");

        assertThat(event.subject()).isEqualTo("Cancelled: Harbour Gala on Fri 5 Mar 2027, 19:30 UTC");
        assertThat(event.body()).contains("this event has been cancelled").contains("refunding what you paid");
        assertThat(late.subject()).isEqualTo("Your payment for booking 49 came too late — Harbour Gala");
        assertThat(late.body()).contains("its seats were sold to someone else").contains("45.00 EUR");
    }

    @Test
    void aRefundSaysItIsDone() {
        Mail mail = MailTexts.bookingRefunded(ADA, 50, GALA, 9000, "EUR");

        assertThat(mail.subject()).isEqualTo("Refunded: booking 50 — Harbour Gala");
        assertThat(mail.body()).contains("90.00 EUR went back");
    }

    @Test
    void anExpiredHoldAndALapsedOfferReadDifferently() {
        Mail hold = MailTexts.bookingExpired(ADA, 45, GALA, List.of(new SeatLine("Floor A-1", 4500)), false);
        Mail offer = MailTexts.bookingExpired(ADA, 46, GALA, List.of(new SeatLine("Floor A-1", 4500)), true);

        assertThat(hold.subject()).isEqualTo("Your hold expired (booking 45) — Harbour Gala");
        assertThat(hold.body()).contains("not paid before its hold ran out").contains("Floor A-1");
        assertThat(offer.subject()).isEqualTo("Your waitlist offer lapsed (booking 46) — Harbour Gala");
        assertThat(offer.body()).contains("the offer lapsed");
    }

    @Test
    void anOfferSaysWhatWhenAndHowToPay() {
        Mail mail = MailTexts.waitlistOffered(ADA, 47, GALA,
                List.of(new SeatLine("Floor A-1", 4500), new SeatLine("Floor A-2", 4500)), 9000,
                Instant.parse("2027-03-01T10:15:30Z"));

        assertThat(mail.subject()).isEqualTo("Seats for you from the waitlist — Harbour Gala: pay by 1 Mar 2027, 10:15:30 UTC");
        assertThat(mail.body())
                .contains("Floor A-1").contains("Floor A-2")
                .contains("Total: 90.00")
                .contains("pay before 1 Mar 2027, 10:15:30 UTC")
                .contains("POST /api/bookings/47/payments")
                .contains("POST /api/bookings/47/cancel");
    }

    @Test
    void moneyHasTwoDecimals() {
        assertThat(MailTexts.money(0)).isEqualTo("0.00");
        assertThat(MailTexts.money(5)).isEqualTo("0.05");
        assertThat(MailTexts.money(123456)).isEqualTo("1234.56");
    }
}
