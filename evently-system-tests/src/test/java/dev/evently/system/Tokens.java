package dev.evently.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Accounts without the accounts API: users written straight into the {@code users} table and RS256 tokens
 * signed with the stack's development key (EVENTLY_JWT_PRIVATE_KEY_LOCATION), carrying the claims the
 * server's own issuer puts in. Lets booking and catalogue tests run many shoppers cheaply.
 */
final class Tokens {

    /** A user of the stack and a token for them. */
    record Account(long id, String email, String token) {
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Duration TTL = Duration.ofHours(1);
    private static final String HASH = "PBKDF2WithHmacSHA512";
    private static final int CHEAP_ITERATIONS = 1_000;
    private static PrivateKey key;
    /** One hash for every such account (one salt): they are test accounts, and it is computed once. */
    private static String cheapHash;

    private Tokens() {
    }

    /** A token of the first admin, who exists in every stack. */
    static String admin() {
        Map<String, Object> admin = Database.row("select id, email from users where role = 'ADMIN' order by id limit 1");
        return mint(((Number) admin.get("id")).longValue(), (String) admin.get("email"), "ADMIN");
    }

    /** The first admin's user id (whom {@link #admin()} speaks for). */
    static long adminId() {
        return ((Number) Database.row("select id from users where role = 'ADMIN' order by id limit 1").get("id")).longValue();
    }

    /** A fresh USER account; unique per call so tests never share data. */
    static String newUser() {
        return newUsers(1).get(0).token();
    }

    /** Fresh USER accounts, written in one statement. */
    static List<Account> newUsers(int count) {
        List<Map<String, Object>> rows = Database.rows("""
                insert into users (email, password_hash, name, role)
                select 'shopper-' || gen_random_uuid() || '@example.org', 'no password: token minted by the tests',
                       'Shopper ' || n, 'USER'
                from generate_series(1, ?) n
                returning id, email""", count);
        List<Account> accounts = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            String email = (String) row.get("email");
            accounts.add(new Account(id, email, mint(id, email, "USER")));
        }
        return accounts;
    }

    /**
     * Fresh USER accounts that log in with {@link Auth#PASSWORD}, written in one statement; returns their emails.
     * Their stored hash is the server's format with {@link #CHEAP_ITERATIONS} iterations: the parameters travel in
     * the hash, so the server checks it as any other, in a millisecond instead of a quarter of a second. The tests
     * of registration and of the login limits' counting sign up through the API; the others only need to log in.
     */
    static List<String> withPassword(int count) {
        return Database.rows("""
                insert into users (email, password_hash, name, role)
                select 'user-' || gen_random_uuid() || '@example.org', ?, 'Test User', 'USER'
                from generate_series(1, ?) n
                returning email""", cheapHash(), count).stream().map(row -> (String) row.get("email")).toList();
    }

    private static synchronized String cheapHash() {
        if (cheapHash == null) {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            try {
                byte[] key = SecretKeyFactory.getInstance(HASH).generateSecret(
                        new PBEKeySpec(Auth.PASSWORD.toCharArray(), salt, CHEAP_ITERATIONS, 512)).getEncoded();
                cheapHash = HASH + ":" + CHEAP_ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                        + Base64.getEncoder().encodeToString(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot hash a password", e);
            }
        }
        return cheapHash;
    }

    static String mint(long userId, String email, String role) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", "https://evently.dev"));
        claims.put("aud", System.getenv().getOrDefault("MP_JWT_VERIFY_AUDIENCES", "evently-api").split(",")[0].trim());
        claims.put("sub", String.valueOf(userId));
        claims.put("upn", email);
        claims.put("groups", List.of(role));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(TTL).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            String location = System.getenv("EVENTLY_JWT_PRIVATE_KEY_LOCATION");
            if (location == null) {
                throw new IllegalStateException(
                        "EVENTLY_JWT_PRIVATE_KEY_LOCATION is not set: run the tests through ./evently test");
            }
            try {
                String pem = Files.readString(Path.of(location.replaceFirst("^file:", "")));
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JWT signing key at " + location, e);
            }
        }
        return key;
    }

    private static String encode(Object json) {
        try {
            return BASE64URL.encodeToString(Stack.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
