package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger(3, new Journal(null, line -> { }), line -> { });

    @Test
    void whenFullTheOldestDecidedPaymentsAreForgotten() throws Exception {
        String a = create("a");
        String b = create("b");
        String c = create("c");
        ledger.decide(b, Status.SUCCEEDED);
        ledger.decide(a, Status.FAILED);
        ledger.createRefund(b, 10, "EUR", "rb", "refund-key");

        String d = create("d");
        assertThat(ledger.payment(b)).as("decided first, forgotten first").isNull();
        assertThat(ledger.refundsOf(b)).isEmpty();
        assertThat(ledger.payment(a)).isNotNull();

        String e = create("e");
        assertThat(ledger.payment(a)).isNull();
        assertThat(ledger.payment(c)).isNotNull();
        assertThat(ledger.payment(d)).isNotNull();
        assertThat(ledger.payment(e)).isNotNull();

        assertThatThrownBy(() -> create("f")).isInstanceOfSatisfying(ApiError.class,
                error -> assertThat(error.status).isEqualTo(503));
    }

    @Test
    void decidingTwiceChangesNothing() throws Exception {
        String a = create("a");

        assertThat(ledger.decide(a, Status.SUCCEEDED).applied()).isTrue();
        Ledger.Change<Payment> again = ledger.decide(a, Status.FAILED);
        assertThat(again.applied()).isFalse();
        assertThat(again.value().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(ledger.decide("pay_unknown", Status.FAILED)).isNull();
    }

    private String create(String reference) throws ApiError {
        return ledger.createPayment(100, "EUR", reference, "", null).value().id();
    }
}
