package dev.evently.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import dev.evently.accounts.control.TokenVerifier.AccessToken;

class TokenVerifierTest {

    private static final String ISSUER = "https://evently.dev";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final KeyPair KEYS = keyPair();
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final TokenVerifier verifier = new TokenVerifier(KEYS.getPublic(), ISSUER, "evently-api, other-api", 5);

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", "evently-api");
        claims.put("sub", "42");
        claims.put("groups", List.of("USER"));
        claims.put("iat", NOW.getEpochSecond());
        claims.put("exp", NOW.plusSeconds(900).getEpochSecond());
        claims.put("jti", "token-1");
        claims.put("sid", "session-1");
        return claims;
    }

    @Test
    void aTokenOfOursGivesItsCaller() {
        AccessToken token = verifier.verify(rs256(claims(), KEYS.getPrivate()), NOW).orElseThrow();

        assertThat(token.userId()).isEqualTo(42);
        assertThat(token.groups()).containsExactly("USER");
        assertThat(token.tokenId()).isEqualTo("token-1");
        assertThat(token.sessionId()).isEqualTo("session-1");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(900));
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = rs256(claims(), KEYS.getPrivate());

        assertThat(verifier.verify(token, NOW)).isPresent();
        assertThat(verifier.verify(token, NOW.plusSeconds(899))).isPresent();
        assertThat(verifier.verify(token, NOW.plusSeconds(900))).isEmpty();
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void anAudienceListNeedsOneOfOurs() {
        Map<String, Object> claims = claims();
        claims.put("aud", List.of("someone-else", "other-api"));
        assertThat(verifier.verify(rs256(claims, KEYS.getPrivate()), NOW)).isPresent();

        claims.put("aud", List.of("someone-else"));
        assertThat(verifier.verify(rs256(claims, KEYS.getPrivate()), NOW)).isEmpty();
    }

    @Test
    void wrongClaimsAreRefused() {
        List<Map<String, Object>> faults = List.of(
                Map.of("iss", "https://attacker.example"),
                Map.of("aud", "some-other-api"),
                Map.of("exp", NOW.minusSeconds(1).getEpochSecond()),
                Map.of("exp", "tomorrow"),
                Map.of("nbf", NOW.plusSeconds(60).getEpochSecond()),
                Map.of("sub", "admin"));
        for (Map<String, Object> fault : faults) {
            Map<String, Object> claims = claims();
            claims.putAll(fault);
            assertThat(verifier.verify(rs256(claims, KEYS.getPrivate()), NOW)).as(fault.toString()).isEmpty();
        }
        Map<String, Object> noExpiry = claims();
        noExpiry.remove("exp");
        assertThat(verifier.verify(rs256(noExpiry, KEYS.getPrivate()), NOW)).isEmpty();
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void forgeriesAreRefused() throws GeneralSecurityException {
        Map<String, Object> admin = claims();
        admin.put("groups", List.of("ADMIN"));
        String genuine = rs256(claims(), KEYS.getPrivate());
        String[] parts = genuine.split("\\.");

        assertThat(verifier.verify(parts[0] + "." + encode(admin) + "." + parts[2], NOW)).isEmpty();
        assertThat(verifier.verify(encode(Map.of("alg", "none")) + "." + encode(admin) + ".", NOW)).isEmpty();
        assertThat(verifier.verify(rs256(admin, keyPair().getPrivate()), NOW)).isEmpty();
        assertThat(verifier.verify(hs256(admin, KEYS.getPublic().getEncoded()), NOW)).isEmpty();
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void garbageIsNoToken() {
        String genuine = rs256(claims(), KEYS.getPrivate());

        assertThat(verifier.verify("not-a-jwt", NOW)).isEmpty();
        assertThat(verifier.verify(genuine.substring(0, genuine.lastIndexOf('.')), NOW)).isEmpty();
        assertThat(verifier.verify(genuine + ".x", NOW)).isEmpty();
        assertThat(verifier.verify("%%%.%%%.%%%", NOW)).isEmpty();
        assertThat(verifier.verify("a".repeat(TokenVerifier.MAX_LENGTH + 1), NOW)).isEmpty();
        assertThat(verifier.verify(null, NOW)).isEmpty();
    }

    @Test
    void theMemoryStaysBoundedWhateverIsVerified() {
        Map<String, Object> claims = claims();
        for (int i = 0; i < 12; i++) {
            claims.put("jti", "token-" + i);
            assertThat(verifier.verify(rs256(claims, KEYS.getPrivate()), NOW)).isPresent();
            assertThat(verifier.remembered()).isBetween(1, 5);
        }
    }

    private static String rs256(Map<String, Object> claims, PrivateKey key) {
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(Map<String, Object> claims, byte[] secret) throws GeneralSecurityException {
        String signingInput = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(Map<String, Object> json) {
        return B64URL.encodeToString(Json.createObjectBuilder(json).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
