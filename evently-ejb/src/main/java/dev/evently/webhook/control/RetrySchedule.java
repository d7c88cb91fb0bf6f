package dev.evently.webhook.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: {@code firstRetry} after the first attempt, doubling with every attempt, at
 * most {@code maxPause} apart, until {@code giveUpAfter} has passed since the first attempt; then it is given up.
 * An endpoint that has failed for {@code giveUpAfter} is disabled.
 */
public record RetrySchedule(Duration firstRetry, Duration maxPause, Duration giveUpAfter) {

    public static final Duration MAX_PAUSE = Duration.ofHours(1);

    /**
     * When to try again after {@code attempts} attempts, the first made at {@code firstAttempt}; null when the
     * delivery is to be given up (that time would be past the give-up time).
     */
    public Instant retryAt(int attempts, Instant firstAttempt, Instant now) {
        Instant giveUp = firstAttempt.plus(giveUpAfter);
        if (!now.isBefore(giveUp)) {
            return null;
        }
        Instant next = now.plus(pause(attempts));
        return next.isAfter(giveUp) ? giveUp : next;
    }

    /** The pause after the {@code attempts}-th attempt: firstRetry, doubling, at most maxPause. */
    public Duration pause(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        Duration pause = firstRetry;
        for (int i = 0; i < doublings && pause.compareTo(maxPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    /** Whether an endpoint failing since {@code failingSince} has failed long enough to be disabled. */
    public boolean disables(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(giveUpAfter));
    }
}
