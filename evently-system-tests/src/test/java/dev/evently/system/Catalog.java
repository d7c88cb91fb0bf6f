package dev.evently.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Events as an admin makes them in tests: unique names, starting a month from now. */
final class Catalog {

    static final Instant START = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private Catalog() {
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    static Map<String, Object> section(String name, int rows, int seatsPerRow, long priceCents) {
        return Map.of("name", name, "rows", rows, "seatsPerRow", seatsPerRow, "priceCents", priceCents);
    }

    static Map<String, Object> newEvent(String name, String venue, Instant start, List<Map<String, Object>> sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "A test event");
        body.put("venue", venue);
        body.put("startTime", start.toString());
        body.put("endTime", start.plus(Duration.ofHours(3)).toString());
        body.put("layout", Map.of("sections", sections));
        return body;
    }

    static JsonNode create(String adminToken, Map<String, Object> body) {
        HttpResponse<String> response = Auth.post("/api/admin/events", adminToken, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return Stack.json(response);
    }

    /** A published event with a small two-section map: 2×3 Floor at 45.00 and 1×2 Balcony at 20.00. */
    static JsonNode published(String adminToken, String name) {
        JsonNode event = create(adminToken, newEvent(name, "Harbour Hall", START,
                List.of(section("Floor", 2, 3, 4500), section("Balcony", 1, 2, 2000))));
        return publish(adminToken, event.path("id").asLong());
    }

    static JsonNode publish(String adminToken, long id) {
        HttpResponse<String> response = Auth.post("/api/admin/events/" + id + "/publish", adminToken, Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("publish failed: " + response.statusCode() + " " + response.body());
        }
        return Stack.json(response);
    }

    /** A published event of one row of {@code seats} seats at 30.00 each; returns its id. */
    static long smallPublished(String adminToken, String name, int seats) {
        JsonNode event = create(adminToken, newEvent(name, "Small Room", START, List.of(section("Row", 1, seats, 3000))));
        return publish(adminToken, event.path("id").asLong()).path("id").asLong();
    }

    /** The event's seat ids in seat-map order. */
    static List<Long> seatIds(long eventId) {
        List<Long> ids = new ArrayList<>();
        Stack.json(Stack.get("/api/events/" + eventId + "/seats")).path("seats").forEach(s -> ids.add(s.path("id").asLong()));
        return ids;
    }

    /** A published event of 2×3 Floor at 45.00 and 1×2 Balcony at 20.00, and its seat ids in order. */
    record Venue(long eventId, List<Long> seats) {
    }

    static Venue venue(String adminToken, String namePrefix) {
        long id = published(adminToken, uniqueName(namePrefix)).path("id").asLong();
        return new Venue(id, seatIds(id));
    }
}
