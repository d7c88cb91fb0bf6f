package dev.evently.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Evently-Signature} scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 * The time is signed with the body, so a captured report cannot be replayed beyond the tolerance. Shared by the
 * payment provider's reports Evently verifies and the webhooks Evently sends (one scheme for integrators to learn).
 */
public final class WebhookSignatures {

    private final byte[] secret;
    private final Duration tolerance;

    public WebhookSignatures(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no signing secret (for payment reports: evently.payments.webhook-secret)");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** @throws InvalidSignatureException when the header is missing, malformed, wrong or out of the tolerance */
    public void verify(String header, byte[] body, Instant now) {
        if (header == null || header.length() > 1000) {
            throw new InvalidSignatureException("the Evently-Signature header is missing");
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            try {
                if (kv[0].equals("t")) {
                    t = Long.parseLong(kv[1]);
                } else if (kv[0].equals("v1") && given == null) {
                    given = HexFormat.of().parseHex(kv[1]);
                }
            } catch (IllegalArgumentException malformed) {
                throw new InvalidSignatureException("the Evently-Signature header is malformed");
            }
        }
        if (t == null || given == null) {
            throw new InvalidSignatureException("the Evently-Signature header needs t= and v1=");
        }
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            throw new InvalidSignatureException("the signature's time is more than " + tolerance.toMinutes()
                    + " minutes away from ours");
        }
        if (!MessageDigest.isEqual(given, mac(t, body))) {
            throw new InvalidSignatureException("the signature does not match the body");
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
