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
    void livenessIsUp() {
        HttpResponse<String> response = Stack.get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("status").asText()).isEqualTo("UP");
    }
}
