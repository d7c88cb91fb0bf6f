package dev.evently.platform.errors;

import java.sql.SQLException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * A row (or advisory) lock not granted within the transaction's lock_timeout, or a deadlock victim: the whole
 * transaction rolled back, nothing changed, and the same request may well succeed a moment later. Told apart by
 * the persistence exceptions or by PostgreSQL's SQLSTATE, so that the API's answer (409 seats-busy), booking's
 * row locks and the count of lock timeouts on /metrics read a failure alike.
 */
public final class LockContention {

    /** PostgreSQL's SQLSTATE for a lock wait past lock_timeout. */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** PostgreSQL's SQLSTATE for the victim of a deadlock. */
    static final String DEADLOCK = "40P01";

    private LockContention() {
    }

    /** Whether this throwable itself, not its causes, says a lock was not granted. */
    public static boolean is(Throwable t) {
        return t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof SQLException sql
                && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()));
    }

    /** Whether the throwable or any of its causes says a lock was not granted. */
    public static boolean anywhereIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (is(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL chose this transaction as a deadlock's victim. Locks are taken in one order everywhere,
     * so a deadlock is a bug to log, not a busy moment.
     */
    public static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
