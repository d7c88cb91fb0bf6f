package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Readiness tells an operator that Redis, and only Redis, is down — and recovers when it returns. */
class RedisOutageIT {

    @Test
    void readinessReportsAStoppedRedisByNameAndRecovers() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        try {
            Stack.evently("redis", "stop");

            var down = Stack.pollGet("/health/ready", Duration.ofSeconds(30), r -> r.statusCode() == 503);
            JsonNode health = Stack.json(down);
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(status(health, "redis")).isEqualTo("DOWN");
            assertThat(status(health, "postgresql")).isEqualTo("UP");
            assertThat(status(health, "broker")).isEqualTo("UP");
        } finally {
            Stack.evently("redis", "start");
        }
        var up = Stack.pollGet("/health/ready", Duration.ofSeconds(60), r -> r.statusCode() == 200);
        assertThat(status(Stack.json(up), "redis")).isEqualTo("UP");
    }

    private static String status(JsonNode health, String check) {
        for (JsonNode node : health.path("checks")) {
            if (check.equals(node.path("name").asText())) {
                return node.path("status").asText();
            }
        }
        throw new AssertionError("no check named " + check + " in " + health);
    }
}
