package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Logins and registrations under attack, with the default limits: failed logins count per (account, address) (5 a
 * minute), per address (100 a minute) and per account from anywhere (50 in 15 minutes); correct logins never
 * count; registrations count per address (20 an hour). A refusal is a 429 problem with Retry-After. The test stack
 * trusts 127.0.0.1 as a proxy, so each test speaks from addresses of its own (X-Forwarded-For) and no test
 * disturbs another, nor waits for a window to pass. The test that stops Redis runs last: counts an instance
 * keeps alone while it reconnects would split the others' exact figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    private static final String TOO_MANY = "https://evently.dev/problems/too-many-requests";

    @Test
    void thirtyFailedLoginsFromOneAddressDoNotLockTheAccountOutForAnother() {
        String email = Auth.newUser();
        String attacker = Stack.randomAddress();

        List<Integer> answers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            answers.add(login(email, "wrong password " + i, attacker).statusCode());
        }

        assertThat(answers.subList(0, 5)).as("the first five are checked").containsOnly(401);
        assertThat(answers.subList(5, 30)).as("then the pair is refused").containsOnly(429);
        HttpResponse<String> refused = login(email, Auth.PASSWORD, attacker);
        ProblemsIT.assertProblem(refused, 429, TOO_MANY);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        // the owner, elsewhere, is not locked out by a stranger's guesses
        assertThat(login(email, Auth.PASSWORD, Stack.randomAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void aHundredPeopleLoggingInCorrectlyFromOneAddressWithinAMinuteAllGetIn() {
        List<String> people = Tokens.withPassword(100);
        String office = Stack.randomAddress();

        List<Integer> refused = new ArrayList<>();
        for (String email : people) {
            int status = login(email, Auth.PASSWORD, office).statusCode();
            if (status != 200) {
                refused.add(status);
            }
        }

        assertThat(refused).as("logins refused from one office address").isEmpty();
    }

    @Test
    void manyFailedLoginsFromOneAddressAreRefusedWhicheverAccountTheyName() {
        String stuffer = Stack.randomAddress();
        Iterator<String> accounts = Tokens.withPassword(76).iterator();

        int failures = 0;
        HttpResponse<String> refused = null;
        while (refused == null && failures <= 150) {
            // accounts that exist and addresses that have none, in turn: both count
            String email = failures % 2 == 0 && accounts.hasNext() ? accounts.next() : Auth.uniqueEmail();
            HttpResponse<String> response = login(email, "password123", stuffer);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                failures++;
            }
        }

        assertThat(failures).as("failed logins before the address was refused").isEqualTo(100);
        ProblemsIT.assertProblem(refused, 429, TOO_MANY);
        // the address is refused, not the platform
        assertThat(login(Auth.newUser(), Auth.PASSWORD, Stack.randomAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void guessesSpreadOverManyAddressesSlowTheAccountDownUntilTheAttackStops() {
        String email = Auth.newUser();

        for (int i = 1; i <= 50; i++) {
            assertThat(login(email, "guess " + i, Stack.randomAddress()).statusCode()).as("guess %d", i).isEqualTo(401);
        }

        ProblemsIT.assertProblem(login(email, "guess 51", Stack.randomAddress()), 429, TOO_MANY);
        // under attack, even the right password waits: the guesser cannot tell a right guess from a wrong one
        HttpResponse<String> owner = login(email, Auth.PASSWORD, Stack.randomAddress());
        ProblemsIT.assertProblem(owner, 429, TOO_MANY);
        assertThat(Long.parseLong(owner.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    }

    @Test
    void theTwentyFirstRegistrationFromOneAddressWithinAnHourIsRefusedAndMakesNoAccount() {
        String address = Stack.randomAddress();
        for (int i = 1; i <= 20; i++) {
            assertThat(register(Auth.uniqueEmail(), address).statusCode()).as("registration %d", i).isEqualTo(201);
        }
        String email = Auth.uniqueEmail();

        HttpResponse<String> refused = register(email, address);

        ProblemsIT.assertProblem(refused, 429, TOO_MANY);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Database.count("select count(*) from users where email = ?", email)).isZero();
        assertThat(register(Auth.uniqueEmail(), Stack.randomAddress()).statusCode()).isEqualTo(201);
    }

    /** Without Redis each instance counts on its own: the limits degrade, they do not switch off. */
    @Test
    @Order(Integer.MAX_VALUE)
    void withRedisDownEachInstanceStillLimitsFailedLogins() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        String email = Auth.newUser();
        String attacker = Stack.randomAddress();
        try {
            Stack.evently("redis", "stop");

            for (int i = 1; i <= 5; i++) {
                assertThat(login(email, "wrong password " + i, attacker).statusCode()).as("attempt %d", i).isEqualTo(401);
            }
            ProblemsIT.assertProblem(login(email, "wrong password 6", attacker), 429, TOO_MANY);
            assertThat(login(email, Auth.PASSWORD, Stack.randomAddress()).statusCode()).isEqualTo(200);
        } finally {
            Stack.evently("redis", "start");
        }
        HealthIT.awaitPart("redis", true);
    }

    static HttpResponse<String> login(String email, String password, String address) {
        return Stack.send(Stack.from(json("/api/auth/login", Map.of("email", email, "password", password)), address));
    }

    private static HttpResponse<String> register(String email, String address) {
        return Stack.send(Stack.from(json("/api/auth/register",
                Map.of("email", email, "password", Auth.PASSWORD, "name", "Registered")), address));
    }

    private static HttpRequest.Builder json(String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
