package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (a free port) for the tests, standing for another system: it answers its first
 * {@code refusals} requests 503 at once and every later one 200 after {@code answerAfter} (a peer that is away, then
 * slow), and records every request with when it came and when it was answered.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and what it was answered. */
    record Received(Instant startedAt, Instant answeredAt, int status, String eventId, String eventType,
                    String signature, String contentType, String userAgent, String body) {

        boolean delivered() {
            return status / 100 == 2;
        }

        Instant occurredAt() {
            return Instant.parse(json().path("occurredAt").asText());
        }

        JsonNode json() {
            try {
                return Stack.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The headers and body a webhook has, and a signature made with {@code secret} over this very body. */
        void assertWellFormed(String secret) {
            JsonNode envelope = json();
            assertThat(contentType).isEqualTo("application/json");
            assertThat(userAgent).startsWith("Evently-Webhooks");
            assertThat(envelope.path("id").asText()).isEqualTo(eventId);
            assertThat(envelope.path("type").asText()).isEqualTo(eventType);
            assertThat(envelope.path("version").asInt()).isPositive();
            assertThat(envelope.path("occurredAt").asText()).isNotBlank();
            assertThat(envelope.path("data").isObject()).as(body).isTrue();
            assertThat(signature).as("Evently-Signature").matches("t=\\d+,v1=[0-9a-f]{64}");
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(Math.abs(t - startedAt.getEpochSecond())).as("signature time").isLessThanOrEqualTo(300);
            assertThat(signature.substring(signature.indexOf("v1=") + 3)).as("signature of event " + eventId)
                    .isEqualTo(hmac(secret, t + "." + body));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> requests = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    WebhookReceiver(int refusals, Duration answerAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> answer(exchange, count.incrementAndGet() <= refusals, answerAfter));
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The event ids answered 2xx. */
    Set<String> deliveredIds() {
        return requests().stream().filter(Received::delivered).map(Received::eventId).collect(Collectors.toSet());
    }

    private void answer(HttpExchange exchange, boolean refuse, Duration answerAfter) throws IOException {
        Instant started = Instant.now();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = refuse ? 503 : 200;
        if (!refuse && !answerAfter.isZero()) {
            try {
                Thread.sleep(answerAfter.toMillis());  // a slow peer, not a wait of the test's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var headers = exchange.getRequestHeaders();
        Received received = new Received(started, Instant.now(), status, headers.getFirst("Evently-Event-Id"),
                headers.getFirst("Evently-Event-Type"), headers.getFirst("Evently-Signature"),
                headers.getFirst("Content-Type"), headers.getFirst("User-Agent"), body);
        synchronized (requests) {
            requests.add(received);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
