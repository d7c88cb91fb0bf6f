package dev.evently.platform.control;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.netty.resolver.DefaultAddressResolverGroup;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import dev.evently.platform.metrics.RegistersMetrics;

/**
 * The one Redisson client of this instance. Redis is never the source of truth: the client connects
 * lazily and fails fast, so the application starts and answers from PostgreSQL while Redis is away.
 * Whether it is in its pause, and how many calls failed, shows on /api/metrics: a pause of a few seconds falls
 * between two scrapes, the count of failures does not.
 */
@ApplicationScoped
public class RedisConnection implements RegistersMetrics {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "evently.redis.address", defaultValue = "redis://127.0.0.1:16379")
    String address;

    @Inject
    @ConfigProperty(name = "evently.redis.timeout-ms", defaultValue = "1000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "evently.redis.pause-after-failure", defaultValue = "PT5S")
    Duration pauseAfterFailure;

    @Inject
    MeterRegistry metrics;

    private volatile long pausedUntilMillis;
    private Counter failures;

    @PostConstruct
    void register() {
        Gauge.builder("evently_redis_paused", () -> available() ? 0 : 1)
                .description("1 while this instance leaves Redis alone after a failed call (reads from PostgreSQL,"
                        + " limits counted locally), else 0").register(metrics);
        failures = Counter.builder("evently_redis_failures_total")
                .description("Calls to Redis that failed; each starts or extends the pause").register(metrics);
    }

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
                // a connection Redis dropped (a restart) is found and replaced within a second, not at its next use
                .setPingConnectionInterval(1000)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        // The JDK's resolver, not netty's DNS resolver. Payara shows the Artemis adapter's netty classes to every
        // application, and netty's DNS resolver registers a name in their shared constant pool as its class
        // initialises: after a redeployment in the same server every Redisson.create failed, and each failure
        // leaked an event loop group's file descriptors until the server could open none.
        config.setAddressResolverGroupFactory((datagramChannel, socketChannel, nameServers) ->
                DefaultAddressResolverGroup.INSTANCE);
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }

    /**
     * False for a few seconds after a call to Redis failed: callers then do without it (read PostgreSQL, skip a
     * limit) rather than each waiting for a dead connection to time out.
     */
    public boolean available() {
        return System.currentTimeMillis() >= pausedUntilMillis;
    }

    /** Records a failed call: every user of Redis in this instance leaves it alone for the pause. */
    public void failed(String consequence, RuntimeException e) {
        failures.increment();
        pausedUntilMillis = System.currentTimeMillis() + pauseAfterFailure.toMillis();
        LOG.log(Level.WARNING, "Redis unavailable for the next " + pauseAfterFailure.toSeconds() + " s, "
                + consequence + ": " + e);
    }

    /** The address without credentials, fit for health reports and logs. */
    public String address() {
        return address.replaceFirst("//[^@/]*@", "//");
    }
}
