package dev.evently.accounts.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.accounts.boundary.Accounts;
import dev.evently.accounts.entity.Role;
import dev.evently.api.problem.Problem;
import dev.evently.api.security.Roles;

/** Accounts as administrators see them: any user, by id (the user behind a booking, say). */
@Path("admin/users")
@RequestScoped
@Roles("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
public class AdminUsersResource {

    @Inject
    Accounts accounts;

    @GET
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "A user by id (ADMIN only)")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "type forbidden: the caller is not an ADMIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "type user-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserResponse getUser(@PathParam("id") long id) {
        return UserResponse.of(accounts.find(id));
    }

    @PUT
    @Path("{id: [0-9]{1,18}}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a user another role (ADMIN only); every session of theirs ends")
    @APIResponse(responseCode = "200", description = "The user with the new role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "type forbidden: the caller is not an ADMIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "type user-not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserResponse assignRole(@PathParam("id") long id, @Valid @NotNull SessionRequests.RoleAssignment request) {
        return UserResponse.of(accounts.assignRole(id, Role.valueOf(request.role())));
    }
}
