package dev.evently.accounts.api;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import dev.evently.api.security.Clients;
import dev.evently.api.security.Public;
import dev.evently.api.security.Roles;
import dev.evently.platform.control.Limits;
import dev.evently.platform.control.Limits.Limit;
import dev.evently.platform.errors.TooManyRequestsException;

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

    @Inject
    Clients clients;

    @Inject
    Limits limits;

    /** Accounts registered per client address and hour; 0 switches the limit off. */
    @Inject
    @ConfigProperty(name = "evently.limits.registrations-per-address", defaultValue = "20")
    long registrationsPerAddress;

    @POST
    @Path("register")
    @Public("anyone may open an account")
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
    @APIResponse(responseCode = "429", description = "type too-many-requests: too many registrations from this "
            + "address within the hour",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response register(@Valid @NotNull RegisterRequest request, @Context HttpServletRequest http) {
        limits.hit(new Limit("registrations:address", registrationsPerAddress, Duration.ofHours(1)), clients.address(http))
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many registrations from this address", wait);
                });
        var user = accounts.register(request.email(), request.password(), request.name());
        return Response.created(URI.create("auth/me")).entity(UserResponse.of(user)).build();
    }

    @POST
    @Path("login")
    @Public("logging in is how a token is had")
    @Operation(summary = "Log in for a bearer token",
            description = "Failed attempts are limited per account and client address, per address, and (more "
                    + "slowly) per account from anywhere; a successful login does not count.")
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
        return TokenResponse.of(accounts.login(request.email(), request.password(), clients.address(http)));
    }

    @POST
    @Path("refresh")
    @Public("the refresh token is the credential")
    @Operation(summary = "New tokens for a refresh token, which is used up",
            description = "Each refresh token works once; a used one presented again ends its whole session.")
    @APIResponse(responseCode = "200", description = "Renewed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a refresh request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "type invalid-refresh-token: unknown, expired, revoked or used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public TokenResponse refresh(@Valid @NotNull SessionRequests.Refresh request) {
        return TokenResponse.of(accounts.refresh(request.refreshToken()));
    }

    @POST
    @Path("logout")
    @Roles({"USER", "BOX_OFFICE", "DOOR", "ADMIN"})
    @Operation(summary = "End the session: the access token in use and, if given, its refresh token",
            description = "Every instance refuses the access token within a second.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response logout(@Valid SessionRequests.Logout request) {
        accounts.logout(caller.userId(), caller.tokenId(), caller.sessionId(), caller.expiresAt(),
                request == null ? null : request.refreshToken());
        return Response.noContent().build();
    }

    @PUT
    @Path("password")
    @Roles({"USER", "BOX_OFFICE", "DOOR", "ADMIN"})
    @Operation(summary = "Change the caller's password; every session of the account ends")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Changed: log in again")
    @APIResponse(responseCode = "400", description = "The new password is too short or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No valid token, or the current password is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response changePassword(@Valid @NotNull SessionRequests.PasswordChange request) {
        accounts.changePassword(caller.userId(), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Roles({"USER", "BOX_OFFICE", "DOOR", "ADMIN"})
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

}
