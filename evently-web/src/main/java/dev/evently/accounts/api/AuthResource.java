package dev.evently.accounts.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.accounts.boundary.Accounts;
import dev.evently.api.problem.Problem;
import dev.evently.api.security.Caller;
import dev.evently.api.security.Roles;

/** Registration, login and the caller's own account. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Register, log in, who am I")
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    /** Proxies whose X-Forwarded-For is believed, as the server sees their addresses; none by default. */
    @Inject
    @ConfigProperty(name = "evently.http.trusted-proxies")
    Optional<String> trustedProxies;

    @POST
    @Path("register")
    @Operation(summary = "Register a new account",
            description = "Creates a USER account. The email is unique regardless of case.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "Where the account can be read once logged in",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing, malformed, too short or too long "
            + "(named in violations), the body is not JSON, or it has a field not listed here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "type email-taken: an account with this email exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response register(@Valid @NotNull RegisterRequest request) {
        var user = accounts.register(request.email(), request.password(), request.name());
        return Response.created(URI.create("auth/me")).entity(UserResponse.of(user)).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Log in for a bearer token",
            description = "Failed attempts are limited per account and per client address; a successful "
                    + "login does not count.")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or too long, or the body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "type invalid-credentials: unknown email or wrong password "
            + "(the same answer for both)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "type too-many-requests: too many failed attempts",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TokenResponse login(@Valid @NotNull LoginRequest request, @Context HttpServletRequest http) {
        String client = ClientAddress.of(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"), proxies());
        return TokenResponse.of(accounts.login(request.email(), request.password(), client));
    }

    @GET
    @Path("me")
    @Roles({"USER", "ADMIN"})
    @Operation(summary = "The caller's account")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The account the bearer token belongs to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", description = "No token, or a token that is forged, expired or not ours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserResponse me() {
        return UserResponse.of(accounts.find(caller.userId()));
    }

    private Set<String> proxies() {
        return Arrays.stream(trustedProxies.orElse("").split(","))
                .map(String::strip)
                .filter(proxy -> !proxy.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
