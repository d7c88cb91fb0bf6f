package dev.evently.accounts.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

import dev.evently.platform.hashing.Hashes;
import dev.evently.platform.control.RedisConnection;

/**
 * Bounds failed logins per account and per client address with Redisson rate limiters, shared by every
 * server instance through Redis.
 *
 * <p>Each attempt takes a permit from both budgets atomically <em>before</em> the password is checked, so
 * a burst of parallel guesses cannot outrun the limit; a successful login gives its permits back, so only
 * failures count and an honest user (or an office behind one address) is not locked out by logging in.
 * (Redisson 3.52's {@code release} does not drop the permit's timestamp, so a given-back permit is
 * counted back once more when its window passes: with successes in between, an address can get up to
 * twice its limit of failures in a window. Successes on an account need its password, so the per-account
 * limit does not loosen for a guesser.)
 *
 * <p>Redis only coordinates: when it cannot be reached the limits are not applied (fail open, with a
 * warning) and Redis is left alone for a few seconds, so logins never wait on a dead connection.
 */
@ApplicationScoped
public class LoginThrottle {


    @Inject
    RedissonClient redis;

    @Inject
    RedisConnection connection;

    /** Failed logins allowed per account (email) within the window; 0 switches this limit off. */
    @Inject
    @ConfigProperty(name = "evently.login.limit.per-account", defaultValue = "5")
    long perAccount;

    /** Failed logins allowed per client address within the window; 0 switches this limit off. */
    @Inject
    @ConfigProperty(name = "evently.login.limit.per-address", defaultValue = "30")
    long perAddress;

    @Inject
    @ConfigProperty(name = "evently.login.limit.window", defaultValue = "PT1M")
    Duration window;

    /**
     * Takes one permit from the address's and then the account's budget.
     *
     * @param email   the normalised email the login names (the account need not exist)
     * @param address the client address as the server sees it
     */
    public Attempt attempt(String email, String address) {
        if (!connection.available()) {
            return Attempt.UNLIMITED;
        }
        List<RRateLimiter> taken = new ArrayList<>(2);
        // the email itself, personal data, never becomes a Redis key: its hash does
        try {
            if (!take(taken, "address", address, perAddress) || !take(taken, "account", Hashes.sha256Hex(email), perAccount)) {
                // permits already taken stay taken: a refused attempt still counts against the address
                return new Attempt(List.of(), window);
            }
        } catch (RuntimeException e) {
            redisUnavailable(e);
            return new Attempt(taken, null);
        }
        return new Attempt(taken, null);
    }

    private boolean take(List<RRateLimiter> taken, String scope, String key, long limit) {
        if (limit <= 0) {
            return true;
        }
        // the limit and window are part of the name: a changed configuration starts fresh budgets
        RRateLimiter limiter = redis.getRateLimiter(
                "evently:login:" + scope + ":" + limit + "/" + window.toSeconds() + "s:" + key);
        if (!acquire(limiter, limit)) {
            return false;
        }
        taken.add(limiter);
        return true;
    }

    private boolean acquire(RRateLimiter limiter, long limit) {
        // keys expire after two idle windows, so limiters of one-off addresses do not pile up in Redis
        limiter.trySetRate(RateType.OVERALL, limit, window, window.multipliedBy(2));
        try {
            return limiter.tryAcquire();
        } catch (RedisException e) {
            if (!String.valueOf(e.getMessage()).contains("not initialized")) {
                throw e;
            }
            // the idle limiter expired between the two calls: set it up again
            limiter.trySetRate(RateType.OVERALL, limit, window, window.multipliedBy(2));
            return limiter.tryAcquire();
        }
    }

    private void redisUnavailable(RuntimeException e) {
        connection.failed("login rate limits not applied", e);
    }

    /** The password was right: the attempt does not count against either budget. */
    public void succeeded(Attempt attempt) {
        try {
            attempt.permits.forEach(limiter -> limiter.release(1));
        } catch (RuntimeException e) {
            redisUnavailable(e);
        }
    }

    /** One login attempt: the permits it holds, or how long the client must wait. */
    public static final class Attempt {

        static final Attempt UNLIMITED = new Attempt(List.of(), null);

        private final List<RRateLimiter> permits;
        private final Duration refusedFor;

        Attempt(List<RRateLimiter> permits, Duration refusedFor) {
            this.permits = permits;
            this.refusedFor = refusedFor;
        }

        public boolean refused() {
            return refusedFor != null;
        }

        /** How long the client should wait: the whole window, the longest a permit stays taken. */
        public Duration retryAfter() {
            return refusedFor;
        }
    }
}
