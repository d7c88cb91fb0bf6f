package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HealthIT {

    /**
     * The server's MicroProfile Health says ready. On Payara its checks are the application's: the API is served, and
     * the database it cannot answer without is there. WildFly reports the deployment's state instead (it does not
     * report the checks of a web module inside an EAR), so there the application's own are on /api/ready only.
     */
    @Test
    void theServersReadinessIsUp() {
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(URI.create(Stack.HEALTH_URL + "/ready")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Stack.json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("status")).containsOnly("UP");
        if (Stack.SERVER.equals("payara")) {
            assertThat(health.path("checks").findValuesAsText("name")).containsExactlyInAnyOrder("api", "postgresql");
        } else {
            assertThat(health.path("checks").findValuesAsText("name")).contains("deployments-status");
        }
    }

    /** The API's own readiness, for load balancers: the same checks, answered only once the API is mapped. */
    @Test
    void theApiAnswersItsOwnReadinessWithTheSameChecks() {
        HttpResponse<String> response = Stack.get("/api/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ready = Stack.json(response);
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("checks").findValuesAsText("name")).containsExactlyInAnyOrder("api", "postgresql");
        assertThat(ready.path("checks").findValuesAsText("status")).containsOnly("UP");
        assertThat(response.body()).doesNotContain("127.0.0.1", "address", "PostgreSQL");
    }

    @Test
    void strangersLearnOnlyTheStatusAdminsTheDetails() {
        String ready = Stack.get("/api/ready").body();
        assertThat(ready).doesNotContain("127.0.0.1", "address", "database", "PostgreSQL", "error");

        HttpResponse<String> details = Auth.get("/api/admin/health", Auth.adminToken());
        assertThat(details.statusCode()).isEqualTo(200);
        JsonNode parts = Stack.json(details);
        assertThat(parts.findValuesAsText("name")).containsExactly("broker", "postgresql", "redis");
        assertThat(parts.findValuesAsText("up")).containsOnly("true");
        assertThat(parts.get(0).path("details").path("address").asText()).contains(":");
        assertThat(parts.get(1).path("details").path("database").asText()).isNotEmpty();
        ProblemsIT.assertProblem(Auth.get("/api/admin/health", Auth.newUserToken()), 403,
                "https://evently.dev/problems/forbidden");
        ProblemsIT.assertProblem(Stack.get("/api/admin/health"), 401, "https://evently.dev/problems/unauthorized");
    }

    /**
     * Waits until the admins' health details show the part up (or down) as this instance sees it, and returns them:
     * what tells a test the instance has noticed a part it stopped, or its return.
     */
    static JsonNode awaitPart(String name, boolean up) throws InterruptedException {
        String admin = Tokens.admin();
        return Stack.json(Stack.await(name + (up ? " up" : " down") + " in the admins' health details",
                Duration.ofSeconds(up ? 60 : 30), () -> Auth.get("/api/admin/health", admin),
                r -> r.statusCode() == 200 && String.valueOf(up).equals(up(Stack.json(r), name)),
                r -> r.statusCode() + " " + r.body()));
    }

    static String up(JsonNode parts, String name) {
        for (JsonNode part : parts) {
            if (name.equals(part.path("name").asText())) {
                return part.path("up").asText();
            }
        }
        throw new AssertionError("no part named " + name + " in " + parts);
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(URI.create(Stack.HEALTH_URL + "/live")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("status").asText()).isEqualTo("UP");
    }
}
