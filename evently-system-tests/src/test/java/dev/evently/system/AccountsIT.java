package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registration, login and the caller's account, over HTTP as a client uses them. */
class AccountsIT {

    private static final String INVALID_REQUEST = "https://evently.dev/problems/invalid-request";
    private static final String MALFORMED_BODY = "https://evently.dev/problems/malformed-body";
    private static final String INVALID_CREDENTIALS = "https://evently.dev/problems/invalid-credentials";
    /** Stands for an explicit JSON null (a plain null means: leave the field out). */
    private static final Object NULL = new Object();

    @Test
    void registrationCreatesAUserWithTheEmailTrimmedAndLowerCased() {
        String email = Auth.uniqueEmail();

        HttpResponse<String> response = Auth.register("  " + email.toUpperCase(Locale.ROOT) + " ", Auth.PASSWORD, "Ada Lovelace");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/auth/me"));
        JsonNode user = Stack.json(response);
        assertThat(user.path("id").asLong()).isPositive();
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.path("role").asText()).isEqualTo("USER");
        assertThat(response.body()).doesNotContainIgnoringCase("password").doesNotContain("pbkdf2");
    }

    @Test
    void loginGivesABearerTokenThatIdentifiesTheCaller() {
        String email = Auth.newUser();

        HttpResponse<String> login = Auth.attemptLogin(email, Auth.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode token = Stack.json(login);
        assertThat(token.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(token.path("expiresIn").asLong()).isBetween(60L, 86_400L);
        assertThat(token.path("accessToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        HttpResponse<String> me = Auth.get("/api/auth/me", token.path("accessToken").asText());
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = Stack.json(me);
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("name").asText()).isEqualTo("Test User");
        assertThat(user.path("role").asText()).isEqualTo("USER");
        assertThat(user.path("id").asLong()).isPositive();
    }

    @Test
    void theEmailIsCaseInsensitiveAtLogin() {
        String email = Auth.newUser();

        assertThat(Auth.attemptLogin(" " + email.toUpperCase(Locale.ROOT), Auth.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theFirstAdminIsAnAdmin() {
        HttpResponse<String> me = Auth.get("/api/auth/me", Auth.adminToken());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Stack.json(me).path("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aSecondAccountForTheSameEmailIsAConflictWhateverTheCase() {
        String email = Auth.newUser();

        for (String again : List.of(email, email.toUpperCase(Locale.ROOT), " " + email + "\t")) {
            HttpResponse<String> response = Auth.register(again, "another password entirely", "Someone Else");
            ProblemsIT.assertProblem(response, 409, "https://evently.dev/problems/email-taken");
        }
        // the first account is untouched: its password still works, the intruder's does not
        assertThat(Auth.attemptLogin(email, Auth.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Auth.attemptLogin(email, "another password entirely").statusCode()).isEqualTo(401);
    }

    @Test
    void ofSimultaneousRegistrationsForOneEmailExactlyOneWins() throws Exception {
        String email = Auth.uniqueEmail();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String spelling = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
                attempts.add(pool.submit(() -> Auth.register(spelling, Auth.PASSWORD, "Racer")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> attempt : attempts) {
                HttpResponse<String> response = attempt.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    ProblemsIT.assertProblem(response, 409, "https://evently.dev/problems/email-taken");
                }
            }
            // the unique index decides the race the existence check cannot: never a 500, never two accounts
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void valuesRightAtTheLimitsAreAccepted() {
        String local = UUID.randomUUID().toString().replace("-", "") + "x".repeat(32);     // 64
        String email = local + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(61); // 254

        assertThat(email).hasSize(254);
        assertThat(Auth.register(email, "p".repeat(128), "n".repeat(200)).statusCode()).isEqualTo(201);
        assertThat(Auth.register(Auth.uniqueEmail(), "twelve chars", "N").statusCode()).isEqualTo(201);
    }

    static Stream<Arguments> badRegistrations() {
        String tooLongEmail = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
        return Stream.of(
                bad("email", "missing", null),
                bad("email", "null", NULL),
                bad("email", "a number", 123),
                bad("email", "a boolean", true),
                bad("email", "an object", Map.of("address", "x@example.org")),
                bad("email", "an array", List.of("x@example.org")),
                bad("email", "empty", ""),
                bad("email", "blank", "   "),
                bad("email", "without @", "not-an-email"),
                bad("email", "with two @", "a@b@example.org"),
                bad("email", "255 characters", tooLongEmail),
                bad("password", "missing", null),
                bad("password", "null", NULL),
                bad("password", "a number", 123456789012345L),
                bad("password", "a boolean", false),
                bad("password", "an array", List.of("correct horse battery staple")),
                bad("password", "empty", ""),
                bad("password", "11 characters", "eleven char"),
                bad("password", "129 characters", "p".repeat(129)),
                bad("name", "missing", null),
                bad("name", "null", NULL),
                bad("name", "a number", 42),
                bad("name", "an object", Map.of()),
                bad("name", "empty", ""),
                bad("name", "blank", " \t "),
                bad("name", "201 characters", "n".repeat(201)),
                bad("role", "an extra field", "ADMIN"));
    }

    private static Arguments bad(String field, String what, Object value) {
        return Arguments.of(field, what, value);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRegistrations")
    void aBadFieldIsA400NamingItAndCreatesNothing(String field, String what, Object value) {
        String email = Auth.uniqueEmail();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", Auth.PASSWORD, "name", "Test User"));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value == NULL ? null : value);
        }

        HttpResponse<String> response = Auth.post("/api/auth/register", null, body);

        ProblemsIT.assertProblem(response, 400, INVALID_REQUEST);
        assertThat(Stack.json(response).path("violations").findValuesAsText("field")).contains(field);
        assertNothingCreated(email);
    }

    @Test
    void aNumberIsNotTakenForAPassword() {
        // JSON-B alone would store "123456789012345" as the password
        String email = Auth.uniqueEmail();

        HttpResponse<String> response = Auth.post("/api/auth/register", null,
                Map.of("email", email, "password", 123456789012345L, "name", "Test User"));

        ProblemsIT.assertProblem(response, 400, INVALID_REQUEST);
        assertThat(Auth.attemptLogin(email, "123456789012345").statusCode()).isEqualTo(401);
    }

    @Test
    void severalBadFieldsAreAllNamed() {
        HttpResponse<String> response = Auth.register("nope", "short", "");

        ProblemsIT.assertProblem(response, 400, INVALID_REQUEST);
        assertThat(Stack.json(response).path("violations").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "password", "name");
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("cut off", "{\"email\": \"x@example.org\", \"password\": "),
                Arguments.of("not JSON", "email=x@example.org&password=secret"),
                Arguments.of("an array", "[]"),
                Arguments.of("a string", "\"x@example.org\""),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyIsAMalformedBodyProblem(String what, String body) {
        HttpResponse<String> register = Auth.send("POST", "/api/auth/register", null, body);
        HttpResponse<String> login = Auth.send("POST", "/api/auth/login", null, body);

        ProblemsIT.assertProblem(register, 400, MALFORMED_BODY);
        ProblemsIT.assertProblem(login, 400, MALFORMED_BODY);
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsRefused() {
        String email = Auth.uniqueEmail();
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/auth/register"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + Auth.PASSWORD + "\",\"name\":\"T\"}")));

        ProblemsIT.assertProblem(response, 415, "https://evently.dev/problems/unsupported-media-type");
        assertNothingCreated(email);
    }

    static Stream<Arguments> badLogins() {
        return Stream.of(
                Arguments.of("email", Map.of("password", Auth.PASSWORD)),
                Arguments.of("password", Map.of("email", "x@example.org")),
                Arguments.of("email", Map.of("email", 42, "password", Auth.PASSWORD)),
                Arguments.of("password", Map.of("email", "x@example.org", "password", List.of())),
                Arguments.of("email", Map.of("email", "e".repeat(255), "password", Auth.PASSWORD)),
                Arguments.of("password", Map.of("email", "x@example.org", "password", "p".repeat(129))),
                Arguments.of("remember", Map.of("email", "x@example.org", "password", Auth.PASSWORD, "remember", true)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("badLogins")
    void aBadLoginRequestIsA400NamingTheField(String field, Map<String, Object> body) {
        HttpResponse<String> response = Auth.post("/api/auth/login", null, body);

        ProblemsIT.assertProblem(response, 400, INVALID_REQUEST);
        assertThat(Stack.json(response).path("violations").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswerAfterTheSameWork() {
        String email = Auth.signedUp();  // hashed as every account is: its check takes the time a decoy's must
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        List<HttpResponse<String>> answers = new ArrayList<>();

        // few attempts: every failure counts against 127.0.0.1's budget, which the whole suite shares
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            answers.add(Auth.attemptLogin(email, "not the password " + i));
            wrongPassword.add(System.nanoTime() - start);
            start = System.nanoTime();
            answers.add(Auth.attemptLogin(Auth.uniqueEmail(), Auth.PASSWORD));
            unknownEmail.add(System.nanoTime() - start);
        }

        for (HttpResponse<String> answer : answers) {
            ProblemsIT.assertProblem(answer, 401, INVALID_CREDENTIALS);
            assertThat(answer.body()).isEqualTo(answers.get(0).body());
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        // the password hash dominates both (about 0.2 s); without the decoy an unknown email answers in
        // a few milliseconds. A loose bound on the fastest of each: the machine is busy, the samples few.
        assertThat(Collections.min(unknownEmail)).isGreaterThan(Collections.min(wrongPassword) / 3);
    }

    private static void assertNothingCreated(String email) {
        // had the refused request created the account, this would be a 409
        assertThat(Auth.register(email, Auth.PASSWORD, "Test User").statusCode()).isEqualTo(201);
    }
}
