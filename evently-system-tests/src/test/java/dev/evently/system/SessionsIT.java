package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Sessions end when they should: access tokens live 15 minutes and are renewed with a one-use refresh token; a
 * refresh token used twice ends its whole session; logging out, a new password or a new role revoke every token
 * concerned, on every instance within a second, and the refresh tokens with them.
 */
class SessionsIT {

    private static final String INVALID_REFRESH = "https://evently.dev/problems/invalid-refresh-token";

    @Test
    void aLoginGivesAQuarterHourTokenAndARefreshTokenThatWorksOnce() {
        JsonNode login = login(Auth.newUser(), Auth.PASSWORD);
        assertThat(login.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.path("refreshExpiresIn").asLong()).isGreaterThan(900);
        String refresh = login.path("refreshToken").asText();

        HttpResponse<String> renewed = refresh(refresh);

        assertThat(renewed.statusCode()).isEqualTo(200);
        JsonNode next = Stack.json(renewed);
        assertThat(next.path("refreshToken").asText()).isNotEqualTo(refresh);
        assertThat(me(next.path("accessToken").asText())).isEqualTo(200);
        assertThat(Database.count("select count(*) from refresh_tokens where token_hash = ?", refresh)).isZero();
        assertThat(Database.count("select count(*) from refresh_tokens where token_hash = ? and used_at is not null",
                sha256Hex(refresh))).as("kept as its SHA-256 only, used up").isEqualTo(1);
    }

    @Test
    void aRefreshTokenPresentedAgainEndsTheWholeSession() {
        JsonNode login = login(Auth.newUser(), Auth.PASSWORD);
        String first = login.path("refreshToken").asText();
        JsonNode owner = Stack.json(refresh(first));

        // a thief replays the used token: the session ends, for the thief and the owner alike
        ProblemsIT.assertProblem(refresh(first), 401, INVALID_REFRESH);

        ProblemsIT.assertProblem(refresh(owner.path("refreshToken").asText()), 401, INVALID_REFRESH);
        awaitRefused(Stack.BASE_URL, owner.path("accessToken").asText());
        awaitRefused(Stack.BASE_URL, login.path("accessToken").asText());
    }

    @Test
    void aLoggedOutTokenIsRefusedOnEveryInstanceWithinASecond() {
        String email = Auth.newUser();
        JsonNode session = login(email, Auth.PASSWORD);
        JsonNode other = login(email, Auth.PASSWORD);
        String token = session.path("accessToken").asText();
        assertThat(me(token)).isEqualTo(200);

        HttpResponse<String> out = Auth.post("/api/auth/logout", token,
                Map.of("refreshToken", session.path("refreshToken").asText()));

        assertThat(out.statusCode()).isEqualTo(204);
        awaitRefused(Stack.BASE_URL, token);
        if (!Stack.SECOND_BASE_URL.isEmpty()) {
            awaitRefused(Stack.SECOND_BASE_URL, token);
        }
        ProblemsIT.assertProblem(refresh(session.path("refreshToken").asText()), 401, INVALID_REFRESH);
        // the same account's other session goes on
        assertThat(me(other.path("accessToken").asText())).isEqualTo(200);
        assertThat(refresh(other.path("refreshToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEverySessionOfTheAccount() {
        String email = Auth.newUser();
        JsonNode laptop = login(email, Auth.PASSWORD);
        JsonNode phone = login(email, Auth.PASSWORD);
        String newPassword = "a brand new passphrase";

        HttpResponse<String> changed = Auth.put("/api/auth/password", laptop.path("accessToken").asText(),
                Map.of("currentPassword", Auth.PASSWORD, "newPassword", newPassword));

        assertThat(changed.statusCode()).isEqualTo(204);
        awaitRefused(Stack.BASE_URL, laptop.path("accessToken").asText());
        awaitRefused(Stack.BASE_URL, phone.path("accessToken").asText());
        ProblemsIT.assertProblem(refresh(phone.path("refreshToken").asText()), 401, INVALID_REFRESH);
        assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).isEqualTo(401);
        // a login right after the change is a new session and works at once
        assertThat(me(login(email, newPassword).path("accessToken").asText())).isEqualTo(200);
    }

    @Test
    void theWrongCurrentPasswordChangesNothing() {
        String email = Auth.newUser();
        String token = Auth.login(email, Auth.PASSWORD);

        HttpResponse<String> refused = Auth.put("/api/auth/password", token,
                Map.of("currentPassword", "not my password", "newPassword", "a brand new passphrase"));

        ProblemsIT.assertProblem(refused, 401, "https://evently.dev/problems/invalid-credentials");
        assertThat(me(token)).isEqualTo(200);
        assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewRoleEndsTheUsersSessionsAndCountsFromTheNextLogin() {
        String email = Auth.newUser();
        JsonNode session = login(email, Auth.PASSWORD);
        long userId = Stack.json(Auth.get("/api/auth/me", session.path("accessToken").asText())).path("id").asLong();

        HttpResponse<String> assigned = Auth.put("/api/admin/users/" + userId + "/role", Auth.adminToken(),
                Map.of("role", "BOX_OFFICE"));

        assertThat(assigned.statusCode()).isEqualTo(200);
        awaitRefused(Stack.BASE_URL, session.path("accessToken").asText());
        ProblemsIT.assertProblem(refresh(session.path("refreshToken").asText()), 401, INVALID_REFRESH);
        JsonNode me = Stack.json(Auth.get("/api/auth/me", Auth.login(email, Auth.PASSWORD)));
        assertThat(me.path("role").asText()).isEqualTo("BOX_OFFICE");
    }

    static JsonNode login(String email, String password) {
        HttpResponse<String> response = Auth.attemptLogin(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response);
    }

    static HttpResponse<String> refresh(String refreshToken) {
        return Auth.post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int me(String token) {
        return Auth.get("/api/auth/me", token).statusCode();
    }

    /** Revocations reach every instance within a second: polled with that deadline. */
    private static void awaitRefused(String baseUrl, String token) {
        try {
            Stack.await("the revoked token refused at " + baseUrl, Duration.ofSeconds(1),
                    () -> Stack.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/me"))
                            .header("Authorization", "Bearer " + token).GET()).statusCode(),
                    status -> status == 401);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
