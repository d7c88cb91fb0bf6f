package dev.evently.platform.api;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A check of one part the application depends on, for admins at {@code GET /api/admin/health}
 * ({@link AdminHealthResource}): where the part is and what failed (hosts, ports, versions, errors). A part the API
 * cannot answer without (the database) is also a readiness check, where anyone learns only its name and status.
 */
public abstract class DependencyCheck {

    /** A part's status with the details only an admin sees. */
    public record Dependency(String name, boolean up, Map<String, String> details) {
    }

    /** Asks the part now. */
    public abstract Dependency probe();

    /** The status alone, for {@code /health/ready}. */
    public HealthCheckResponse call() {
        Dependency dependency = probe();
        return HealthCheckResponse.named(dependency.name()).status(dependency.up()).build();
    }
}
