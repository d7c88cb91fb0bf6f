package dev.evently.webhook.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.evently.platform.control.WebhookSignatures;
import dev.evently.webhook.control.WebhookStore.Claimed;

/**
 * One attempt at a delivery: a signed POST of the event's envelope, answered asynchronously, so that a receiver that
 * takes its time holds no thread of ours. Connecting may take {@value #CONNECT_SECONDS} s and the answer
 * {@value #ANSWER_SECONDS} s; redirects are not followed (a 3xx is a failed attempt).
 */
public final class WebhookPost implements AutoCloseable {

    public static final int CONNECT_SECONDS = 5;
    public static final int ANSWER_SECONDS = 10;
    public static final String USER_AGENT = "Evently-Webhooks";
    /** How far the receiver's clock may be from ours when it checks the signature's time, as for payment reports. */
    public static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What came of an attempt: the status code (0 when there was no answer), how long it took, and any error. */
    public record Outcome(int statusCode, long latencyMs, String error) {

        public boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    private final ExecutorService threads;
    private final HttpClient client;

    public WebhookPost() {
        // the client's own work (reading answers, completing futures) is small: two threads of ours, shut down with
        // the application rather than left to the client's unbounded default pool
        this.threads = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "evently-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .executor(threads)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(CONNECT_SECONDS))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A new signing secret: 32 random bytes, base64url, with a prefix that says what it is. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The request of an attempt made at {@code now}. */
    public static HttpRequest request(Claimed delivery, Instant now) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignatures(delivery.secret(), SIGNATURE_TOLERANCE).sign(body, now);
        return HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(Duration.ofSeconds(ANSWER_SECONDS))
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Evently-Signature", signature)
                .header("Evently-Event-Id", delivery.eventId())
                .header("Evently-Event-Type", delivery.eventType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Sends an attempt; the future always completes normally, with the outcome. */
    public CompletableFuture<Outcome> send(Claimed delivery, Instant now) {
        long start = System.nanoTime();
        try {
            return client.sendAsync(request(delivery, now), HttpResponse.BodyHandlers.discarding())
                    // the answer's body may not dribble in for ever either
                    .orTimeout(CONNECT_SECONDS + ANSWER_SECONDS, TimeUnit.SECONDS)
                    .handle((response, failure) -> {
                        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        return failure == null ? new Outcome(response.statusCode(), latency,
                                response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode())
                                : new Outcome(0, latency, describe(failure));
                    });
        } catch (RuntimeException e) {  // a URL the client will not take
            return CompletableFuture.completedFuture(new Outcome(0, 0, describe(e)));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within the time allowed";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
