package dev.evently.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means "the API answers": DOWN while the instance starts (Payara answers {@code /health/ready} from the
 * moment the application's health checks exist, seconds before the API itself is mapped) and again while it
 * drains before stopping, so a load balancer sends buyers only where they are served.
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

    @Inject
    Serving serving;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api").status(serving.serving()).build();
    }
}
