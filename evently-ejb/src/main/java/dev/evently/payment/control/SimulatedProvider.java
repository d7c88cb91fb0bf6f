package dev.evently.payment.control;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.payment.boundary.PaymentReport;
import dev.evently.platform.control.InvalidSignatureException;
import dev.evently.platform.control.WebhookSignatures;

/**
 * The payment provider over its HTTP API ({@code evently.payments.url}): the embedded simulator that
 * {@code ./evently} starts, or anything that speaks its API and signs its webhooks the Evently way.
 */
@ApplicationScoped
public class SimulatedProvider implements PaymentProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    @ConfigProperty(name = "evently.payments.url", defaultValue = "http://127.0.0.1:8026")
    String url;

    @Inject
    @ConfigProperty(name = "evently.payments.api-key", defaultValue = "")
    String apiKey;

    @Inject
    @ConfigProperty(name = "evently.payments.webhook-secret", defaultValue = "")
    String webhookSecret;

    @Inject
    @ConfigProperty(name = "evently.payments.webhook-tolerance", defaultValue = "PT5M")
    Duration tolerance;

    private HttpClient http;
    private WebhookSignatures signatures;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        if (!webhookSecret.isBlank()) {
            signatures = new WebhookSignatures(webhookSecret, tolerance);
        }
    }

    @Override
    public Checkout open(long paymentId, long amountCents, String currency, String description) {
        JsonObject answer = post("/v1/payments", "payment-" + paymentId, Json.createObjectBuilder()
                .add("amountCents", amountCents)
                .add("currency", currency)
                .add("reference", String.valueOf(paymentId))
                .add("description", description)
                .build());
        return new Checkout(answer.getString("id"), answer.getString("checkoutUrl"));
    }

    @Override
    public String refund(String paymentReference, long refundId, long amountCents, String currency) {
        return post("/v1/refunds", "refund-" + refundId, Json.createObjectBuilder()
                .add("paymentId", paymentReference)
                .add("amountCents", amountCents)
                .add("currency", currency)
                .add("reference", String.valueOf(refundId))
                .build()).getString("id");
    }

    @Override
    public PaymentReport verify(String signature, byte[] body, Instant now) {
        if (signatures == null) {
            throw new InvalidSignatureException("no webhook secret is configured: no report can be trusted");
        }
        signatures.verify(signature, body, now);
        return PaymentReport.parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Sends the request, and once more if the connection failed without an answer: a connection kept open from
     * before the provider restarted fails on its first use. Every request carries an idempotency key, so the
     * provider acts on it once however often it arrives. A timeout is not tried again: the provider is slow, not
     * gone, and the caller's answer should not wait twice as long.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private JsonObject post(String path, String idempotencyKey, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (IOException e) {
            throw new ProviderUnavailableException("the payment provider cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while asking the payment provider");
        }
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new ProviderUnavailableException("the payment provider answered " + response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException("the payment provider answered something else than JSON");
        }
    }
}
