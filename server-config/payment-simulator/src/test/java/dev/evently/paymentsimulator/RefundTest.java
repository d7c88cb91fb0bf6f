package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class RefundTest {

    private Receiver receiver;
    private TestSimulator sim;
    private String paymentId;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
        paymentId = (String) sim.createPayment(9000, "1234").get("id");
        sim.post("/v1/test/payments/" + paymentId + "/succeed", "");
        receiver.awaitCount(1);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    @Test
    void aRefundSettlesAndIsReported() {
        TestSimulator.Answer answer = refund(9000, "EUR", "77");

        assertThat(answer.status()).isEqualTo(201);
        Map<String, Object> refund = answer.json();
        String refundId = (String) refund.get("id");
        assertThat(refundId).matches("re_[A-Za-z0-9_-]{24}");
        assertThat(refund).containsEntry("status", "PENDING").containsEntry("paymentId", paymentId)
                .containsEntry("amountCents", 9000L).containsEntry("currency", "EUR").containsEntry("reference", "77");

        Receiver.Received webhook = receiver.awaitCount(2).get(1);
        assertThat(webhook.body()).matches("\\{\"id\":\"evt_[A-Za-z0-9_-]{24}\",\"type\":\"refund.succeeded\","
                + "\"paymentId\":\"1234\",\"providerReference\":\"" + refundId + "\",\"amountCents\":9000,\"currency\":\"EUR\"}");
        assertThat(webhook.signedWith(TestSimulator.SECRET)).isTrue();
        assertThat(sim.get("/v1/refunds/" + refundId).json()).containsEntry("status", "SUCCEEDED");
        List<?> refunds = (List<Object>) sim.payment(paymentId).get("refunds");
        assertThat(refunds).singleElement().satisfies(r -> assertThat((Map<String, Object>) r)
                .containsEntry("id", refundId).containsEntry("status", "SUCCEEDED"));
    }

    @Test
    void partialRefundsCannotExceedThePayment() {
        assertThat(refund(6000, "EUR", "r1").status()).isEqualTo(201);
        TestSimulator.Answer over = refund(3001, "EUR", "r2");

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json()).containsEntry("error", "amount_exceeds_refundable");
        assertThat((String) over.json().get("message")).contains("30.00 EUR");
        assertThat(refund(3000, "EUR", "r3").status()).isEqualTo(201);
        assertThat(refund(1, "EUR", "r4").status()).isEqualTo(422);
    }

    @Test
    void aFailedRefundGivesItsAmountBack() {
        sim.post("/v1/test/behaviour", "{\"refundFailRate\": 1.0, \"refundDelayMs\": 0}");
        String refundId = (String) refund(9000, "EUR", "r1").json().get("id");

        Receiver.Received webhook = receiver.awaitCount(2).get(1);
        assertThat(webhook.json()).containsEntry("type", "refund.failed").containsEntry("providerReference", refundId);
        assertThat(sim.get("/v1/refunds/" + refundId).json()).containsEntry("status", "FAILED");
        sim.post("/v1/test/behaviour", "{\"refundFailRate\": 0}");
        assertThat(refund(9000, "EUR", "r2").status()).isEqualTo(201);
    }

    @Test
    void refusesWhatCannotBeRefunded() {
        String pending = (String) sim.createPayment(100, "p2").get("id");

        assertThat(refundOf("pay_unknown", 100, "EUR").status()).isEqualTo(404);
        assertThat(refundOf("pay_unknown", 100, "EUR").json()).containsEntry("error", "payment_not_found");
        assertThat(refundOf(pending, 100, "EUR").status()).isEqualTo(409);
        assertThat(refundOf(pending, 100, "EUR").json()).containsEntry("error", "payment_not_succeeded");
        assertThat(refund(100, "USD", "r").status()).isEqualTo(422);
        assertThat(refund(100, "USD", "r").json()).containsEntry("error", "currency_mismatch");
        assertThat(refund(0, "EUR", "r").status()).isEqualTo(400);
        assertThat(sim.post("/v1/refunds", "{\"paymentId\":\"" + paymentId + "\",\"amountCents\":1,\"currency\":\"EUR\"}")
                .status()).as("no reference").isEqualTo(400);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstRefund() {
        String body = Json.write(Map.of("paymentId", paymentId, "amountCents", 5000, "currency", "EUR", "reference", "r"));
        TestSimulator.Answer first = sim.postWithKey("/v1/refunds", body, "refund-key");
        TestSimulator.Answer repeat = sim.postWithKey("/v1/refunds", body, "refund-key");

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        Poll.until(Duration.ofSeconds(5), "the refund to settle",
                () -> "SUCCEEDED".equals(sim.get("/v1/refunds/" + first.json().get("id")).json().get("status")));
        assertThat((List<Object>) sim.payment(paymentId).get("refunds")).hasSize(1);
        assertThat(((Map<String, Object>) sim.get("/v1/test/stats").json().get("refunds")).get("SUCCEEDED")).isEqualTo(1L);
    }

    private TestSimulator.Answer refund(long amountCents, String currency, String reference) {
        return sim.post("/v1/refunds", Map.of("paymentId", paymentId, "amountCents", amountCents, "currency", currency,
                "reference", reference));
    }

    private TestSimulator.Answer refundOf(String payment, long amountCents, String currency) {
        return sim.post("/v1/refunds", Map.of("paymentId", payment, "amountCents", amountCents, "currency", currency,
                "reference", "x"));
    }
}
