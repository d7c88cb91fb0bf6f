package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cached reads show an admin's change at once, a booking at once in the event's details and seat map and
 * within the availability lag in the list, and every read answers correctly without Redis.
 */
class CatalogCacheIT {

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.adminToken();
    }

    @Test
    void anAdminChangeIsVisibleRightAfterItsCommit() {
        String name = Catalog.uniqueName("Cached");
        JsonNode event = Catalog.published(admin, name);
        long id = event.path("id").asLong();
        // warm every cache entry of the event
        assertThat(Stack.json(Stack.get("/api/events/" + id)).path("name").asText()).isEqualTo(name);
        assertThat(Stack.json(Stack.get("/api/events?q=" + EventsIT.encode(name))).path("total").asLong()).isEqualTo(1);
        assertThat(Stack.json(Stack.get("/api/events/" + id + "/seats")).path("seats")).hasSize(8);

        Map<String, Object> change = AdminEventsIT.changeOf(event, name + " (moved)", event.path("version").asLong());
        change.put("venue", "Other Hall");
        change.put("layout", Map.of("sections", List.of(Catalog.section("Floor", 1, 3, 999))));
        assertThat(Auth.put("/api/admin/events/" + id, admin, change).statusCode()).isEqualTo(200);

        JsonNode details = Stack.json(Stack.get("/api/events/" + id));
        assertThat(details.path("name").asText()).isEqualTo(name + " (moved)");
        assertThat(details.path("venue").asText()).isEqualTo("Other Hall");
        JsonNode listed = Stack.json(Stack.get("/api/events?q=" + EventsIT.encode(name))).path("items").get(0);
        assertThat(listed.path("venue").asText()).isEqualTo("Other Hall");
        assertThat(listed.path("minPriceCents").asLong()).isEqualTo(999);
        assertThat(Stack.json(Stack.get("/api/events/" + id + "/seats")).path("seats")).hasSize(3);
    }

    @Test
    void aBookingShowsAtOnceInTheEventAndWithinTheLagInTheList() throws Exception {
        String name = Catalog.uniqueName("Lagging list");
        long id = Catalog.published(admin, name).path("id").asLong();
        String list = "/api/events?q=" + EventsIT.encode(name);
        // warm the list entry so that only its lag can make it right
        assertThat(Stack.json(Stack.get(list)).path("items").get(0).path("availableSeats").asInt()).isEqualTo(8);

        HttpResponse<String> held = BookingsIT.hold(Auth.newUserToken(), id, Catalog.seatIds(id).subList(0, 2));

        assertThat(held.statusCode()).isEqualTo(201);
        assertThat(Stack.json(Stack.get("/api/events/" + id)).path("availableSeats").asInt()).isEqualTo(6);
        assertThat(Stack.json(Stack.get("/api/events/" + id + "/seats")).path("counts").path("held").asInt())
                .isEqualTo(2);
        Stack.pollGet(list, Duration.ofSeconds(10),
                r -> Stack.json(r).path("items").get(0).path("availableSeats").asInt() == 6);
    }

    @Test
    void withRedisStoppedEveryReadStillAnswersCorrectly() throws Exception {
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "Redis is an external server here: the test stops only the embedded one");
        String name = Catalog.uniqueName("No cache");
        JsonNode event = Catalog.published(admin, name);
        long id = event.path("id").asLong();
        try {
            Stack.evently("redis", "stop");
            HealthIT.awaitPart("redis", false);

            assertThat(Stack.json(Stack.get("/api/events?q=" + EventsIT.encode(name))).path("total").asLong())
                    .isEqualTo(1);
            assertThat(Stack.json(Stack.get("/api/events/" + id)).path("availableSeats").asInt()).isEqualTo(8);
            assertThat(Stack.json(Stack.get("/api/events/" + id + "/seats")).path("counts").path("total").asInt())
                    .isEqualTo(8);

            Map<String, Object> change = AdminEventsIT.changeOf(event, name + " (offline edit)",
                    event.path("version").asLong());
            assertThat(Auth.put("/api/admin/events/" + id, admin, change).statusCode()).isEqualTo(200);
            assertThat(Stack.json(Stack.get("/api/events/" + id)).path("name").asText())
                    .isEqualTo(name + " (offline edit)");
        } finally {
            Stack.evently("redis", "start");
        }
        HealthIT.awaitPart("redis", true);
        assertThat(Stack.json(Stack.get("/api/events/" + id)).path("name").asText()).isEqualTo(name + " (offline edit)");
    }
}
