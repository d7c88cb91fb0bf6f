package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void readinessNamesEveryPartAndAllAreUp() {
        HttpResponse<String> response = Stack.get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Stack.json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("name"))
                .containsExactlyInAnyOrder("postgresql", "redis", "broker");
        assertThat(health.path("checks").findValuesAsText("status")).containsOnly("UP");
    }

    @Test
    void strangersLearnOnlyTheStatusAdminsTheDetails() {
        String ready = Stack.get("/health/ready").body();
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

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Stack.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("status").asText()).isEqualTo("UP");
    }
}
