package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class WebhookDeliveryTest {

    private Receiver receiver;
    private TestSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void retriesWithBackoffUntilTheReceiverAccepts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver = new Receiver().answering(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
        sim = TestSimulator.withReceiver(receiver);
        String id = (String) sim.createPayment(9000, "1234").get("id");

        assertThat(sim.post("/v1/test/payments/" + id + "/succeed", "").status()).isEqualTo(200);

        List<Receiver.Received> attempts = receiver.awaitCount(3);
        assertThat(attempts).extracting(Receiver.Received::body).containsOnly(attempts.get(0).body());
        assertThat(attempts).allMatch(r -> r.signedWith(TestSimulator.SECRET), "signed");
        // 500 ms, then 1000 ms (some slack for timer granularity)
        assertThat(attempts.get(1).receivedAtMillis() - attempts.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(450);
        assertThat(attempts.get(2).receivedAtMillis() - attempts.get(1).receivedAtMillis()).isGreaterThanOrEqualTo(950);

        Poll.until(Duration.ofSeconds(5), "the delivery to be recorded",
                () -> Boolean.TRUE.equals(delivery(0).get("delivered")));
        assertThat(delivery(0)).containsEntry("id", attempts.get(0).eventId()).containsEntry("type", "payment.succeeded")
                .containsEntry("paymentId", "1234").containsEntry("attempts", 3L).containsEntry("lastStatus", 200L);
        assertThat(webhookStats()).containsEntry("pending", 0L).containsEntry("delivered", 1L)
                .containsEntry("attempts", 3L).containsEntry("failedAttempts", 2L);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void duplicatesAreSentWithTheSameEventId() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
        String id = (String) sim.createPayment(100, "dup").get("id");

        sim.post("/v1/test/payments/" + id + "/fail", "{\"duplicates\": 2}");

        List<Receiver.Received> received = receiver.awaitCount(3);
        assertThat(received).extracting(Receiver.Received::eventId).containsOnly(received.get(0).eventId());
        assertThat(received.get(0).json()).containsEntry("type", "payment.failed");
        Poll.until(Duration.ofSeconds(5), "all copies delivered", () -> webhookStats().get("delivered").equals(3L));
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aDelayedWebhookArrivesLateAndMayBeOvertaken() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
        String late = (String) sim.createPayment(100, "late").get("id");
        String prompt = (String) sim.createPayment(100, "prompt").get("id");

        long decidedAt = System.currentTimeMillis();
        sim.post("/v1/test/payments/" + late + "/succeed", "{\"delayMs\": 1500}");
        sim.post("/v1/test/payments/" + prompt + "/succeed", "");

        List<Receiver.Received> received = receiver.awaitCount(2);
        assertThat(received).extracting(r -> r.json().get("paymentId")).containsExactly("prompt", "late");
        assertThat(received.get(1).receivedAtMillis() - decidedAt).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void onePaymentsEventsStayInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        AtomicInteger paymentEventCalls = new AtomicInteger();
        receiver = new Receiver().answering(r -> r.json().get("type").equals("payment.succeeded")
                && paymentEventCalls.incrementAndGet() == 1 ? 503 : 200);
        sim = TestSimulator.withReceiver(receiver);
        String id = (String) sim.createPayment(9000, "ordered").get("id");
        sim.post("/v1/test/behaviour", "{\"refundDelayMs\": 0}");

        sim.post("/v1/test/payments/" + id + "/succeed", "");
        // the refund settles at once, while the payment's event waits 500 ms for its retry
        assertThat(sim.post("/v1/refunds", Map.of("paymentId", id, "amountCents", 1000, "currency", "EUR",
                "reference", "r1")).status()).isEqualTo(201);

        List<Receiver.Received> received = receiver.awaitCount(3);
        assertThat(received).extracting(r -> r.json().get("type"))
                .containsExactly("payment.succeeded", "payment.succeeded", "refund.succeeded");
    }

    @Test
    void aSlowReceiverForOnePaymentDoesNotHoldUpOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        receiver = new Receiver().answering(r -> {
            if ("slow".equals(r.json().get("paymentId"))) {
                try {
                    release.await(8, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        });
        sim = TestSimulator.withReceiver(receiver);
        String slow = (String) sim.createPayment(100, "slow").get("id");
        String fast = (String) sim.createPayment(100, "fast").get("id");

        sim.post("/v1/test/payments/" + slow + "/succeed", "");
        receiver.awaitCount(1);
        sim.post("/v1/test/payments/" + fast + "/succeed", "");

        try {
            List<Receiver.Received> received = receiver.awaitCount(2);
            assertThat(received).extracting(r -> r.json().get("paymentId")).containsExactly("slow", "fast");
            assertThat(release.getCount()).as("the slow one is still being answered").isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTestCanDeliverAnyBodyThroughTheRealPath() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
        String body = "{\"id\":\"evt_custom\",\"type\":\"payment.failed\",\"paymentId\":\"1234\","
                + "\"providerReference\":\"pay_x\",\"amountCents\":1,\"currency\":\"EUR\"}";

        TestSimulator.Answer answer = sim.post("/v1/test/webhooks", body);
        TestSimulator.Answer generated = sim.post("/v1/test/webhooks", "{\"type\":\"payment.succeeded\",\"amountCents\":-5}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo(Map.of("id", "evt_custom"));
        String generatedId = (String) generated.json().get("id");
        assertThat(generatedId).startsWith("evt_");
        List<Receiver.Received> received = receiver.awaitCount(2);
        assertThat(receiver.receivedFor("evt_custom")).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.signedWith(TestSimulator.SECRET)).isTrue();
        });
        assertThat(receiver.receivedFor(generatedId)).singleElement().extracting(Receiver.Received::body)
                .isEqualTo("{\"id\":\"" + generatedId + "\",\"type\":\"payment.succeeded\",\"amountCents\":-5}");
        assertThat(received).hasSize(2);
    }

    @Test
    void theDeliveryListIsNewestFirstAndLimited() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
        for (int i = 0; i < 5; i++) {
            sim.post("/v1/test/webhooks", "{\"id\":\"evt_" + i + "\",\"paymentId\":\"p" + i + "\"}");
        }
        receiver.awaitCount(5);

        List<?> two = (List<Object>) sim.get("/v1/test/webhooks?limit=2").json().get("deliveries");
        assertThat(two).extracting(d -> ((Map<String, Object>) d).get("id")).containsExactly("evt_4", "evt_3");
        assertThat((List<Object>) sim.get("/v1/test/webhooks").json().get("deliveries")).hasSize(5);
        assertThat(sim.get("/v1/test/webhooks?limit=101").status()).isEqualTo(400);
        assertThat(sim.get("/v1/test/webhooks?limit=x").status()).isEqualTo(400);
        assertThat((Map<String, Object>) two.get(0)).containsKeys("id", "type", "paymentId", "attempts", "lastStatus",
                "delivered", "createdAt");
    }

    @Test
    void withoutAWebhookUrlNothingIsSent() throws Exception {
        sim = TestSimulator.start();
        String id = (String) sim.createPayment(100, "quiet").get("id");

        assertThat(sim.post("/v1/test/payments/" + id + "/succeed", "").status()).isEqualTo(200);
        assertThat(sim.post("/v1/test/webhooks", "{\"id\":\"evt_x\"}").status()).isEqualTo(409);
        assertThat(webhookStats()).containsEntry("pending", 0L).containsEntry("attempts", 0L);
        assertThat((List<Object>) sim.get("/v1/test/webhooks").json().get("deliveries")).isEmpty();
    }

    private Map<String, Object> webhookStats() {
        return (Map<String, Object>) sim.get("/v1/test/stats").json().get("webhooks");
    }

    private Map<String, Object> delivery(int index) {
        return (Map<String, Object>) ((List<Object>) sim.get("/v1/test/webhooks").json().get("deliveries")).get(index);
    }
}
