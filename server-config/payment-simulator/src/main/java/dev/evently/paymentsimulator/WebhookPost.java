package dev.evently.paymentsimulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** One signed POST of a webhook body to the merchant. */
final class WebhookPost {

    /** An HTTP status, or null and why there was none. */
    record Outcome(Integer status, String error) {
        boolean accepted() {
            return status != null && status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private final URI target;
    private final byte[] secret;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WebhookPost(URI target, byte[] secret) {
        this.target = target;
        this.secret = secret;
    }

    Outcome send(String body) throws InterruptedException {
        // a fresh timestamp and signature per attempt: receivers may refuse signatures older than a few minutes
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Evently-Signature", Signature.header(secret, Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return new Outcome(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out");
        } catch (ConnectException e) {
            return new Outcome(null, "cannot connect");
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
    }
}
