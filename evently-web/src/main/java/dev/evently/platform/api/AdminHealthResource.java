package dev.evently.platform.api;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.security.Roles;
import dev.evently.platform.api.DependencyCheck.Dependency;

/** Every part the platform runs on with what only operators should see: where it is and why it is down. */
@Path("admin/health")
@RequestScoped
@Roles("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: health", description = "The parts the platform runs on, with their details (ADMIN only)")
public class AdminHealthResource {

    @Inject
    @Any
    Instance<DependencyCheck> checks;

    @GET
    @Operation(summary = "Each part the application depends on: status, address, version, the error when down")
    @APIResponse(responseCode = "200", description = "The parts, by name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Dependency.class)))
    public List<Dependency> partsHealth() {
        return checks.stream()
                .map(DependencyCheck::probe)
                .sorted(Comparator.comparing(Dependency::name))
                .toList();
    }
}
