package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class BehaviourTest {

    private static final Map<String, Object> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("seed", 0L);
        DEFAULTS.put("autoDecideMs", null);
        DEFAULTS.put("failRate", 0.0);
        DEFAULTS.put("duplicateRate", 0.0);
        DEFAULTS.put("delayRate", 0.0);
        DEFAULTS.put("maxDelayMs", 3000L);
        DEFAULTS.put("refundFailRate", 0.0);
        DEFAULTS.put("refundDelayMs", 200L);
    }

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    @Test
    void updatesOnlyWhatIsGivenAndResetRestoresDefaults() throws Exception {
        TestSimulator sim = started(TestSimulator.start());
        assertThat(sim.get("/v1/test/behaviour").json()).isEqualTo(DEFAULTS);

        Map<String, Object> updated = sim.post("/v1/test/behaviour", "{\"seed\": 42, \"autoDecideMs\": 300, \"failRate\": 0.1}").json();
        Map<String, Object> expected = new LinkedHashMap<>(DEFAULTS);
        expected.putAll(Map.of("seed", 42L, "autoDecideMs", 300L, "failRate", 0.1));
        assertThat(updated).isEqualTo(expected);

        assertThat(sim.post("/v1/test/behaviour", "{\"duplicateRate\": 1}").json()).containsEntry("autoDecideMs", 300L)
                .containsEntry("duplicateRate", 1.0);
        assertThat(sim.post("/v1/test/behaviour", "{\"autoDecideMs\": null}").json()).containsEntry("autoDecideMs", null)
                .containsEntry("seed", 42L);
        assertThat(sim.post("/v1/test/reset", "").json()).isEqualTo(DEFAULTS);
        assertThat(sim.get("/v1/test/behaviour").json()).isEqualTo(DEFAULTS);
    }

    @Test
    void aBadValueChangesNothing() throws Exception {
        TestSimulator sim = started(TestSimulator.start());

        for (String body : List.of("{\"failRate\": 1.5, \"seed\": 7}", "{\"failRate\": \"high\"}", "{\"autoDecideMs\": -1}",
                "{\"maxDelayMs\": 0.5}", "{\"seed\": 1.5}", "nope")) {
            assertThat(sim.post("/v1/test/behaviour", body).status()).as(body).isEqualTo(400);
        }
        assertThat(sim.get("/v1/test/behaviour").json()).isEqualTo(DEFAULTS);
    }

    @Test
    void autoDecideSplitsReproduciblyForAFixedSeed() throws Exception {
        // what java.util.Random(42) says, computed here independently of the simulator
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(random.nextDouble() < 0.3 ? "FAILED" : "SUCCEEDED");
        }
        assertThat(expected).contains("FAILED", "SUCCEEDED");

        TestSimulator first = started(TestSimulator.start());
        assertThat(autoDecided(first)).isEqualTo(expected);
        assertThat(autoDecided(first)).as("the same seed set again, same split").isEqualTo(expected);
        TestSimulator second = started(TestSimulator.start());
        assertThat(autoDecided(second)).as("another simulator, same split").isEqualTo(expected);
    }

    @Test
    void duplicateRateOneSendsEveryEventTwice() throws Exception {
        Receiver receiver = started(new Receiver());
        TestSimulator sim = started(TestSimulator.withReceiver(receiver));
        sim.post("/v1/test/behaviour", "{\"duplicateRate\": 1.0, \"delayRate\": 1.0, \"maxDelayMs\": 300}");

        for (int i = 0; i < 3; i++) {
            sim.post("/v1/test/payments/" + sim.createPayment(100, "p" + i).get("id") + "/succeed", "");
        }

        List<Receiver.Received> received = receiver.awaitCount(6);
        for (int i = 0; i < 3; i++) {
            String reference = "p" + i;
            List<Receiver.Received> copies = received.stream().filter(r -> reference.equals(r.json().get("paymentId"))).toList();
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1).eventId()).isEqualTo(copies.get(0).eventId());
        }
        Poll.until(Duration.ofSeconds(5), "all delivered",
                () -> ((Map<String, Object>) sim.get("/v1/test/stats").json().get("webhooks")).get("delivered").equals(6L));
        assertThat(receiver.received()).hasSize(6);
    }

    private List<String> autoDecided(TestSimulator sim) {
        sim.post("/v1/test/behaviour", "{\"seed\": 42, \"autoDecideMs\": 20, \"failRate\": 0.3}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add((String) sim.createPayment(100, "auto-" + i).get("id"));
        }
        Poll.until(Duration.ofSeconds(10), "every payment decided",
                () -> ids.stream().noneMatch(id -> "PENDING".equals(sim.payment(id).get("status"))));
        return ids.stream().map(id -> (String) sim.payment(id).get("status")).toList();
    }

    private <T extends AutoCloseable> T started(T closeable) {
        started.add(0, closeable);
        return closeable;
    }
}
