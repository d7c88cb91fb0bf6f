package dev.evently.paymentsimulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A simulator on an ephemeral port and a client for it, for tests. */
final class TestSimulator implements AutoCloseable {

    static final String API_KEY = "test-api-key";
    static final String SECRET = "whsec_test_secret";

    record Answer(int status, String body, HttpResponse<String> response) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    final Simulator simulator;
    final List<String> log = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestSimulator(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--port", "0", "--api-key", API_KEY, "--webhook-secret", SECRET));
        all.addAll(List.of(args));
        simulator = Simulator.start(Config.parse(all.toArray(String[]::new), Map.of()), line -> {
            synchronized (log) {
                log.add(line);
            }
        });
    }

    static TestSimulator start(String... args) throws IOException {
        return new TestSimulator(args);
    }

    static TestSimulator withReceiver(Receiver receiver, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--webhook-url", receiver.url()));
        all.addAll(List.of(args));
        return new TestSimulator(all.toArray(String[]::new));
    }

    Answer get(String path) {
        return send(builder(path).GET());
    }

    Answer post(String path, Object body) {
        return send(builder(path).POST(publisher(body)));
    }

    Answer postWithKey(String path, Object body, String idempotencyKey) {
        return send(builder(path).header("Idempotency-Key", idempotencyKey).POST(publisher(body)));
    }

    /** Creates a payment and returns its JSON. */
    Map<String, Object> createPayment(long amountCents, String reference) {
        Answer answer = post("/v1/payments", Map.of("amountCents", amountCents, "currency", "EUR",
                "reference", reference, "description", "2 seats, Jazz at the Harbour"));
        if (answer.status() != 201) {
            throw new AssertionError("create payment: " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    Map<String, Object> payment(String id) {
        return get("/v1/payments/" + id).json();
    }

    HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json");
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        String text = body instanceof String s ? s : Json.write(body);
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
