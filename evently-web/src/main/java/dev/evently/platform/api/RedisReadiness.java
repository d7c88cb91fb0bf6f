package dev.evently.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

import dev.evently.platform.control.RedisConnection;

/**
 * Whether Redis answers. Redis only caches and coordinates, so its absence makes the instance slower,
 * not wrong; readiness still reports it so operators notice.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis").withData("address", connection.address());
        try {
            redis.getBucket("evently:health").isExists();
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
