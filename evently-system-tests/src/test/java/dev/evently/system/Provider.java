package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payment provider as the tests use it: a buyer opens a checkout through the API, then "pays" through the
 * simulator's test API (what the checkout page's Pay button does), and the booking is confirmed when the
 * simulator's signed webhook has reached the server. Also signs webhooks itself, for the tests of forged ones.
 */
final class Provider {

    static final String URL = System.getenv().getOrDefault("EVENTLY_TEST_PAYMENTS_URL", "http://127.0.0.1:8026");
    static final String API_KEY = System.getenv().getOrDefault("EVENTLY_TEST_PAYMENTS_API_KEY", "");
    static final String WEBHOOK_SECRET = System.getenv().getOrDefault("EVENTLY_TEST_PAYMENTS_WEBHOOK_SECRET", "");
    /** From the provider's decision to the booking's confirmation: a webhook and a transaction, with room. */
    static final Duration SETTLE = Duration.ofSeconds(20);

    private Provider() {
    }

    /** Opens (or gets the open) checkout for the booking as its buyer; fails unless 201 or 200. */
    static JsonNode open(String buyerToken, long bookingId) {
        HttpResponse<String> response = Auth.post("/api/bookings/" + bookingId + "/payments", buyerToken, Map.of());
        assertThat(response.statusCode()).as("open checkout: " + response.body()).isIn(200, 201);
        return Stack.json(response);
    }

    /** The simulator's id of the payment, the last segment of its checkout URL. */
    static String providerId(JsonNode payment) {
        String url = payment.path("checkoutUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The buyer pays at the checkout: the simulator decides the payment SUCCEEDED and reports it. */
    static void succeed(String providerPaymentId) {
        decide(providerPaymentId, "succeed", Map.of());
    }

    static void fail(String providerPaymentId) {
        decide(providerPaymentId, "fail", Map.of());
    }

    /** @param options e.g. {@code duplicates}, {@code delayMs} */
    static void decide(String providerPaymentId, String outcome, Map<String, Object> options) {
        HttpResponse<String> response = api("POST", "/v1/test/payments/" + providerPaymentId + "/" + outcome, options);
        assertThat(response.statusCode()).as(outcome + " " + providerPaymentId + ": " + response.body()).isIn(200, 202);
    }

    /** Opens a checkout, pays it and waits until the booking is CONFIRMED; returns the booking. */
    static JsonNode pay(String buyerToken, long bookingId) throws InterruptedException {
        succeed(providerId(open(buyerToken, bookingId)));
        return awaitStatus(buyerToken, bookingId, Set.of("CONFIRMED"));
    }

    /** Waits until the booking's status is one of {@code statuses}; returns it. */
    static JsonNode awaitStatus(String token, long bookingId, Set<String> statuses) throws InterruptedException {
        return Stack.json(Stack.await("booking " + bookingId + " in " + statuses, SETTLE,
                () -> Auth.get("/api/bookings/" + bookingId, token),
                r -> r.statusCode() == 200 && statuses.contains(Stack.json(r).path("status").asText()),
                r -> r.statusCode() + " " + r.body()));
    }

    /** Has the simulator deliver this report (any fields, any values) through its signed webhook path. */
    static void report(Map<String, Object> body) {
        HttpResponse<String> response = api("POST", "/v1/test/webhooks", body);
        assertThat(response.statusCode()).as("report " + body + ": " + response.body()).isEqualTo(202);
    }

    /** The simulator's behaviour (failRate, duplicateRate, delayRate, autoDecideMs, seed, ...). */
    static void behave(Map<String, Object> behaviour) {
        HttpResponse<String> response = api("POST", "/v1/test/behaviour", behaviour);
        assertThat(response.statusCode()).as("behaviour: " + response.body()).isEqualTo(200);
    }

    static void reset() {
        assertThat(api("POST", "/v1/test/reset", Map.of()).statusCode()).isEqualTo(200);
    }

    /** Waits until the simulator has no webhook left to deliver. */
    static void awaitDelivered() throws InterruptedException {
        Stack.await("the simulator's webhooks delivered", Duration.ofSeconds(60),
                () -> Stack.json(api("GET", "/v1/test/stats", null)).path("webhooks"),
                webhooks -> webhooks.path("pending").asLong() == 0);
    }

    /**
     * The id of the report of {@code type} the simulator sent about Evently's payment {@code paymentId} (the id the
     * payment-reports inbox records), found among its 100 most recent webhook deliveries.
     */
    static String reportId(String paymentId, String type) throws InterruptedException {
        return Stack.await("the simulator's " + type + " report of payment " + paymentId, SETTLE, () -> {
            for (JsonNode delivery : Stack.json(api("GET", "/v1/test/webhooks?limit=100", null)).path("deliveries")) {
                if (delivery.path("paymentId").asText().equals(paymentId)
                        && delivery.path("type").asText().equals(type)) {
                    return delivery.path("id").asText();
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** Posts a report straight to the server's webhook, as anyone on the internet could. */
    static HttpResponse<String> webhook(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/payments/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Evently-Signature", signature);
        }
        return Stack.send(request);
    }

    /** The signature the provider would send at {@code at}. */
    static String sign(String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] v1 = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(v1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> api(String method, String path, Object body) {
        String json;
        try {
            json = body == null ? "" : Stack.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return Stack.send(HttpRequest.newBuilder(URI.create(URL + path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }
}
