package dev.evently.platform.api;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A readiness check of one part the application depends on. Anyone may ask {@code /health/ready} and learns
 * only each part's name and status; where the part is and what failed (hosts, ports, versions, errors) is for
 * admins, at {@code GET /api/admin/health} ({@link AdminHealthResource}).
 */
public abstract class DependencyCheck implements HealthCheck {

    /** A part's status with the details only an admin sees. */
    public record Dependency(String name, boolean up, Map<String, String> details) {
    }

    /** Asks the part now. */
    public abstract Dependency probe();

    @Override
    public HealthCheckResponse call() {
        Dependency dependency = probe();
        return HealthCheckResponse.named(dependency.name()).status(dependency.up()).build();
    }
}
