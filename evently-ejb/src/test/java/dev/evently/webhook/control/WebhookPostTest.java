package dev.evently.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

import dev.evently.platform.control.WebhookSignatures;
import dev.evently.webhook.control.WebhookStore.Claimed;

class WebhookPostTest {

    private static final String ENVELOPE = "{\"id\":\"42\",\"type\":\"booking.created\",\"data\":{\"bookingId\":7}}";

    @Test
    void signsTheEnvelopeAsPaymentReportsAreSignedAndNamesTheEvent() {
        String secret = WebhookPost.newSecret();
        Claimed delivery = new Claimed(1, 2, "https://hooks.example.com/in", secret, "42", "booking.created",
                ENVELOPE, 1, null);
        Instant now = Instant.parse("2027-01-01T10:00:00Z");

        HttpRequest request = WebhookPost.request(delivery, now);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(request.headers().firstValue("Evently-Event-Id")).hasValue("42");
        assertThat(request.headers().firstValue("Evently-Event-Type")).hasValue("booking.created");
        assertThat(request.headers().firstValue("User-Agent")).hasValue("Evently-Webhooks");
        assertThat(request.timeout()).hasValue(Duration.ofSeconds(WebhookPost.ANSWER_SECONDS));
        assertThat(body(request)).isEqualTo(ENVELOPE);
        String signature = request.headers().firstValue("Evently-Signature").orElseThrow();
        assertThat(signature).startsWith("t=" + now.getEpochSecond() + ",v1=");
        new WebhookSignatures(secret, Duration.ofMinutes(5)).verify(signature,
                ENVELOPE.getBytes(StandardCharsets.UTF_8), now.plusSeconds(30));
    }

    @Test
    void secretsAreLongRandomAndDistinct() {
        String one = WebhookPost.newSecret();
        assertThat(one).startsWith("whsec_").hasSize(6 + 43);
        assertThat(WebhookPost.newSecret()).isNotEqualTo(one);
    }

    @Test
    void onlyA2xxIsDelivered() {
        assertThat(new WebhookPost.Outcome(200, 5, null).delivered()).isTrue();
        assertThat(new WebhookPost.Outcome(204, 5, null).delivered()).isTrue();
        assertThat(new WebhookPost.Outcome(301, 5, null).delivered()).isFalse();
        assertThat(new WebhookPost.Outcome(503, 5, null).delivered()).isFalse();
        assertThat(new WebhookPost.Outcome(0, 10_000, "timeout").delivered()).isFalse();
    }

    private static String body(HttpRequest request) {
        StringBuilder text = new StringBuilder();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                text.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        return text.toString();
    }
}
