package dev.evently.console.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.payment.entity.PaymentMethod;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;

class SaleRefusalsTest {

    private static final Function<List<Long>, String> LABELS =
            ids -> ids.stream().map(id -> "Floor A-" + id).collect(Collectors.joining(", "));

    @Test
    void aSeatTakenMeanwhileIsNamed() {
        assertThat(SaleRefusals.of(new SeatsUnavailableException(List.of(3L)), LABELS, 10))
                .isEqualTo(new SaleRefusals.Refusal("Seat Floor A-3 was just taken: choose another seat.", false));
        assertThat(SaleRefusals.of(new SeatsUnavailableException(List.of(3L, 4L)), LABELS, 10).sentence())
                .isEqualTo("Seats Floor A-3, Floor A-4 were just taken: choose other seats.");
    }

    @Test
    void limitsAndRulesAreSaidPlainlyWithoutTheExceptionsText() {
        SaleRefusals.Refusal limit = SaleRefusals.of(new ConflictException("hold-limit-reached",
                "you hold 10 unpaid seats of this event at most"), LABELS, 10);
        assertThat(limit.sentence()).startsWith("This customer already holds unpaid seats").doesNotContain("you hold");
        assertThat(limit.unexpected()).isFalse();
        assertThat(SaleRefusals.of(new ConflictException("event-not-on-sale", "event 5 is not on sale"), LABELS, 10)
                .sentence()).isEqualTo("This event is not on sale: nothing was sold.");
        assertThat(SaleRefusals.of(new ConflictException("seats-busy", "lock not granted"), LABELS, 10).sentence())
                .startsWith("Someone else is booking these seats");
        assertThat(SaleRefusals.of(new InvalidRequestException("seatIds", "choose 1 to 10 seats"), LABELS, 10)
                .sentence()).isEqualTo("A sale takes 1 to 10 seats of this event.");
    }

    @Test
    void anythingElseIsLoggedAndSaidWithoutDetail() {
        SaleRefusals.Refusal failure = SaleRefusals.of(new IllegalStateException("connection refused"), LABELS, 10);

        assertThat(failure.unexpected()).isTrue();
        assertThat(failure.sentence()).doesNotContain("connection").contains("nothing was sold");
        assertThat(SaleRefusals.of(new ConflictException("something-new", "detail"), LABELS, 10).unexpected()).isTrue();
    }

    @Test
    void theBoxOfficeTakesCashAndTheCardTerminalOnly() {
        assertThat(SaleRefusals.method("CASH")).isEqualTo(PaymentMethod.CASH);
        assertThat(SaleRefusals.method("CARD_TERMINAL")).isEqualTo(PaymentMethod.CARD_TERMINAL);
        assertThat(SaleRefusals.method("PROVIDER")).isNull();
        assertThat(SaleRefusals.method("cash")).isNull();
        assertThat(SaleRefusals.method(null)).isNull();
    }

    @Test
    void aTicketCodeShowsItsFirstCharactersOnly() {
        assertThat(SaleRefusals.shortened("EVT1-1234567-89-abcdef")).isEqualTo("EVT1-123…");
        assertThat(SaleRefusals.shortened("EVT1")).isEqualTo("EVT1");
        assertThat(SaleRefusals.shortened(null)).isEmpty();
    }
}
