package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Without Redis the platform is slower, not wrong: readiness stays UP (taking every instance out of rotation
 * because the cache is away would turn a slow night into an outage), the API goes on selling, and the admins'
 * health details name Redis as the part that is down until it returns.
 */
class RedisOutageIT {

    @Test
    void aStoppedRedisLeavesTheInstanceReadyAndShowsInTheAdminsHealthDetails() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        String admin = Auth.adminToken();
        try {
            Stack.evently("redis", "stop");

            JsonNode parts = HealthIT.awaitPart("redis", false);
            assertThat(HealthIT.up(parts, "postgresql")).isEqualTo("true");
            assertThat(HealthIT.up(parts, "broker")).isEqualTo("true");
            assertThat(Stack.get("/api/ready").statusCode()).as("readiness without Redis").isEqualTo(200);
            long eventId = Catalog.smallPublished(admin, Catalog.uniqueName("Without Redis"), 2);
            assertThat(Auth.post("/api/bookings", Auth.newUserToken(),
                    java.util.Map.of("eventId", eventId, "seatIds", Catalog.seatIds(eventId))).statusCode())
                    .as("a hold without Redis").isEqualTo(201);
        } finally {
            Stack.evently("redis", "start");
        }
        HealthIT.awaitPart("redis", true);
    }
}
