package dev.evently.booking.control;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.control.AfterCompletion;
import dev.evently.platform.control.RedisConnection;

/**
 * Marks an idempotent request as in flight across all instances until its transaction ends, so a concurrent
 * duplicate is told 409 instead of racing the first. Without Redis the database's unique (user, key) still
 * stops a second booking; the mark only makes the answer friendlier. A mark is a plain key with a token and
 * an expiry, taken with SET NX and removed only by its owner.
 */
@ApplicationScoped
public class IdempotencyLocks {

    private static final Logger LOG = Logger.getLogger(IdempotencyLocks.class.getName());
    /** Longer than any booking transaction: a mark whose owner died goes away by itself. */
    private static final Duration EXPIRY = Duration.ofSeconds(30);

    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Marks (user, key) as in flight until the current transaction ends, committed or not; another holder
     * of the mark → 409 request-in-flight.
     */
    public void holdUntilCompletion(long userId, String key) {
        if (!connection.available()) {
            return;
        }
        RBucket<String> mark = redis.getBucket("evently:idempotency-mark:" + userId + ":" + key, StringCodec.INSTANCE);
        String token = UUID.randomUUID().toString();
        boolean marked;
        try {
            marked = mark.setIfAbsent(token, EXPIRY);
        } catch (RuntimeException e) {
            connection.failed("idempotency keys guarded by the database only", e);
            return;
        }
        if (!marked) {
            throw new ConflictException("request-in-flight",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        AfterCompletion.register(transactions, status -> mark.compareAndSetAsync(token, null)
                .whenComplete((done, e) -> {
                    if (e != null) {
                        LOG.warning(() -> "could not remove an idempotency mark (it expires by itself): " + e);
                    }
                }));
    }
}
