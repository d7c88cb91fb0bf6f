package dev.evently.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The system tests' helpers, opened to the benchmark: accounts with signed tokens ({@link Tokens}), published
 * events ({@link Rushes}), the seat and money audits in one SQL snapshot each ({@link SalesAudit},
 * {@link MoneyAudit}) and PostgreSQL's deadlock
 * counter ({@link Database}). Same environment as the tests: EVENTLY_TEST_DB_*, EVENTLY_JWT_PRIVATE_KEY_LOCATION.
 */
public final class Fixtures {

    /** A user of the stack and a bearer token for them. */
    public record Buyer(long id, String token) {
    }

    /** What the audit found: the one figure the bench prints, and every invariant that failed. */
    public record Audit(long seats, long booked, long held, long seatsSoldTwice, List<String> violations) {
    }

    private Fixtures() {
    }

    public static List<Buyer> buyers(int count) {
        return Tokens.newUsers(count).stream().map(a -> new Buyer(a.id(), a.token())).toList();
    }

    /** A published event with sections given as (name, rows, seats per row, price in cents). */
    public static long publishedEvent(String prefix, List<Object[]> sections) {
        return Rushes.publishedEvent(prefix, sections.stream()
                .map(s -> Catalog.section((String) s[0], (Integer) s[1], (Integer) s[2], ((Number) s[3]).longValue()))
                .toList());
    }

    /** The seat audit; with {@code money}, the money audit too (a sale through the payment provider). */
    public static Audit audit(long eventId, boolean money) {
        SalesAudit audit = SalesAudit.of(eventId);
        List<String> violations = new java.util.ArrayList<>();
        try {
            audit.assertNothingOversold(audit.capacity());
        } catch (AssertionError e) {
            violations.add(e.getMessage());
        }
        if (money) {
            try {
                MoneyAudit.of(eventId).assertMoneyAddsUp(false);
            } catch (AssertionError e) {
                violations.add(e.getMessage());
            }
        }
        return new Audit(audit.capacity(), audit.booked(), audit.held(), audit.seatsSoldTwice(), violations);
    }

    public static long deadlocks() {
        return Database.deadlocks();
    }

    /** Deadlocks counted once PostgreSQL has published the statistics of everything up to lastActivity. */
    public static long deadlocksAfter(Instant lastActivity) throws InterruptedException {
        return Database.deadlocksAfter(lastActivity);
    }

    public static Map<String, Object> row(String sql, Object... parameters) {
        return Database.row(sql, parameters);
    }

    public static int update(String sql, Object... parameters) {
        return Database.update(sql, parameters);
    }

    /** A connection of its own to the stack's database, for the raw-SQL ceiling. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("EVENTLY_TEST_DB_URL"), System.getenv("EVENTLY_TEST_DB_USER"),
                System.getenv("EVENTLY_TEST_DB_PASSWORD"));
    }
}
