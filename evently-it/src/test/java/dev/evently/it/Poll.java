package dev.evently.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a guessed time. */
final class Poll {

    private Poll() {
    }

    static <T> T until(Duration timeout, String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
