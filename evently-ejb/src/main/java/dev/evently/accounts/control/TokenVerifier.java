package dev.evently.accounts.control;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the access tokens {@link TokenIssuer} signs, as MicroProfile JWT would: RS256 with the configured public
 * key and no other algorithm, the issuer, one of the audiences, an expiry in the future, a numeric subject. A token
 * once verified is remembered until it expires, so a buyer's second request costs a map lookup instead of a
 * signature check and two JSON parses. Only verified tokens are remembered, and at most {@link #REMEMBERED} of
 * them: nothing a stranger sends can grow it. Revocation is checked per request elsewhere ({@link Revocations}).
 */
@ApplicationScoped
public class TokenVerifier {

    /** More buyers than a stadium's on-sale has at once; about 1.5 KB each. */
    static final int REMEMBERED = 10_000;
    /** Far longer than any token we issue: a longer header is refused unread. */
    static final int MAX_LENGTH = 4096;

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://evently.dev")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "evently-api")
    String audiences;

    private final int limit;
    private PublicKey key;
    private Set<String> acceptedAudiences;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    /** What a verified token says: who, in which roles, and what a revocation would name. */
    public record AccessToken(long userId, Set<String> groups, String tokenId, String sessionId, Instant expiresAt) {
    }

    public TokenVerifier() {
        limit = REMEMBERED;
    }

    /** For unit tests: the key and claims to expect, without configuration, and how many to remember. */
    TokenVerifier(PublicKey key, String issuer, String audiences, int limit) {
        this.limit = limit;
        this.key = key;
        this.issuer = issuer;
        this.audiences = audiences;
        this.acceptedAudiences = audienceSet(audiences);
    }

    @PostConstruct
    void loadKey() {
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(KeyFiles.der(publicKeyLocation)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the JWT verification key at " + publicKeyLocation, e);
        }
        acceptedAudiences = audienceSet(audiences);
    }

    /** The token's claims if it is one of ours and still valid at {@code now}; empty for anything else. */
    public Optional<AccessToken> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        AccessToken known = verified.get(token);
        if (known == null) {
            known = check(token, now);
            if (known == null) {
                return Optional.empty();
            }
            remember(token, known, now);
        }
        if (!now.isBefore(known.expiresAt())) {
            verified.remove(token);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    int remembered() {
        return verified.size();
    }

    private void remember(String token, AccessToken access, Instant now) {
        if (verified.size() >= limit) {
            verified.values().removeIf(other -> !now.isBefore(other.expiresAt()));
            if (verified.size() >= limit) {
                verified.clear();  // all still valid: they are verified again on their next request
            }
        }
        verified.put(token, access);
    }

    private AccessToken check(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonObject header = json(parts[0]);
            if (!"RS256".equals(header.getString("alg", null)) || header.containsKey("crit")) {
                return null;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(BASE64URL.decode(parts[2]))) {
                return null;
            }
            return claims(json(parts[1]), now);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;  // not base64, not JSON, a claim of the wrong type: not a token of ours
        }
    }

    private AccessToken claims(JsonObject claims, Instant now) {
        Instant expiresAt = epochSeconds(claims.get("exp"));
        Instant notBefore = epochSeconds(claims.get("nbf"));
        if (!issuer.equals(claims.getString("iss", null)) || !audienceAccepted(claims.get("aud"))
                || expiresAt == null || !now.isBefore(expiresAt)
                || (claims.containsKey("nbf") && (notBefore == null || now.isBefore(notBefore)))) {
            return null;
        }
        long userId = Long.parseLong(claims.getString("sub"));
        JsonValue groups = claims.get("groups");
        Set<String> roles = groups instanceof JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new AccessToken(userId, roles, claims.getString("jti", null), claims.getString("sid", null), expiresAt);
    }

    private boolean audienceAccepted(JsonValue aud) {
        if (aud instanceof JsonString one) {
            return acceptedAudiences.contains(one.getString());
        }
        return aud instanceof JsonArray many && many.stream()
                .anyMatch(value -> value instanceof JsonString s && acceptedAudiences.contains(s.getString()));
    }

    private static Instant epochSeconds(JsonValue value) {
        return value instanceof JsonNumber number && number.isIntegral()
                ? Instant.ofEpochSecond(number.longValueExact()) : null;
    }

    private static JsonObject json(String base64url) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(BASE64URL.decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static Set<String> audienceSet(String audiences) {
        return Arrays.stream(audiences.split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
