package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MerchantApiTest {

    private TestSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = TestSimulator.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void healthNeedsNoKey() {
        TestSimulator.Answer answer = sim.send(HttpRequest.newBuilder(URI.create(sim.simulator.baseUrl() + "/health")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void everyV1RequestNeedsTheApiKey() {
        for (String path : List.of("/v1/payments/pay_x", "/v1/test/stats", "/v1/no-such-thing")) {
            TestSimulator.Answer none = sim.send(HttpRequest.newBuilder(URI.create(sim.simulator.baseUrl() + path)));
            TestSimulator.Answer wrong = sim.send(HttpRequest.newBuilder(URI.create(sim.simulator.baseUrl() + path))
                    .header("Authorization", "Bearer not-the-key"));

            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.json()).containsEntry("error", "unauthorized").containsKey("message");
            assertThat(wrong.status()).as(path).isEqualTo(401);
        }
        TestSimulator.Answer post = sim.send(HttpRequest.newBuilder(URI.create(sim.simulator.baseUrl() + "/v1/payments"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\":1,\"currency\":\"EUR\",\"reference\":\"1\"}")));
        assertThat(post.status()).isEqualTo(401);
        assertThat(sim.get("/v1/test/stats").json().get("payments")).isEqualTo(Map.of("PENDING", 0L, "SUCCEEDED", 0L, "FAILED", 0L));
    }

    @Test
    void createsAPendingPaymentWithACheckoutUrl() {
        TestSimulator.Answer answer = sim.post("/v1/payments", "{\"amountCents\": 9000, \"currency\": \"EUR\", "
                + "\"reference\": \"1234\", \"description\": \"2 seats, Jazz at the Harbour\", \"metadata\": {\"x\": [1]}}");

        assertThat(answer.status()).isEqualTo(201);
        Map<String, Object> payment = answer.json();
        String id = (String) payment.get("id");
        assertThat(id).matches("pay_[A-Za-z0-9_-]{24}");
        assertThat(payment).containsEntry("status", "PENDING").containsEntry("amountCents", 9000L)
                .containsEntry("currency", "EUR").containsEntry("reference", "1234")
                .containsEntry("description", "2 seats, Jazz at the Harbour")
                .containsEntry("checkoutUrl", sim.simulator.baseUrl() + "/checkout/" + id);

        Map<String, Object> read = sim.get("/v1/payments/" + id).json();
        assertThat(read).containsEntry("id", id).containsEntry("status", "PENDING").containsEntry("refunds", List.of());
    }

    @Test
    void refusesMissingOrInvalidFields() {
        List<String> bad = List.of("", "not json", "[]", "{}",
                "{\"amountCents\":0,\"currency\":\"EUR\",\"reference\":\"1\"}",
                "{\"amountCents\":1.5,\"currency\":\"EUR\",\"reference\":\"1\"}",
                "{\"amountCents\":\"100\",\"currency\":\"EUR\",\"reference\":\"1\"}",
                "{\"amountCents\":100,\"currency\":\"eur\",\"reference\":\"1\"}",
                "{\"amountCents\":100,\"currency\":\"EURO\",\"reference\":\"1\"}",
                "{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"\"}",
                "{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":\"" + "x".repeat(101) + "\"}",
                "{\"amountCents\":100,\"currency\":\"EUR\",\"reference\":1234}");
        for (String body : bad) {
            TestSimulator.Answer answer = sim.post("/v1/payments", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json()).as(body).containsKeys("error", "message");
        }
        assertThat(sim.get("/v1/test/stats").json().get("payments")).isEqualTo(Map.of("PENDING", 0L, "SUCCEEDED", 0L, "FAILED", 0L));
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstPayment() {
        String body = "{\"amountCents\":500,\"currency\":\"EUR\",\"reference\":\"r1\"}";
        TestSimulator.Answer first = sim.postWithKey("/v1/payments", body, "key-1");
        TestSimulator.Answer repeat = sim.postWithKey("/v1/payments", body, "key-1");
        TestSimulator.Answer other = sim.postWithKey("/v1/payments", body, "key-2");

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(other.json().get("id")).isNotEqualTo(first.json().get("id"));
    }

    @Test
    void unknownPaymentsAndRoutesAre404AndWrongMethods405() {
        assertThat(sim.get("/v1/payments/pay_unknown").status()).isEqualTo(404);
        assertThat(sim.get("/v1/payments/pay_unknown").json()).containsEntry("error", "not_found");
        assertThat(sim.get("/v1/refunds/re_unknown").status()).isEqualTo(404);
        assertThat(sim.get("/v1/nothing").status()).isEqualTo(404);
        TestSimulator.Answer wrongMethod = sim.get("/v1/payments");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
    }

    @Test
    void bodiesOver64KiBAre413() {
        String big = "{\"amountCents\":1,\"currency\":\"EUR\",\"reference\":\"1\",\"description\":\"" + "x".repeat(70_000) + "\"}";
        TestSimulator.Answer answer = sim.post("/v1/payments", big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json()).containsEntry("error", "body_too_large");
        // just under the limit is read (and then refused for its over-long description, not its size)
        String justUnder = "{\"amountCents\":1,\"currency\":\"EUR\",\"reference\":\"1\",\"description\":\""
                + "x".repeat(65_000) + "\"}";
        assertThat(sim.post("/v1/payments", justUnder).status()).isEqualTo(400);
        assertThat(sim.get("/health").status()).isEqualTo(200);
    }

    @Test
    void handlesManyConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Set<Object> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Map<String, Object> payment = sim.createPayment(100 + n, "ref-" + n);
                ids.add(payment.get("id"));
                // and a burst on one idempotency key: all must get the same payment
                ids.add("key:" + sim.postWithKey("/v1/payments",
                        "{\"amountCents\":1,\"currency\":\"EUR\",\"reference\":\"same\"}", "shared").json().get("id"));
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(ids).hasSize(401);
        assertThat(sim.get("/v1/test/stats").json().get("payments")).isEqualTo(Map.of("PENDING", 401L, "SUCCEEDED", 0L, "FAILED", 0L));
    }
}
