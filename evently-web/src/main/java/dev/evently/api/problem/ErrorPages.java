package dev.evently.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.evently.api.security.Public;

/**
 * Where the container forwards the errors it answers itself (web.xml error-page), above all a 401 from
 * the JWT mechanism for a forged, expired or malformed token: the client still gets a problem.
 */
@ApplicationScoped
@Public("the container forwards its own errors here")
@Path("errors/{status}")
public class ErrorPages {

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("status") int status) {
        return problem(status);
    }

    @POST
    @Operation(hidden = true)
    public Response post(@PathParam("status") int status) {
        return problem(status);
    }

    @PUT
    @Operation(hidden = true)
    public Response put(@PathParam("status") int status) {
        return problem(status);
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("status") int status) {
        return problem(status);
    }

    @HEAD
    @Operation(hidden = true)
    public Response head(@PathParam("status") int status) {
        return problem(status);
    }

    static final String BEARER_CHALLENGE = "Bearer realm=\"evently\"";

    static Response problem(int status) {
        return switch (status) {
            case 401 -> Response.fromResponse(Problem.of("unauthorized", "Unauthorized", 401,
                            "A valid bearer token is required: POST /api/auth/login issues one.").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
            case 403 -> Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this.").toResponse();
            case 404 -> Problem.of("not-found", "Not Found", 404, "No resource at this path.").toResponse();
            default -> Problem.of("internal-error", "Internal error", 500, "Something went wrong on our side.")
                    .toResponse();
        };
    }
}
