package dev.evently.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SQL against the stack's database: checks of invariants no API shows directly, and test accounts
 * ({@link Tokens}). Everything else goes through HTTP.
 */
final class Database {

    /**
     * PostgreSQL counts a deadlock in the backend that detected it and publishes its counters at most once a
     * second while busy, or 10 s (PGSTAT_IDLE_INTERVAL) after it went idle. Past this horizon after the last
     * transaction of a run, {@code pg_stat_database} shows all of that run's deadlocks.
     */
    static final Duration STATS_FLUSH_HORIZON = Duration.ofMillis(10_500);

    private Database() {
    }

    static long count(String sql, Object... parameters) {
        Object value = row(sql, parameters).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** For what only time would do otherwise, such as letting a hold run out now. */
    static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs the work in one read-only REPEATABLE READ transaction: every query sees the same snapshot. */
    static <T> T snapshot(SqlWork<T> work) {
        try (Connection connection = connect()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the row locks of {@code lockSql} in a transaction of its own, runs {@code whileLocked} while they
     * are held, then rolls that transaction back.
     */
    static <T> T whileLocking(String lockSql, Supplier<T> whileLocked, Object... parameters) {
        try (Held held = hold(lockSql, parameters)) {
            return whileLocked.get();
        }
    }

    /**
     * Runs {@code lockSql} in a transaction of its own and keeps it open, with the locks it took, until the
     * answer is closed (rolled back): for locks that must overlap without nesting.
     */
    static Held hold(String lockSql, Object... parameters) {
        try {
            Connection connection = connect();
            try {
                connection.setAutoCommit(false);
                rows(connection, lockSql, parameters);
                return new Held(connection, lockSql);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(lockSql, e);
        }
    }

    /** An open transaction holding locks; closing it rolls it back. */
    record Held(Connection connection, String lockSql) implements AutoCloseable {
        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(lockSql, e);
            }
        }
    }

    static List<Map<String, Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet results = statement.executeQuery()) {
                ResultSetMetaData meta = results.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (results.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), results.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        Object value = rows(connection, sql, parameters).get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Deadlocks PostgreSQL has detected in this database since its statistics were last reset. */
    static long deadlocks() {
        return count("select deadlocks from pg_stat_database where datname = current_database()");
    }

    /**
     * Deadlocks counted once every backend has published what it did up to {@code lastActivity}: waits
     * out what is left of {@link #STATS_FLUSH_HORIZON}, the statistics' own publication delay.
     */
    static long deadlocksAfter(Instant lastActivity) throws InterruptedException {
        long wait = Duration.between(Instant.now(), lastActivity.plus(STATS_FLUSH_HORIZON)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return deadlocks();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Connections given back, for the next query: each new one costs a password exchange (SCRAM). */
    private static final java.util.concurrent.BlockingQueue<Connection> IDLE = new java.util.concurrent.LinkedBlockingQueue<>(8);

    /** A connection whose close() gives it back for reuse, reset to auto-commit and read-write. */
    private static Connection connect() throws SQLException {
        Connection connection;
        do {
            connection = IDLE.poll();
        } while (connection != null && !connection.isValid(2));
        Connection real = connection != null ? connection : DriverManager.getConnection(env("EVENTLY_TEST_DB_URL"),
                env("EVENTLY_TEST_DB_USER"), System.getenv("EVENTLY_TEST_DB_PASSWORD"));
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        giveBack(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void giveBack(Connection connection) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException broken) {
            connection.close();
            return;
        }
        if (!IDLE.offer(connection)) {
            connection.close();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the tests through ./evently test");
        }
        return value;
    }
}
