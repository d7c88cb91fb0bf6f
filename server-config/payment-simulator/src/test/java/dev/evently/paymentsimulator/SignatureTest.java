package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void matchesTheWellKnownHmacSha256Vector() {
        // RFC-style example from the HMAC article: HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(Signature.hmacHex("key".getBytes(StandardCharsets.UTF_8), "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void signsTimestampDotBodyInTheStripeFormat() {
        String body = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"paymentId\":\"1234\","
                + "\"providerReference\":\"pay_x\",\"amountCents\":9000,\"currency\":\"EUR\"}";

        // expected value computed independently:
        // printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(Signature.header("whsec_test".getBytes(StandardCharsets.UTF_8), 1_700_000_000L, body))
                .isEqualTo("t=1700000000,v1=34b953dca85cfe81bff288daf6d70dd9120daf1636e127963ffd31b9d0c8c287");
    }
}
