package dev.evently.api.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, from the bearer token the container's MP-JWT mechanism verified for this request: the
 * subject is the user id, the groups carry the roles. Read from the request itself: Payara's injectable
 * {@code JsonWebToken} asks Jakarta Security for the caller principal, which probes the class loaders for
 * other vendors' classes on every call and made that the costliest step of an authenticated request.
 */
@RequestScoped
public class Caller {

    private static final String BEARER = "Bearer ";

    @Inject
    HttpServletRequest request;

    private JsonObject claims;

    /** True when the request carried a token the container accepted. */
    public boolean isAuthenticated() {
        return request.getUserPrincipal() != null && claims() != null;
    }

    public long userId() {
        return Long.parseLong(require().getString("sub"));
    }

    public boolean isAdmin() {
        return groups().contains("ADMIN");
    }

    /** The token's own id, what a logout revokes. */
    public String tokenId() {
        return require().getString("jti", null);
    }

    /** The session (one login's chain of tokens) the token belongs to, what ending a session revokes. */
    public String sessionId() {
        return require().getString("sid", null);
    }

    public Instant expiresAt() {
        return epochSeconds("exp");
    }

    private Instant epochSeconds(String claim) {
        JsonValue value = require().get(claim);
        return value instanceof JsonNumber number ? Instant.ofEpochSecond(number.longValue()) : null;
    }

    public Set<String> groups() {
        JsonValue groups = require().get("groups");
        if (groups == null || groups.getValueType() != JsonValue.ValueType.ARRAY) {
            return Set.of();
        }
        return groups.asJsonArray().stream()
                .filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString())
                .collect(Collectors.toUnmodifiableSet());
    }

    private JsonObject require() {
        if (!isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        return claims;
    }

    // The signature, issuer, audience and expiry were checked by the mechanism before the principal was set;
    // what is left is reading the payload of that same header.
    private JsonObject claims() {
        if (claims == null) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            String[] parts = header.substring(BEARER.length()).trim().split("\\.");
            if (parts.length != 3) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                claims = reader.readObject();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return claims;
    }
}
