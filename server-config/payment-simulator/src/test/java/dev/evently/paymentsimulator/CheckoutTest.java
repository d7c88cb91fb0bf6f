package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class CheckoutTest {

    private Receiver receiver;
    private TestSimulator sim;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        sim = TestSimulator.withReceiver(receiver);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    @Test
    void theCheckoutPageShowsTheAmountAndBothButtons() {
        Map<String, Object> payment = sim.createPayment(9000, "1234");
        TestSimulator.Answer page = browser((String) payment.get("checkoutUrl"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        String id = (String) payment.get("id");
        assertThat(page.body()).startsWith("<!DOCTYPE html>")
                .contains("<title>Evently Pay — checkout</title>")
                .contains("2 seats, Jazz at the Harbour")
                .contains("90.00 EUR")
                .contains("<form method=\"post\" action=\"/checkout/" + id + "/pay\"><button id=\"pay\" class=\"primary\">Pay 90.00 EUR</button></form>")
                .contains("<form method=\"post\" action=\"/checkout/" + id + "/decline\"><button id=\"decline\">Decline</button></form>")
                .doesNotContain("<script", "http://", "https://");
    }

    @Test
    void payingSendsASignedWebhookWithTheExactBody() throws Exception {
        Map<String, Object> payment = sim.createPayment(9000, "1234");
        String id = (String) payment.get("id");

        long before = Instant.now().getEpochSecond();
        TestSimulator.Answer result = browser(payment.get("checkoutUrl") + "/pay", "");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("<p id=\"result\" data-status=\"SUCCEEDED\">Payment successful</p>");
        assertThat(sim.payment(id)).containsEntry("status", "SUCCEEDED");

        Receiver.Received webhook = receiver.awaitCount(1).get(0);
        long after = Instant.now().getEpochSecond();
        assertThat(webhook.contentType()).isEqualTo("application/json");
        assertThat(webhook.body()).matches("\\{\"id\":\"evt_[A-Za-z0-9_-]{24}\",\"type\":\"payment.succeeded\","
                + "\"paymentId\":\"1234\",\"providerReference\":\"" + Pattern.quote(id) + "\",\"amountCents\":9000,\"currency\":\"EUR\"}");

        Matcher signature = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(webhook.signature());
        assertThat(signature.matches()).as(webhook.signature()).isTrue();
        long t = Long.parseLong(signature.group(1));
        assertThat(t).isBetween(before, after);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSimulator.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + webhook.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(signature.group(2)).isEqualTo(expected);
    }

    @Test
    void decliningFailsThePaymentAndADecidedPaymentStaysDecided() {
        Map<String, Object> payment = sim.createPayment(2500, "77");
        String url = (String) payment.get("checkoutUrl");

        assertThat(browser(url + "/decline", "").body())
                .contains("<p id=\"result\" data-status=\"FAILED\">Payment declined</p>");
        assertThat(browser(url + "/pay", "").body())
                .as("paying after declining changes nothing")
                .contains("<p id=\"result\" data-status=\"FAILED\">Payment declined</p>");
        assertThat(browser(url, null).body()).contains("data-status=\"FAILED\"").doesNotContain("id=\"pay\"");
        assertThat(sim.payment((String) payment.get("id"))).containsEntry("status", "FAILED");

        List<Receiver.Received> webhooks = receiver.awaitCount(1);
        assertThat(webhooks.get(0).json()).containsEntry("type", "payment.failed").containsEntry("paymentId", "77")
                .containsEntry("amountCents", 2500L);
        assertThat(sim.post("/v1/test/payments/" + payment.get("id") + "/succeed", "").status()).isEqualTo(409);
        Poll.until(java.time.Duration.ofSeconds(5), "the delivery to settle",
                () -> ((Map<String, Object>) sim.get("/v1/test/stats").json().get("webhooks")).get("pending").equals(0L));
        assertThat(receiver.received()).as("one decision, one webhook").hasSize(1);
    }

    @Test
    void echoedTextIsEscaped() {
        Map<String, Object> payment = sim.post("/v1/payments", Map.of("amountCents", 1, "currency", "EUR",
                "reference", "x", "description", "<script>alert('x')</script> & \"quotes\"")).json();

        String html = browser((String) payment.get("checkoutUrl"), null).body();
        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("Pay 0.01 EUR");
    }

    @Test
    void anUnknownPaymentIsAn404Page() {
        TestSimulator.Answer page = browser(sim.simulator.baseUrl() + "/checkout/pay_nope", null);
        TestSimulator.Answer post = browser(sim.simulator.baseUrl() + "/checkout/pay_nope/pay", "");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("There is no such payment");
        assertThat(post.status()).isEqualTo(404);
    }

    /** A request as a browser sends it: no API key; a form POST when {@code form} is not null. */
    private TestSimulator.Answer browser(String url, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return sim.send(request);
    }
}
