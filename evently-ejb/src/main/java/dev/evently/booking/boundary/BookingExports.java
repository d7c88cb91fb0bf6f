package dev.evently.booking.boundary;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.evently.platform.control.CsvWriter;
import dev.evently.platform.errors.NotFoundException;

/**
 * An event's bookings and attendees as CSV ({@link CsvWriter}), for admins, streamed: each row goes to the writer
 * as the database hands it over, and nothing is collected, so 100,000 rows cost the memory of one fetch. Plain JDBC
 * rather than JPA (a persistence context would keep every row it read): in the method's transaction, with
 * auto-commit off, PostgreSQL's driver reads a forward-only result through a cursor, {@value #FETCH} rows a round
 * trip, where it would otherwise read the whole result into memory first. The writer is flushed every
 * {@value #FETCH} rows, so a client sees the file grow. Ticket codes are never exported: a code admits whoever
 * shows it.
 */
@Stateless
public class BookingExports {

    /** Rows per round trip to the database, and per flush to the client. */
    static final int FETCH = 500;

    /** The longest one round trip for rows may take (PostgreSQL's statement_timeout counts each fetch alone). */
    static final String ROUND_TRIP_LIMIT = "30s";

    static final String[] BOOKING_COLUMNS = {"booking id", "status", "customer email", "customer name", "seats",
            "seat count", "total", "currency", "created at", "paid at", "cancelled at"};

    static final String[] ATTENDEE_COLUMNS = {"ticket id", "seat", "section", "holder email", "holder name",
            "booking id", "ticket status", "checked in at"};

    /** Every booking of the event, oldest first; when it ended by cancellation, the refund it asked for dates it. */
    private static final String BOOKINGS = """
            select b.id, b.status, u.email, u.name, seats.labels, seats.n, b.total_cents, cast(b.currency as text),
                   b.created_at,
                   (select min(p.completed_at) from payments p
                    where p.booking_id = b.id and p.status = 'SUCCEEDED') as paid_at,
                   case when b.status in ('CANCELLED', 'REFUND_PENDING', 'REFUNDED') then coalesce(
                       (select min(r.created_at) from refunds r where r.booking_id = b.id), b.updated_at) end
            from bookings b join users u on u.id = b.user_id
            left join lateral (select string_agg(s.label, ', ' order by s.id) as labels, count(*) as n
                               from booking_seats bs join seats s on s.id = bs.seat_id
                               where bs.booking_id = b.id) seats on true
            where b.event_id = ?
            order by b.id""";

    /** Whoever may come in: the live tickets of confirmed bookings, the ones already in included. */
    private static final String ATTENDEES = """
            select t.id, s.label, s.section, u.email, u.name, b.id,
                   case when t.checked_in_at is null then 'VALID' else 'CHECKED_IN' end, t.checked_in_at
            from bookings b join tickets t on t.booking_id = b.id join seats s on s.id = t.seat_id
            join users u on u.id = b.user_id
            where b.event_id = ? and b.status = 'CONFIRMED' and t.status = 'VALID'
            order by t.id""";

    @Inject
    DataSource dataSource;

    /** Throws the event-not-found problem unless the event exists (in any status): before a response commits. */
    public void requireEvent(long eventId) {
        try (Connection connection = dataSource.getConnection()) {
            requireEvent(connection, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException("looking up event " + eventId + " failed", e);
        }
    }

    /**
     * One row per booking of the event: {@link #BOOKING_COLUMNS}. Amounts are decimals in the booking's currency,
     * times ISO-8601 in UTC.
     *
     * @throws IOException when the writer fails (the client went away): the export stops there
     */
    public void bookings(long eventId, Writer out) throws IOException {
        export(eventId, BOOKINGS, BOOKING_COLUMNS, out, (row, csv) -> csv.row(
                String.valueOf(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), String.valueOf(row.getLong(6)), CsvWriter.units(row.getLong(7)), row.getString(8),
                time(row, 9), time(row, 10), time(row, 11)));
    }

    /**
     * One row per ticket that admits someone (valid, or already checked in) of the event's confirmed bookings:
     * {@link #ATTENDEE_COLUMNS}. The holder is the booking's customer.
     *
     * @throws IOException when the writer fails (the client went away): the export stops there
     */
    public void attendees(long eventId, Writer out) throws IOException {
        export(eventId, ATTENDEES, ATTENDEE_COLUMNS, out, (row, csv) -> csv.row(
                String.valueOf(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), String.valueOf(row.getLong(6)), row.getString(7), time(row, 8)));
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(ResultSet row, CsvWriter csv) throws SQLException, IOException;
    }

    private void export(long eventId, String sql, String[] header, Writer out, RowWriter rows) throws IOException {
        // joined to the container's transaction, so auto-commit is off: PostgreSQL's driver reads through a cursor
        try (Connection connection = dataSource.getConnection()) {
            write(connection, eventId, sql, header, out, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("exporting event " + eventId + " failed", e);
        }
    }

    private void write(Connection connection, long eventId, String sql, String[] header, Writer out, RowWriter rows)
            throws SQLException, IOException {
        requireEvent(connection, eventId);
        try (Statement bound = connection.createStatement()) {
            // until the transaction ends, each round trip for rows must finish within this: a query gone wrong
            // (a plan for the wrong sizes) ends there, rather than working on after its client has left
            bound.execute("set local statement_timeout = '" + ROUND_TRIP_LIMIT + "'");
        }
        CsvWriter csv = new CsvWriter(out).header(header);
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH);
            statement.setLong(1, eventId);
            try (ResultSet row = statement.executeQuery()) {
                for (long n = 1; row.next(); n++) {
                    rows.write(row, csv);
                    if (n % FETCH == 0) {
                        csv.flush();
                    }
                }
            }
        }
        csv.flush();
    }

    private static void requireEvent(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement event = connection.prepareStatement("select 1 from events where id = ?")) {
            event.setLong(1, eventId);
            try (ResultSet found = event.executeQuery()) {
                if (!found.next()) {
                    throw new NotFoundException("event-not-found", "no event " + eventId);
                }
            }
        }
    }

    private static String time(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? "" : CsvWriter.time(at.toInstant());
    }
}
