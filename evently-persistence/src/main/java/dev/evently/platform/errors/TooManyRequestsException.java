package dev.evently.platform.errors;

import java.time.Duration;

/** A limit was reached: 429, nothing was changed, and {@link #retryAfter()} says when to come back. */
public class TooManyRequestsException extends BusinessException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super("too-many-requests", 429, what + ". Try again in " + seconds(retryAfter) + " seconds.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one: the value of a Retry-After header. */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
