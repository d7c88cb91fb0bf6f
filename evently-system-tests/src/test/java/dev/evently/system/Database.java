package dev.evently.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQL against the stack's database, for invariants no API shows directly. */
final class Database {

    private Database() {
    }

    /** The first column of the first row, as a number. */
    static long count(String sql, Object... parameters) {
        return run(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** For what only time would do otherwise, such as letting a hold run out now. */
    static int update(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
    }

    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(String sql, Object[] parameters, Work<T> work) {
        try (Connection connection = DriverManager.getConnection(env("EVENTLY_TEST_DB_URL"),
                env("EVENTLY_TEST_DB_USER"), System.getenv("EVENTLY_TEST_DB_PASSWORD"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return work.on(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
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
