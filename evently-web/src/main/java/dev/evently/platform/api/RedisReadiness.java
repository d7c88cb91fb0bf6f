package dev.evently.platform.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

import dev.evently.platform.control.RedisConnection;

/**
 * Whether Redis answers. Redis only caches and coordinates, so its absence makes the instance slower,
 * not wrong; readiness still reports it so operators notice.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness extends DependencyCheck {

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    @Override
    public Dependency probe() {
        try {
            redis.getBucket("evently:health").isExists();
            return new Dependency("redis", true, Map.of("address", connection.address()));
        } catch (RuntimeException e) {
            return new Dependency("redis", false,
                    Map.of("address", connection.address(), "error", e.getClass().getSimpleName()));
        }
    }
}
