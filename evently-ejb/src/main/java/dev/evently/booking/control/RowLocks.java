package dev.evently.booking.control;

import java.util.function.Supplier;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.LockContention;

/**
 * Row locks as booking takes them: a lock not granted within the pool's lock timeout is a 409 the client may
 * retry (the transaction rolls back), not a server error. The lock timeout is the connection pool's
 * (lock_timeout in its options, server-config/domain/evently.asadmin): every transaction has it without a
 * round trip of its own.
 */
public final class RowLocks {

    /** The problem type of a lock not granted in time. */
    public static final String SEATS_BUSY = "seats-busy";

    private RowLocks() {
    }

    public static <T> T granted(Supplier<T> lock) {
        try {
            return lock.get();
        } catch (PessimisticLockException | LockTimeoutException e) {
            if (LockContention.deadlock(e)) {
                throw e;  // ordered locking rules deadlocks out: one goes to the log as the bug it is
            }
            throw new ConflictException(SEATS_BUSY,
                    "Others are booking or changing the same seats right now; try again in a moment.");
        }
    }
}
