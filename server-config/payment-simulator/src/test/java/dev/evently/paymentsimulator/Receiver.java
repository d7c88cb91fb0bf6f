package dev.evently.paymentsimulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A merchant's webhook endpoint for tests: records every request and answers what the test says. */
final class Receiver implements AutoCloseable {

    record Received(String body, String signature, String contentType, long receivedAtMillis) {
        Map<String, Object> json() {
            return Json.parseObject(body);
        }

        String eventId() {
            return String.valueOf(json().get("id"));
        }

        /** Checks the signature the way a merchant would, independently of the simulator's code. */
        boolean signedWith(String secret) {
            Matcher m = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(signature);
            if (!m.matches()) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = mac.doFinal((m.group(1) + "." + body).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(expected).equals(m.group(2));
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile ToIntFunction<Received> answer = r -> 200;

    Receiver() throws IOException {
        this(0);
    }

    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/webhook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r = new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Evently-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), System.currentTimeMillis());
            synchronized (received) {
                received.add(r);
            }
            int status = answer.applyAsInt(r);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** How to answer each request (default 200); it may block to simulate a slow merchant. */
    Receiver answering(ToIntFunction<Received> answer) {
        this.answer = answer;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    List<Received> receivedFor(String eventId) {
        return received().stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    /** Waits until {@code count} requests have arrived and returns them all. */
    List<Received> awaitCount(int count) {
        Poll.until(Duration.ofSeconds(15), count + " webhook request(s)", () -> received().size() >= count);
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
