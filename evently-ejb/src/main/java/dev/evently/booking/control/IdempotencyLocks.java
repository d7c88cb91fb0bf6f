package dev.evently.booking.control;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import dev.evently.platform.ConflictException;
import dev.evently.platform.control.RedisConnection;

/**
 * Marks an idempotent request as in flight across all instances, so a concurrent duplicate is told
 * 409 instead of racing the first. Without Redis the database's unique (user, key) still stops a second
 * booking; the lock only makes the answer friendlier.
 */
@ApplicationScoped
public class IdempotencyLocks {

    private static final Logger LOG = Logger.getLogger(IdempotencyLocks.class.getName());

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    /** Runs the work holding the lock for (user, key); another holder → 409 request-in-flight. */
    public <T> T whileHolding(long userId, String key, java.util.function.Supplier<T> work) {
        if (!connection.available()) {
            return work.get();
        }
        RLock lock;
        boolean locked;
        try {
            lock = redis.getLock("evently:idempotency:" + userId + ":" + key);
            locked = lock.tryLock(0, 30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            connection.failed("idempotency keys guarded by the database only", e);
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!locked) {
            throw new ConflictException("request-in-flight",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        try {
            return work.get();
        } finally {
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not release idempotency lock (it expires by itself): " + e);
            }
        }
    }
}
