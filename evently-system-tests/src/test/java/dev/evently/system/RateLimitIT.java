package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Failed logins are rate limited per account and per client address (defaults: 5 and 30 a minute); a
 * refused attempt is a 429 problem with Retry-After. Successful logins do not count. Each test uses
 * fresh accounts, so none waits for a window to pass and none disturbs another. Failures from 127.0.0.1
 * are kept few: the whole suite logs in from there (18 failures in all, against a budget of 30).
 */
class RateLimitIT {

    private static final String TOO_MANY = "https://evently.dev/problems/too-many-requests";
    private static final int PER_ACCOUNT = 5;

    @Test
    void theSixthFailedLoginForAnAccountWithinAMinuteIsRefused() {
        String email = Auth.newUser();

        for (int i = 1; i <= PER_ACCOUNT; i++) {
            assertThat(Auth.attemptLogin(email, "wrong password " + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> refused = Auth.attemptLogin(email, "wrong password again");

        ProblemsIT.assertProblem(refused, 429, TOO_MANY);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        // while the account is throttled not even the right password gets in: guessing has to stop
        ProblemsIT.assertProblem(Auth.attemptLogin(email, Auth.PASSWORD), 429, TOO_MANY);
        // the limit is the account's: another account from the same address logs in
        assertThat(Auth.attemptLogin(Auth.newUser(), Auth.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void successfulLoginsDoNotCount() {
        String email = Auth.newUser();

        for (int i = 1; i <= PER_ACCOUNT * 2; i++) {
            assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).as("login %d", i).isEqualTo(200);
        }
        // had they counted, the first of these would be refused already
        for (int i = 1; i <= PER_ACCOUNT; i++) {
            assertThat(Auth.attemptLogin(email, "wrong password " + i).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
    }

    /**
     * Every other test logs in from 127.0.0.1; exhausting that address would fail them for a minute. This
     * one comes from the IPv6 loopback, a different client address to the server, and spoofs
     * X-Forwarded-For on every attempt, which must not help: no proxy is trusted by default.
     */
    @Test
    void manyFailedLoginsFromOneAddressAreRefusedWhicheverAccountTheyName() throws Exception {
        URI loopback6 = URI.create(Stack.BASE_URL.replace("127.0.0.1", "[::1]").replace("localhost", "[::1]"));
        assumeTrue(loopback6.getHost().equals("[::1]"), "the stack is not on this machine's loopback");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assumeTrue(reachable(client, loopback6), "the server does not listen on ::1");

        HttpResponse<String> refused = null;
        int failures = 0;
        while (refused == null && failures <= 100) {
            HttpResponse<String> response = loginFrom(client, loopback6, Auth.uniqueEmail());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                failures++;
            }
        }

        assertThat(refused).as("no 429 after %d failed logins from ::1", failures).isNotNull();
        ProblemsIT.assertProblem(refused, 429, TOO_MANY);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // the default is 30; fewer means an earlier run of this test still holds some of ::1's budget
        assertThat(failures).isLessThanOrEqualTo(30);
        // the address is throttled, not the platform: from 127.0.0.1 logins go on
        assertThat(Auth.attemptLogin(Auth.newUser(), Auth.PASSWORD).statusCode()).isEqualTo(200);
    }

    /** Redis only coordinates: without it the limits are off (fail open) and logins go on. */
    @Test
    void withRedisDownLoginsStillWork() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        String email = Auth.newUser();
        try {
            Stack.evently("redis", "stop");

            assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).isEqualTo(200);
            for (int i = 1; i <= PER_ACCOUNT + 1; i++) {
                assertThat(Auth.attemptLogin(email, "wrong password " + i).statusCode()).as("attempt %d", i).isEqualTo(401);
            }
            assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).isEqualTo(200);
        } finally {
            Stack.evently("redis", "start");
        }
        Stack.pollGet("/health/ready", Duration.ofSeconds(60), r -> r.statusCode() == 200);
    }

    private static HttpResponse<String> loginFrom(HttpClient client, URI base, String email)
            throws IOException, InterruptedException {
        String spoofed = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", spoofed)
                .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(
                        Map.of("email", email, "password", "wrong password"))))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean reachable(HttpClient client, URI base) throws InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(base.resolve("/health/live")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
