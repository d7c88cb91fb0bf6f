package dev.evently.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Tokens built by hand, as an attacker (or the issuer) would: claims, headers and signatures of our choosing. */
final class Jwts {

    static final String ISSUER = System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", "https://evently.dev");
    static final String AUDIENCE = System.getenv().getOrDefault("MP_JWT_VERIFY_AUDIENCES", "evently-api").split(",")[0];

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** The claims the real issuer puts in a token, valid for an hour from now. */
    static Map<String, Object> claims(long userId, String email, String role) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", String.valueOf(userId));
        claims.put("upn", email);
        claims.put("groups", List.of(role));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    static String rs256(Map<String, Object> claims, PrivateKey key) {
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

    /** Unsigned: {@code alg: none} and an empty signature. */
    static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** HMAC-signed with the given bytes as the secret (the RS256/HS256 confusion attack uses the public key). */
    static String hs256(Map<String, Object> claims, byte[] secret) {
        String signingInput = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with its payload replaced and its signature kept. */
    static String withPayload(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    static JsonNode payload(String token) {
        try {
            return Stack.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError("not a JWT: " + token, e);
        }
    }

    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's own signing key: ./evently test exports where it is. */
    static PrivateKey issuerKey() {
        String location = System.getenv("EVENTLY_JWT_PRIVATE_KEY_LOCATION");
        if (location == null) {
            throw new IllegalStateException("EVENTLY_JWT_PRIVATE_KEY_LOCATION is not set: run the tests through ./evently test");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pemBody(location));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key's PEM text, byte for byte, as an HS256 confusion attacker would use it. */
    static byte[] issuerPublicKeyPem() {
        String location = System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        if (location == null) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set: run the tests through ./evently test");
        }
        try {
            return Files.readAllBytes(Path.of(location.replaceFirst("^file:", "")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBody(String location) {
        try {
            return Files.readString(Path.of(location.replaceFirst("^file:", ""))).replaceAll("-----[A-Z ]+-----", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return B64URL.encodeToString(Stack.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
