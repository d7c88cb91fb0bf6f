package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Event management: only admins, every input checked, versions respected, nothing sold ever deleted. */
class AdminEventsIT {

    static String admin;
    static String user;

    @BeforeAll
    static void tokens() {
        admin = Tokens.admin();
        user = Tokens.newUser();
    }

    @Test
    void onlyAdminsManageEvents() {
        long id = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Roles"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100)))).path("id").asLong();
        Map<String, Object> body = Catalog.newEvent(Catalog.uniqueName("Roles"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100)));
        Map<String, Object> change = new HashMap<>(body);
        change.remove("layout");
        change.put("version", 1);

        for (String token : new String[] {null, user}) {
            int expected = token == null ? 401 : 403;
            String type = token == null ? "unauthorized" : "forbidden";
            ProblemsIT.assertProblem(Auth.post("/api/admin/events", token, body), expected, problem(type));
            ProblemsIT.assertProblem(Auth.get("/api/admin/events/" + id, token), expected, problem(type));
            ProblemsIT.assertProblem(Auth.put("/api/admin/events/" + id, token, change), expected, problem(type));
            ProblemsIT.assertProblem(Auth.post("/api/admin/events/" + id + "/publish", token, Map.of()), expected,
                    problem(type));
            ProblemsIT.assertProblem(Auth.delete("/api/admin/events/" + id, token), expected, problem(type));
        }
        assertThat(Database.count("select count(*) from events where name = ?", body.get("name"))).isZero();
        JsonNode unchanged = Stack.json(Auth.get("/api/admin/events/" + id, admin));
        assertThat(unchanged.path("status").asText()).isEqualTo("DRAFT");
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void createGeneratesTheSeatMapAsADraft() {
        String name = Catalog.uniqueName("Create");
        HttpResponse<String> response = Auth.post("/api/admin/events", admin, Catalog.newEvent(name, "Dome",
                Catalog.START, List.of(Catalog.section("Stalls", 28, 10, 3000), Catalog.section("Box", 1, 4, 9000))));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode event = Stack.json(response);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/admin/events/" + event.path("id").asLong()));
        assertThat(event.path("status").asText()).isEqualTo("DRAFT");
        assertThat(event.path("totalCapacity").asInt()).isEqualTo(284);
        assertThat(event.path("version").asLong()).isEqualTo(1);
        assertThat(Database.count("select count(*) from seats where event_id = ? and row_label = 'AB'",
                event.path("id").asLong())).isEqualTo(10);
    }

    static Stream<Arguments> invalidEvents() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("name missing", edit(b -> b.remove("name")), "name"));
        cases.add(Arguments.of("name blank", edit(b -> b.put("name", " ")), "name"));
        cases.add(Arguments.of("name too long", edit(b -> b.put("name", "n".repeat(201))), "name"));
        cases.add(Arguments.of("description too long", edit(b -> b.put("description", "d".repeat(5001))), "description"));
        cases.add(Arguments.of("venue missing", edit(b -> b.remove("venue")), "venue"));
        cases.add(Arguments.of("startTime missing", edit(b -> b.remove("startTime")), "startTime"));
        cases.add(Arguments.of("startTime in the past", edit(b -> b.put("startTime", "2020-01-01T00:00:00Z")), "startTime"));
        cases.add(Arguments.of("endTime before start", edit(b -> b.put("endTime", Catalog.START.minusSeconds(60).toString())),
                "endTime"));
        cases.add(Arguments.of("layout missing", edit(b -> b.remove("layout")), "layout"));
        cases.add(Arguments.of("no sections", edit(b -> b.put("layout", Map.of("sections", List.of()))), "layout.sections"));
        cases.add(Arguments.of("negative price", edit(b -> b.put("layout", Map.of("sections",
                List.of(Map.of("name", "Floor", "rows", 1, "seatsPerRow", 1, "priceCents", -1))))), "layout.sections[0].priceCents"));
        cases.add(Arguments.of("zero rows", edit(b -> b.put("layout", Map.of("sections",
                List.of(Map.of("name", "Floor", "rows", 0, "seatsPerRow", 1, "priceCents", 1))))), "layout.sections[0].rows"));
        cases.add(Arguments.of("seats per row too many", edit(b -> b.put("layout", Map.of("sections",
                List.of(Map.of("name", "Floor", "rows", 1, "seatsPerRow", 501, "priceCents", 1))))),
                "layout.sections[0].seatsPerRow"));
        cases.add(Arguments.of("section name missing", edit(b -> b.put("layout", Map.of("sections",
                List.of(Map.of("rows", 1, "seatsPerRow", 1, "priceCents", 1))))), "layout.sections[0].name"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidEventsAreRefusedNamingTheFieldAndCreateNothing(String what, Map<String, Object> body, String field) {
        HttpResponse<String> response = Auth.post("/api/admin/events", admin, body);

        ProblemsIT.assertProblem(response, 400, problem("invalid-request"));
        assertThat(Stack.json(response).path("violations").findValuesAsText("field")).contains(field);
        assertThat(Database.count("select count(*) from events where name = ?", String.valueOf(body.get("name"))))
                .isZero();
    }

    @Test
    void malformedBodiesAreRefusedAndCreateNothing() {
        String name = Catalog.uniqueName("Malformed");
        String valid = json(Catalog.newEvent(name, "Hall", Catalog.START, List.of(Catalog.section("Floor", 1, 1, 1))));
        List<String> bodies = List.of(
                valid.substring(0, valid.length() - 5),
                valid.replace("\"venue\":\"Hall\"", "\"venue\":\"Hall\",\"colour\":\"red\""),
                valid.replace("\"priceCents\":1", "\"priceCents\":\"cheap\""),
                valid.replace("\"startTime\":\"" + Catalog.START + "\"", "\"startTime\":\"next tuesday\""),
                valid.replace("\"rows\":1", "\"rows\":[1]"),
                "[]",
                "");

        for (String body : bodies) {
            HttpResponse<String> response = Auth.send("POST", "/api/admin/events", admin, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
            assertThat(response.body()).as(body).doesNotContain("Exception");
        }
        assertThat(Database.count("select count(*) from events where name = ?", name)).isZero();
    }

    @Test
    void updatesQuoteTheVersionTheyWereMadeAgainst() {
        JsonNode event = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Versioned"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100))));
        long id = event.path("id").asLong();
        Map<String, Object> change = changeOf(event, "Renamed " + id, 1);

        HttpResponse<String> first = Auth.put("/api/admin/events/" + id, admin, change);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Stack.json(first).path("name").asText()).isEqualTo("Renamed " + id);
        assertThat(Stack.json(first).path("version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = Auth.put("/api/admin/events/" + id, admin, changeOf(event, "Lost update", 1));
        ProblemsIT.assertProblem(stale, 409, problem("stale-version"));
        assertThat(Stack.json(Auth.get("/api/admin/events/" + id, admin)).path("name").asText()).isEqualTo("Renamed " + id);
    }

    @Test
    void ofTwoConcurrentUpdatesOfOneVersionExactlyOneWins() {
        JsonNode event = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Race"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100))));
        long id = event.path("id").asLong();

        List<CompletableFuture<HttpResponse<String>>> racing = Stream.of("A", "B")
                .map(who -> CompletableFuture.supplyAsync(
                        () -> Auth.put("/api/admin/events/" + id, admin, changeOf(event, "Winner " + who, 1))))
                .toList();
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(Stack.json(Auth.get("/api/admin/events/" + id, admin)).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void theLayoutCanBeReplacedWhileNothingIsSold() {
        JsonNode event = Catalog.published(admin, Catalog.uniqueName("Relayout"));
        long id = event.path("id").asLong();
        Map<String, Object> change = changeOf(event, event.path("name").asText(), event.path("version").asLong());
        change.put("layout", Map.of("sections", List.of(Catalog.section("Standing", 1, 50, 1500))));

        HttpResponse<String> response = Auth.put("/api/admin/events/" + id, admin, change);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("totalCapacity").asInt()).isEqualTo(50);
        JsonNode map = Stack.json(Stack.get("/api/events/" + id + "/seats"));
        assertThat(map.path("seats")).hasSize(50);
        assertThat(map.path("seats").findValuesAsText("section")).containsOnly("Standing");
    }

    @Test
    void publishingIsForDrafts() {
        long id = Catalog.published(admin, Catalog.uniqueName("Twice")).path("id").asLong();

        ProblemsIT.assertProblem(Auth.post("/api/admin/events/" + id + "/publish", admin, Map.of()), 409,
                problem("event-not-draft"));
        ProblemsIT.assertProblem(Auth.post("/api/admin/events/999999999/publish", admin, Map.of()), 404,
                problem("event-not-found"));
    }

    @Test
    void cancellingKeepsTheEventAndAnnouncesIt() {
        String name = Catalog.uniqueName("Cancelled");
        long id = Catalog.published(admin, name).path("id").asLong();

        HttpResponse<String> response = Auth.delete("/api/admin/events/" + id, admin);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(Stack.json(Stack.get("/api/events/" + id)).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(Stack.json(Stack.get("/api/events?q=" + EventsIT.encode(name))).path("total").asLong()).isZero();
        assertThat(Database.count("select count(*) from seats where event_id = ?", id)).isEqualTo(8);
        assertThat(Database.count("select count(*) from outbox where aggregate_type = 'event' and aggregate_id = ? "
                + "and type = 'event.cancelled' and payload ->> 'status' = 'CANCELLED'", String.valueOf(id))).isEqualTo(1);
        ProblemsIT.assertProblem(Auth.delete("/api/admin/events/" + id, admin), 409, problem("event-cancelled"));
    }

    static Map<String, Object> changeOf(JsonNode event, String name, long version) {
        Map<String, Object> change = new HashMap<>();
        change.put("name", name);
        change.put("description", event.path("description").asText());
        change.put("venue", event.path("venue").asText());
        change.put("startTime", event.path("startTime").asText());
        change.put("endTime", event.path("endTime").asText());
        change.put("version", version);
        return change;
    }

    private static Map<String, Object> edit(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Catalog.newEvent(Catalog.uniqueName("Invalid"), "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 1, 100))));
        change.accept(body);
        return body;
    }

    private static String json(Object body) {
        try {
            return Stack.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String problem(String slug) {
        return "https://evently.dev/problems/" + slug;
    }
}
