package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The server's doors other than the API are shut, as an operator on its machine checks them: the Payara admin
 * listener wants the generated password and listens on loopback only, nothing else of the domain listens at all,
 * the embedded PostgreSQL wants its password, the embedded Redis is bounded without ever evicting a key, and every
 * answer carries the browser security headers and no server banner.
 */
class BackDoorsIT {

    static final int ADMIN_PORT = Integer.getInteger("evently.admin-port", 4848);

    @Test
    void thePayaraAdminListenerRefusesAnyoneWithoutThePassword() {
        URI management = URI.create("http://127.0.0.1:" + ADMIN_PORT + "/management/domain");

        HttpResponse<String> anonymous = Stack.send(HttpRequest.newBuilder(management).header("Accept", "application/json").GET());
        HttpResponse<String> guessed = Stack.send(HttpRequest.newBuilder(management).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())).GET());
        HttpResponse<String> empty = Stack.send(HttpRequest.newBuilder(management).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:".getBytes())).GET());

        assertThat(List.of(anonymous.statusCode(), guessed.statusCode(), empty.statusCode())).containsOnly(401);
    }

    @Test
    void theDomainListensOnlyOnTheApiPortAndTheAdminPortOnLoopback() throws Exception {
        int apiPort = URI.create(Stack.BASE_URL).getPort();

        Set<String> listening = Server.listening();

        System.out.println("the domain listens on " + listening);
        assertThat(listening.stream().map(a -> a.substring(a.lastIndexOf(':') + 1)).collect(Collectors.toSet()))
                .as("ports the domain listens on: " + listening)
                .containsExactlyInAnyOrder(String.valueOf(apiPort), String.valueOf(ADMIN_PORT));
        assertThat(listening).as("every listener on loopback (./evently's default EVENTLY_HTTP_ADDRESS)")
                .allMatch(address -> address.startsWith("127.") || address.startsWith("::1:"));
    }

    @Test
    void theEmbeddedPostgresqlWantsThePassword() {
        String url = System.getenv("EVENTLY_TEST_DB_URL");
        assumeTrue(url != null && url.contains(":15432/"), "PostgreSQL is an external server here");
        String user = System.getenv("EVENTLY_TEST_DB_USER");

        Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close())
                .isInstanceOf(SQLException.class);
        Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, user, "not the password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theEmbeddedRedisIsBoundedAndNeverEvicts() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")), "Redis is an external server here");
        try (RedisProbe redis = new RedisProbe()) {
            assertThat(redis.config("maxmemory-policy")).isEqualTo("noeviction");
            assertThat(Long.parseLong(redis.config("maxmemory"))).isBetween(1L, 1024L * 1024 * 1024);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoBanner() {
        List<HttpResponse<String>> answers = List.of(
                Stack.get("/api/events"),
                Stack.get("/api/events/999999999999"),
                Stack.get("/api/no-such-thing"),
                Stack.get("/api/auth/me"),
                Auth.post("/api/auth/login", null, "{not json"));

        for (HttpResponse<String> answer : answers) {
            String what = answer.request().method() + " " + answer.request().uri().getPath() + " → " + answer.statusCode();
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Server")).as(what).isEmpty();
            assertThat(answer.headers().firstValue("X-Powered-By")).as(what).isEmpty();
        }
    }
}
