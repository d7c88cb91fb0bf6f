package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bearer tokens at the role boundaries: only a token the platform signed, for this issuer and audience,
 * and not expired, gets in; a USER never reaches an ADMIN endpoint.
 */
class TokensIT {

    private static String email;
    private static long userId;
    private static String userToken;

    @BeforeAll
    static void aUser() {
        email = Auth.newUser();
        userToken = Auth.login(email, Auth.PASSWORD);
        userId = Stack.json(Auth.get("/api/auth/me", userToken)).path("id").asLong();
    }

    @Test
    void theIssuedTokenCarriesIssuerAudienceExpiryAndTheRole() {
        var claims = Jwts.payload(userToken);

        assertThat(claims.path("iss").asText()).isEqualTo(Jwts.ISSUER);
        assertThat(claims.path("aud").isArray() ? claims.path("aud").get(0).asText() : claims.path("aud").asText())
                .isEqualTo(Jwts.AUDIENCE);
        assertThat(claims.path("sub").asText()).isEqualTo(String.valueOf(userId));
        assertThat(claims.path("upn").asText()).isEqualTo(email);
        assertThat(claims.path("groups").toString()).isEqualTo("[\"USER\"]");
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    void aTokenSignedWithTheIssuerKeyAndValidClaimsIsAccepted() {
        // the control for the forgeries below: the same construction with nothing wrong gets in
        String token = Jwts.rs256(Jwts.claims(userId, email, "USER"), Jwts.issuerKey());

        HttpResponse<String> me = Auth.get("/api/auth/me", token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Stack.json(me).path("email").asText()).isEqualTo(email);
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("payload changed to ADMIN, signature kept",
                        (Function<Map<String, Object>, String>) claims -> Jwts.withPayload(userToken, claims)),
                Arguments.of("alg none",
                        (Function<Map<String, Object>, String>) Jwts::unsigned),
                Arguments.of("signed with another RSA key",
                        (Function<Map<String, Object>, String>) claims -> Jwts.rs256(claims, Jwts.otherKey())),
                Arguments.of("HS256 with the public key as secret",
                        (Function<Map<String, Object>, String>) claims -> Jwts.hs256(claims, Jwts.issuerPublicKeyPem())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedAdminTokenGetsNowhere(String forgery, Function<Map<String, Object>, String> forge) {
        String token = forge.apply(Jwts.claims(userId, email, "ADMIN"));

        assertUnauthorized(Auth.get("/api/admin/users/" + userId, token));
        assertUnauthorized(Auth.get("/api/auth/me", token));
    }

    static Stream<Arguments> wrongClaims() {
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        return Stream.of(
                Arguments.of("expired an hour ago", Map.of("iat", past, "exp", past + 3600)),
                Arguments.of("another issuer", Map.of("iss", "https://attacker.example")),
                Arguments.of("another audience", Map.of("aud", "some-other-api")),
                Arguments.of("no expiry", Map.of("exp", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongClaims")
    void aTokenSignedWithTheIssuerKeyButWrongClaimsIsRefused(String fault, Map<String, Object> changes) {
        Map<String, Object> claims = new LinkedHashMap<>(Jwts.claims(userId, email, "USER"));
        changes.forEach((name, value) -> {
            if ("".equals(value)) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        String token = Jwts.rs256(claims, Jwts.issuerKey());

        assertUnauthorized(Auth.get("/api/auth/me", token));
    }

    @Test
    void somethingThatIsNoJwtIsRefused() {
        assertUnauthorized(Auth.get("/api/auth/me", "not-a-jwt"));
        assertUnauthorized(Auth.get("/api/auth/me", userToken.substring(0, userToken.lastIndexOf('.'))));
    }

    @Test
    void anonymousCallersAreAskedForAToken() {
        assertUnauthorized(Auth.get("/api/auth/me", null));
        assertUnauthorized(Auth.get("/api/admin/users/" + userId, null));
    }

    @Test
    void anotherAuthorizationSchemeIsNoToken() {
        HttpResponse<String> basic = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/auth/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (email + ":" + Auth.PASSWORD).getBytes())).GET());

        assertUnauthorized(basic);
    }

    @Test
    void aUserCannotReachAnAdminEndpoint() {
        HttpResponse<String> response = Auth.get("/api/admin/users/" + userId, userToken);

        ProblemsIT.assertProblem(response, 403, "https://evently.dev/problems/forbidden");
    }

    @Test
    void anAdminCan() {
        HttpResponse<String> response = Auth.get("/api/admin/users/" + userId, Auth.adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("email").asText()).isEqualTo(email);
        assertThat(Stack.json(response).path("role").asText()).isEqualTo("USER");
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void anAdminAsksForAUserThatDoesNotExist() {
        HttpResponse<String> response = Auth.get("/api/admin/users/999999999999", Auth.adminToken());

        ProblemsIT.assertProblem(response, 404, "https://evently.dev/problems/user-not-found");
    }

    static void assertUnauthorized(HttpResponse<String> response) {
        ProblemsIT.assertProblem(response, 401, "https://evently.dev/problems/unauthorized");
        assertThat(response.headers().allValues("WWW-Authenticate")).anySatisfy(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain(email);
    }
}
