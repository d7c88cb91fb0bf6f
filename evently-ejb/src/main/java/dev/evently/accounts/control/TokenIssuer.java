package dev.evently.accounts.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.entity.User;

/**
 * Issues RS256 access tokens that MicroProfile JWT verifies: issuer, audience, expiry, the user id as
 * subject, the email as {@code upn}, the role in {@code groups}, and for revocation its own id ({@code jti}) and
 * the session it belongs to ({@code sid}). The private key comes from
 * configuration; the repository holds none.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "evently.jwt.private-key.location")
    String privateKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://evently.dev")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "evently-api")
    String audience;

    @Inject
    @ConfigProperty(name = "evently.jwt.ttl", defaultValue = "PT15M")
    Duration ttl;

    private PrivateKey key;

    @PostConstruct
    void loadKey() {
        try {
            key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(KeyFiles.der(privateKeyLocation)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JWT signing key at " + privateKeyLocation, e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(User user, UUID session, Instant now) {
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience.split(",")[0].trim())
                .add("sub", String.valueOf(user.getId()))
                .add("upn", user.getEmail())
                .add("name", user.getName())
                .add("groups", Json.createArrayBuilder().add(user.getRole().name()))
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(ttl).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .add("sid", session.toString())
                .build().toString();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
