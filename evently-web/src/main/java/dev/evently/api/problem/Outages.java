package dev.evently.api.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means a part the request needs is away for now (the database restarting, its connections
 * broken, the pool unable to hand one out, a commit cut off), rather than a bug: answered 503 with
 * {@code Retry-After}, never 500. A retry is safe: a hold with the same Idempotency-Key replays, a checkout opened
 * already is the one answered.
 */
final class Outages {

    /** SQLSTATEs of PostgreSQL going away: admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /**
     * What the JDBC pool, Hibernate, the connector layer and the transaction manager (a commit its resource could
     * not complete) wrap such a failure in, known by name only.
     */
    private static final Set<String> WRAPPERS = Set.of("PoolingException", "JDBCConnectionException",
            "ResourceAllocationException", "ResourceException", "SystemException");

    private Outages() {
    }

    static boolean partAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || WRAPPERS.contains(t.getClass().getSimpleName())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
