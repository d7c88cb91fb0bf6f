package dev.evently.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The one Redisson client of this instance. Redis is never the source of truth: the client connects
 * lazily and fails fast, so the application starts and answers from PostgreSQL while Redis is away.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    @ConfigProperty(name = "evently.redis.address", defaultValue = "redis://127.0.0.1:16379")
    String address;

    @Inject
    @ConfigProperty(name = "evently.redis.timeout-ms", defaultValue = "1000")
    int timeoutMillis;

    @Produces
    @ApplicationScoped
    RedissonClient client() {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(address)
                .setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis)
                .setRetryAttempts(1)
                .setRetryInterval(200)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }

    public String address() {
        return address;
    }
}
