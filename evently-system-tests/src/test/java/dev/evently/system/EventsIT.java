package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public catalogue, anonymous, as a buyer browses it. */
class EventsIT {

    static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.adminToken();
    }

    @Test
    void aPublishedEventIsListedWithAvailabilityAndLowestPrice() {
        String name = Catalog.uniqueName("Listed");
        long id = Catalog.published(admin, name).path("id").asLong();

        JsonNode page = Stack.json(Stack.get("/api/events?q=" + encode(name)));

        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("id").asLong()).isEqualTo(id);
        assertThat(item.path("name").asText()).isEqualTo(name);
        assertThat(item.path("venue").asText()).isEqualTo("Harbour Hall");
        assertThat(item.path("startTime").asText()).isEqualTo(Catalog.START.toString());
        assertThat(item.path("totalCapacity").asInt()).isEqualTo(8);
        assertThat(item.path("availableSeats").asInt()).isEqualTo(8);
        assertThat(item.path("minPriceCents").asLong()).isEqualTo(2000);
    }

    /**
     * The list's first page, details and seat map are answered from the cache before JAX-RS; with a query
     * string JAX-RS answers. Both must give the same bytes, headers and 304s.
     */
    @ParameterizedTest
    @CsvSource({"''", "/seats"})
    void theCachedReadsAnswerExactlyAsTheApi(String suffix) {
        long id = Catalog.published(admin, Catalog.uniqueName("Fast")).path("id").asLong();
        for (String path : List.of("/api/events", "/api/events/" + id + suffix)) {
            HttpResponse<String> fast = Stack.get(path);
            HttpResponse<String> api = Stack.get(path + "?page=0");

            assertThat(fast.statusCode()).as(path).isEqualTo(200);
            assertThat(fast.body()).as(path).isEqualTo(api.body());
            for (String header : List.of("ETag", "Cache-Control", "Content-Type")) {
                assertThat(fast.headers().allValues(header)).as(path + " " + header)
                        .isNotEmpty().isEqualTo(api.headers().allValues(header));
            }
            assertThat(fast.headers().firstValue("X-Request-Id")).as(path).isPresent();
            String etag = fast.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> unchanged = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                    .header("If-None-Match", "\"other\", W/" + etag).GET());
            assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
            assertThat(unchanged.headers().firstValue("ETag")).as(path).hasValue(etag);
            assertThat(unchanged.body()).as(path).isEmpty();
        }
        ProblemsIT.assertProblem(Stack.get("/api/events/" + (id + 1_000_000) + suffix), 404,
                "https://evently.dev/problems/event-not-found");
    }

    @Test
    void draftsAreNeitherListedNorShown() {
        String name = Catalog.uniqueName("Draft");
        long id = Catalog.create(admin, Catalog.newEvent(name, "Hall", Catalog.START,
                List.of(Catalog.section("Floor", 1, 2, 100)))).path("id").asLong();

        assertThat(Stack.json(Stack.get("/api/events?q=" + encode(name))).path("total").asLong()).isZero();
        ProblemsIT.assertProblem(Stack.get("/api/events/" + id), 404, "https://evently.dev/problems/event-not-found");
        ProblemsIT.assertProblem(Stack.get("/api/events/" + id + "/seats"), 404,
                "https://evently.dev/problems/event-not-found");
    }

    @Test
    void filtersByVenueAndStartWindowAndPages() {
        String tag = Catalog.uniqueName("Filter");
        String venue = "Venue " + tag;
        for (int day = 0; day < 3; day++) {
            long id = Catalog.create(admin, Catalog.newEvent(tag + " night " + day, venue,
                    Catalog.START.plus(Duration.ofDays(day)), List.of(Catalog.section("Floor", 1, 1, 100))))
                    .path("id").asLong();
            Catalog.publish(admin, id);
        }

        JsonNode byVenue = Stack.json(Stack.get("/api/events?venue=" + encode(venue)));
        assertThat(byVenue.path("total").asLong()).isEqualTo(3);
        assertThat(byVenue.path("items").findValuesAsText("name"))
                .containsExactly(tag + " night 0", tag + " night 1", tag + " night 2");

        JsonNode window = Stack.json(Stack.get("/api/events?venue=" + encode(venue)
                + "&from=" + Catalog.START.plus(Duration.ofHours(12)) + "&to=" + Catalog.START.plus(Duration.ofDays(2))));
        assertThat(window.path("items").findValuesAsText("name")).containsExactly(tag + " night 1");

        JsonNode secondPage = Stack.json(Stack.get("/api/events?venue=" + encode(venue) + "&page=1&size=2"));
        assertThat(secondPage.path("total").asLong()).isEqualTo(3);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
        assertThat(secondPage.path("items").findValuesAsText("name")).containsExactly(tag + " night 2");
    }

    @Test
    void detailsShowSectionsAndAvailability() {
        long id = Catalog.published(admin, Catalog.uniqueName("Details")).path("id").asLong();

        HttpResponse<String> response = Stack.get("/api/events/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = Stack.json(response);
        assertThat(event.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(event.path("availableSeats").asInt()).isEqualTo(8);
        assertThat(event.path("sections").findValuesAsText("name")).containsExactly("Floor", "Balcony");
        assertThat(event.path("sections").get(0).path("seats").asInt()).isEqualTo(6);
        assertThat(event.path("sections").get(1).path("minPriceCents").asLong()).isEqualTo(2000);
    }

    @Test
    void theSeatMapListsEverySeatWithCounts() {
        long id = Catalog.published(admin, Catalog.uniqueName("Seats")).path("id").asLong();

        JsonNode map = Stack.json(Stack.get("/api/events/" + id + "/seats"));

        assertThat(map.path("eventId").asLong()).isEqualTo(id);
        assertThat(map.path("seats")).hasSize(8);
        JsonNode first = map.path("seats").get(0);
        assertThat(first.path("section").asText()).isEqualTo("Floor");
        assertThat(first.path("row").asText()).isEqualTo("A");
        assertThat(first.path("number").asInt()).isEqualTo(1);
        assertThat(first.path("label").asText()).isEqualTo("Floor A-1");
        assertThat(first.path("priceCents").asLong()).isEqualTo(4500);
        assertThat(map.path("seats").findValuesAsText("status")).containsOnly("AVAILABLE");
        assertThat(map.path("seats").findValuesAsText("label")).doesNotHaveDuplicates().contains("Floor B-3", "Balcony A-2");
        assertThat(map.path("counts").path("total").asInt()).isEqualTo(8);
        assertThat(map.path("counts").path("available").asInt()).isEqualTo(8);
        assertThat(map.path("counts").path("held").asInt()).isZero();
        assertThat(map.path("counts").path("booked").asInt()).isZero();
    }

    @Test
    void anUnchangedSeatMapIsNotSentAgain() {
        long id = Catalog.published(admin, Catalog.uniqueName("ETag")).path("id").asLong();
        HttpResponse<String> first = Stack.get("/api/events/" + id + "/seats");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = Stack.send(HttpRequest.newBuilder(
                URI.create(Stack.BASE_URL + "/api/events/" + id + "/seats")).header("If-None-Match", etag).GET());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> other = Stack.send(HttpRequest.newBuilder(
                URI.create(Stack.BASE_URL + "/api/events/" + id + "/seats")).header("If-None-Match", "\"other\"").GET());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void unknownEventsAreNotFound() {
        ProblemsIT.assertProblem(Stack.get("/api/events/999999999"), 404, "https://evently.dev/problems/event-not-found");
        ProblemsIT.assertProblem(Stack.get("/api/events/999999999/seats"), 404,
                "https://evently.dev/problems/event-not-found");
        assertThat(Stack.get("/api/events/not-a-number").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
            "page=-1, page", "page=x, page", "size=0, size", "size=101, size", "size=ten, size",
            "from=yesterday, from", "to=2027-13-01T00:00:00Z, to",
            "from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z, to"})
    void badListParametersAreRefusedNamingTheField(String query, String field) {
        HttpResponse<String> response = Stack.get("/api/events?" + query);

        ProblemsIT.assertProblem(response, 400, "https://evently.dev/problems/invalid-request");
        assertThat(Stack.json(response).path("violations").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void anOverlongSearchIsRefused() {
        HttpResponse<String> response = Stack.get("/api/events?q=" + "x".repeat(201));

        ProblemsIT.assertProblem(response, 400, "https://evently.dev/problems/invalid-request");
        assertThat(Stack.json(response).path("violations").findValuesAsText("field")).containsExactly("q");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
