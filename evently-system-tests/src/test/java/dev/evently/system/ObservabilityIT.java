package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class ObservabilityIT {

    @Test
    void metricsArePrometheusText() {
        HttpResponse<String> response = Stack.get("/api/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE ").containsPattern("(?m)^process_uptime_seconds [0-9.Ee+-]+$")
                .containsPattern("(?m)^evently_holds_total\\{outcome=\"held\"\\} [0-9.Ee+-]+$");
    }

    @Test
    void openApiDescribesTheEventlyApi() {
        JsonNode contract = Contract.served();

        assertThat(contract.path("info").path("title").asText()).isEqualTo("Evently API");
        assertThat(contract.path("servers").findValuesAsText("url"))
                .anySatisfy(url -> assertThat(url).endsWith("/api"));
    }

    @Test
    void openApiUiIsBrowsable() {
        HttpResponse<String> index = Stack.get("/api/openapi-ui/");
        assertThat(index.statusCode()).isEqualTo(303);
        assertThat(index.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/openapi-ui/index.html"));

        HttpResponse<String> page = Stack.get("/api/openapi-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("url: '/api/openapi.yaml'");

        HttpResponse<String> bundle = Stack.get("/api/openapi-ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(bundle.body().length()).isGreaterThan(100_000);
    }

    @Test
    void theUiServesOnlyItsOwnFiles() {
        assertThat(Stack.get("/api/openapi-ui/..%2FWEB-INF%2Fweb.xml").statusCode()).isEqualTo(404);
        assertThat(Stack.get("/api/openapi-ui/web.xml").statusCode()).isEqualTo(404);
    }
}
