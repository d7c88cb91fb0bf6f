package dev.evently.platform.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redisson.api.RedissonClient;

import dev.evently.platform.control.RedisConnection;

/**
 * Whether Redis answers. Redis only caches and coordinates, so its absence makes the instance slower,
 * not wrong: not a readiness check (taking every instance out of rotation because the cache is away would turn
 * a slower night into an outage); admins see it in the health details.
 */
@ApplicationScoped
public class RedisCheck extends DependencyCheck {

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
