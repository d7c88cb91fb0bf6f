package dev.evently.accounts.boundary;

import java.time.Duration;

import dev.evently.platform.errors.BusinessException;

/** Too many failed logins for an account or from a client address within the rate-limit window. */
public class TooManyLoginAttemptsException extends BusinessException {

    private final Duration retryAfter;

    public TooManyLoginAttemptsException(Duration retryAfter) {
        super("too-many-requests", 429,
                "Too many login attempts. Try again in " + seconds(retryAfter) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
