package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Errors leave the API as RFC 9457 problems with a stable type, and without server internals. */
class ProblemsIT {

    @Test
    void anUnknownPathIsANotFoundProblem() {
        HttpResponse<String> response = Stack.get("/api/no-such-thing");

        assertProblem(response, 404, "https://evently.dev/problems/not-found");
    }

    @Test
    void aWrongMethodIsAMethodNotAllowedProblem() {
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(
                URI.create(Stack.BASE_URL + "/api/openapi-ui/index.html")).DELETE());

        assertProblem(response, 405, "https://evently.dev/problems/method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void responsesDoNotAdvertiseTheServer() {
        HttpResponse<String> response = Stack.get("/api/no-such-thing");

        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Stack.json(response);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.evently").doesNotContain("Payara");
    }
}
