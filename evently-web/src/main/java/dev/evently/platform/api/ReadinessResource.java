package dev.evently.platform.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.problem.Problem;
import dev.evently.api.security.Public;

/**
 * Readiness answered by the API itself, for load balancers and {@code ./evently start}: the same checks as
 * {@code /health/ready}, but an answer here proves the API is mapped. Payara's {@code /health/ready} says UP with an
 * empty list of checks for a few seconds while the server starts (after the resource adapter is loaded, before the
 * application's checks are registered), when the API still answers 404; this cannot.
 */
@Path("ready")
@RequestScoped
@Public("a load balancer asks it without an account; it tells only UP or DOWN per check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health", description = "Whether this instance serves the API")
public class ReadinessResource {

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> checks;

    @GET
    @Operation(summary = "UP when this instance serves the API and reaches its database; else 503")
    @APIResponse(responseCode = "200", description = "Ready: {\"status\":\"UP\",\"checks\":[...]}")
    @APIResponse(responseCode = "503", description = "unavailable: starting, draining to stop, or the database away",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response readiness() {
        List<Map<String, String>> results = checks.stream()
                .map(HealthCheck::call)
                .map(r -> Map.of("name", r.getName(), "status", r.getStatus().name()))
                .toList();
        boolean up = results.stream().allMatch(r -> HealthCheckResponse.Status.UP.name().equals(r.get("status")));
        if (up) {
            return Response.ok(Map.of("status", "UP", "checks", results)).build();
        }
        return Response.fromResponse(Problem.of("unavailable", "Service Unavailable", 503,
                        "This instance does not serve the API now; try another or again in a moment.")
                .with(Map.of("checks", results)).toResponse())
                .header("Retry-After", "5").build();
    }
}
