package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document describes the endpoints, their security and — exactly — the bodies they return and accept; the
 * contract as written (evently-web's META-INF/openapi.yaml) is the one served, unchanged by the server.
 */
class OpenApiIT {


    static JsonNode api;

    @BeforeAll
    static void load() {
        api = Contract.served();
    }

    @Test
    void everyEndpointIsDocumented() {
        assertThat(names(api.path("paths"))).contains("/events", "/events/{id}", "/events/{id}/seats",
                "/admin/events", "/admin/events/{id}", "/admin/events/{id}/publish",
                "/auth/register", "/auth/login", "/auth/me",
                "/bookings", "/bookings/my-bookings", "/bookings/{id}", "/bookings/{id}/cancel", "/bookings/{id}/payments",
                "/payments/webhook", "/admin/bookings/{id}/mark-paid", "/tickets/{id}/qr", "/admin/check-in");
        assertThat(names(api.path("paths"))).doesNotContain("/bookings/{id}/confirm");
        assertThat(names(api.path("paths"))).as("templates as OpenAPI writes them, no JAX-RS regular expressions")
                .contains("/admin/users/{id}", "/admin/users/{id}/role").noneMatch(path -> path.contains(":"));
        List<String> operationIds = new ArrayList<>();
        api.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.has("operationId")) {
                operationIds.add(operation.path("operationId").asText());
            }
        }));
        assertThat(operationIds).as("one operationId per operation, each its own").isNotEmpty().doesNotHaveDuplicates();
        assertThat(api.path("paths").path("/events").path("get").path("summary").asText()).isNotBlank();
    }

    @Test
    void adminOperationsRequireTheBearerTokenAndPublicOnesDoNot() {
        for (String method : List.of("put", "get", "delete")) {
            assertThat(api.path("paths").path("/admin/events/{id}").path(method).path("security").toString())
                    .as(method).contains("bearer");
        }
        // one requirement naming no scheme says "no token" to validators and generators; none says nothing
        JsonNode open = api.path("paths").path("/events/{id}").path("get").path("security");
        assertThat(open.toString()).isEqualTo("[{}]");
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
    }

    @Test
    void documentedSchemasListExactlyTheFieldsTheApiReturns() throws InterruptedException {
        String admin = Auth.adminToken();
        long id = Catalog.published(admin, Catalog.uniqueName("Documented")).path("id").asLong();
        JsonNode details = Stack.json(Stack.get("/api/events/" + id));
        JsonNode page = Stack.json(Stack.get("/api/events?q=" + EventsIT.encode(details.path("name").asText())));
        // a map answers without its generation while Redis is away (a test before this one may just have restarted it)
        JsonNode map = Stack.json(Stack.pollGet("/api/events/" + id + "/seats", Duration.ofSeconds(30),
                response -> Stack.json(response).has("generation")));
        JsonNode problem = Stack.json(Stack.get("/api/events/999999999"));

        assertThat(names(details)).containsExactlyInAnyOrderElementsOf(properties("EventDetails"));
        assertThat(names(details.path("sections").get(0))).containsExactlyInAnyOrderElementsOf(properties("SectionSummary"));
        assertThat(names(page)).containsExactlyInAnyOrderElementsOf(properties("EventPage"));
        assertThat(names(page.path("items").get(0))).containsExactlyInAnyOrderElementsOf(properties("EventSummary"));
        assertThat(names(map)).containsExactlyInAnyOrderElementsOf(properties("SeatMap"));
        assertThat(names(map.path("seats").get(0))).containsExactlyInAnyOrderElementsOf(properties("Seat"));
        assertThat(properties("Problem")).containsAll(names(problem));

        String buyer = Auth.newUserToken();
        long seat = map.path("seats").get(0).path("id").asLong();
        JsonNode booking = Stack.json(Auth.post("/api/bookings", buyer, java.util.Map.of("eventId", id, "seatIds",
                List.of(seat))));
        JsonNode payment = Provider.open(buyer, booking.path("id").asLong());
        assertThat(names(payment)).containsExactlyInAnyOrderElementsOf(properties("Payment"));
        Provider.succeed(Provider.providerId(payment));
        JsonNode confirmed = Provider.awaitStatus(buyer, booking.path("id").asLong(), java.util.Set.of("CONFIRMED"));
        assertThat(properties("Booking")).containsAll(names(booking));
        List<String> always = new ArrayList<>(properties("Booking"));
        always.remove("endReason");  // only where a booking ended without its buyer
        assertThat(names(confirmed)).containsExactlyInAnyOrderElementsOf(always);
        assertThat(properties("PaymentLine")).containsAll(names(confirmed.path("payments").get(0)))
                .contains("id", "method", "status", "amountCents", "currency", "createdAt");
    }

    @Test
    void theContractIsServedAsWritten() throws IOException {
        Path committed = Path.of(System.getProperty("evently.home", ".."), "evently-web", "src", "main", "resources", "META-INF",
                "openapi.yaml");
        HttpResponse<String> served = Stack.get("/api/openapi.yaml");
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(served.body()).as("%s is served as it is by %s/api/openapi.yaml", committed, Stack.BASE_URL)
                .isEqualTo(Files.readString(committed));
        if (Stack.SERVER.equals("payara")) {
            // Payara's MicroProfile OpenAPI serves the same document (WildFly's is switched off: it rewrites it)
            assertThat(new Yaml().<Object>load(Stack.get("/openapi").body())).as("Payara's /openapi")
                    .isEqualTo(new Yaml().load(served.body()));
        }
    }

    /**
     * Each request body built from its schema's examples (every property) is read by the API: no field is unknown to
     * it, none of a type it refuses. What the request then asks may fail on its merits (the example seats are not
     * free, the example account exists), but never as a malformed or invalid body.
     */
    @Test
    void requestBodiesBuiltFromTheirSchemasAreAccepted() {
        String admin = Auth.adminToken();
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("/auth/register", "Registration");
        operations.put("/auth/login", "Login");
        operations.put("/bookings", "NewBooking");
        operations.put("/waitlist/join", "JoinWaitlist");
        operations.put("/admin/events", "NewEvent");
        operations.forEach((path, schema) -> {
            assertThat(api.path("paths").path(path).path("post").path("requestBody").path("content")
                    .path("application/json").path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/" + schema);
            assertThat(api.path("paths").path(path).path("post").path("requestBody").path("required").asBoolean())
                    .as(path + ": its body is required").isTrue();
            Object body = example(api.path("components").path("schemas").path(schema));
            var answer = Auth.post("/api" + path, admin, body);
            assertThat(answer.statusCode()).as(path + " with " + body + ": " + answer.body()).isNotIn(400, 415, 500);
        });
    }

    /** A value of the schema made of its examples: each property's, each item's, following references. */
    private static Object example(JsonNode schema) {
        if (schema.has("$ref")) {
            return example(api.at(schema.path("$ref").asText().substring(1)));
        }
        if (schema.has("properties")) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> object.put(p.getKey(), example(p.getValue())));
            return object;
        }
        if (schema.has("example")) {
            return Stack.JSON.convertValue(schema.path("example"), Object.class);
        }
        if ("array".equals(schema.path("type").asText())) {
            return List.of(example(schema.path("items")));
        }
        throw new AssertionError("no example for " + schema);
    }

    private static List<String> properties(String schema) {
        return names(api.path("components").path("schemas").path(schema).path("properties"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
