package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class JournalRecoveryTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    @Test
    void afterACrashUndeliveredWebhooksAreDeliveredOnceAndDeliveredOnesNotAgain() throws Exception {
        Path state = dir.resolve("state.log");
        Receiver receiver = started(new Receiver());
        int port = receiver.port();
        TestSimulator first = started(TestSimulator.withReceiver(receiver, "--state-file", state.toString()));

        String delivered = (String) first.createPayment(9000, "A").get("id");
        first.post("/v1/test/payments/" + delivered + "/succeed", "");
        receiver.awaitCount(1);
        Poll.until(Duration.ofSeconds(5), "A's webhook recorded as delivered", () -> webhooks(first).get("delivered").equals(1L));
        String refund = (String) first.post("/v1/refunds", Map.of("paymentId", delivered, "amountCents", 1000,
                "currency", "EUR", "reference", "r1")).json().get("id");
        receiver.awaitCount(2);
        Poll.until(Duration.ofSeconds(5), "the refund's webhook delivered", () -> webhooks(first).get("delivered").equals(2L));

        receiver.close();
        String undelivered = (String) first.postWithKey("/v1/payments",
                "{\"amountCents\":5000,\"currency\":\"EUR\",\"reference\":\"B\"}", "key-B").json().get("id");
        first.post("/v1/test/payments/" + undelivered + "/fail", "");
        String pending = (String) first.createPayment(100, "C").get("id");
        Poll.until(Duration.ofSeconds(5), "a failed attempt", () -> (Long) webhooks(first).get("failedAttempts") >= 1);
        Object lostEventId = ((Map<String, Object>) ((List<Object>) first.get("/v1/test/webhooks").json().get("deliveries")).get(0)).get("id");

        // kill -9: the file as it is now, with a torn last line, is all the next start gets
        byte[] atCrash = Files.readAllBytes(state);
        first.close();
        Files.write(state, atCrash);
        Files.writeString(state, "{\"op\":\"payment\",\"id\":\"pay_torn", StandardOpenOption.APPEND);

        Receiver back = started(new Receiver(port));
        TestSimulator second = started(TestSimulator.withReceiver(back, "--state-file", state.toString()));

        List<Receiver.Received> received = back.awaitCount(1);
        assertThat(received.get(0).eventId()).isEqualTo(lostEventId);
        assertThat(received.get(0).json()).containsEntry("type", "payment.failed").containsEntry("paymentId", "B")
                .containsEntry("providerReference", undelivered);
        assertThat(received.get(0).signedWith(TestSimulator.SECRET)).isTrue();
        Poll.until(Duration.ofSeconds(5), "the redelivery recorded", () -> webhooks(second).get("delivered").equals(1L));
        assertThat(back.received()).as("A's and the refund's webhooks are not sent again").hasSize(1);

        assertThat(second.payment(delivered)).containsEntry("status", "SUCCEEDED");
        assertThat((List<Object>) second.payment(delivered).get("refunds")).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("id", refund).containsEntry("status", "SUCCEEDED"));
        assertThat(second.payment(undelivered)).containsEntry("status", "FAILED");
        assertThat(second.payment(pending)).containsEntry("status", "PENDING");
        assertThat(second.postWithKey("/v1/payments", "{\"amountCents\":5000,\"currency\":\"EUR\",\"reference\":\"B\"}",
                "key-B").json().get("id")).as("idempotency keys survive too").isEqualTo(undelivered);
        assertThat(second.log).anyMatch(line -> line.contains("skipping unreadable line"));

        // a clean stop and a third start: nothing is left to send, and the file holds just the current state
        second.close();
        TestSimulator third = started(TestSimulator.withReceiver(back, "--state-file", state.toString()));
        assertThat(webhooks(third)).containsEntry("pending", 0L);
        assertThat(third.get("/v1/test/stats").json().get("payments"))
                .isEqualTo(Map.of("PENDING", 1L, "SUCCEEDED", 1L, "FAILED", 1L));
        List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
        assertThat(lines).as("compacted: three payments and one refund").hasSize(4)
                .noneMatch(line -> line.contains("\"op\":\"decide\"") || line.contains("\"op\":\"webhook\""));
        assertThat(back.received()).hasSize(1);
    }

    @Test
    void aRefundPendingAtTheCrashIsSettledAfterTheRestart() throws Exception {
        Path state = dir.resolve("state.log");
        TestSimulator first = started(TestSimulator.start("--state-file", state.toString()));
        String payment = (String) first.createPayment(9000, "A").get("id");
        first.post("/v1/test/payments/" + payment + "/succeed", "");
        first.post("/v1/test/behaviour", "{\"refundDelayMs\": 86400000}");
        String refund = (String) first.post("/v1/refunds", Map.of("paymentId", payment, "amountCents", 9000,
                "currency", "EUR", "reference", "r")).json().get("id");
        first.close();

        TestSimulator second = started(TestSimulator.start("--state-file", state.toString()));
        Poll.until(Duration.ofSeconds(5), "the refund settled",
                () -> "SUCCEEDED".equals(second.get("/v1/refunds/" + refund).json().get("status")));
    }

    private static Map<String, Object> webhooks(TestSimulator sim) {
        return (Map<String, Object>) sim.get("/v1/test/stats").json().get("webhooks");
    }

    private <T extends AutoCloseable> T started(T closeable) {
        started.add(0, closeable);
        return closeable;
    }
}
