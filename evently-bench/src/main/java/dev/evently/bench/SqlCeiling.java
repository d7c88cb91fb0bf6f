package dev.evently.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import dev.evently.system.Fixtures;

/**
 * What the database alone can do: the booking work of the flash sale — lock the chosen seats in id order,
 * check they are free, book them, insert the booking, its seats and its tickets — as ONE statement, one round
 * trip and one commit per booking, from as many connections as the flash sale has buyers. Workers share one
 * exact view of what is sold, so they collide only when they race for the same seats at the same moment.
 * Runs rounds on copies of a sold-out event's seat map until enough time has been measured.
 */
final class SqlCeiling {

    private static final String BOOK = """
            with locked as (
                select id, price_cents from seats
                where id = any(?) and event_id = ? and status = 'AVAILABLE'
                order by id for update),
            chosen as (select count(*) as n, coalesce(sum(price_cents), 0) as total from locked),
            booking as (
                insert into bookings (user_id, event_id, status, total_cents, expires_at, payment_reference)
                select ?, ?, 'CONFIRMED', total, now() + interval '10 minutes', 'ceiling' from chosen where n = ?
                returning id),
            sold as (
                update seats set status = 'BOOKED', booking_id = booking.id, version = version + 1
                from booking where seats.id in (select id from locked)
                returning seats.id as seat_id, booking.id as booking_id),
            kept as (insert into booking_seats (booking_id, seat_id) select booking_id, seat_id from sold),
            issued as (
                insert into tickets (booking_id, seat_id, code, status)
                select booking_id, seat_id, 'CEILING-' || booking_id || '-' || seat_id, 'VALID' from sold)
            select count(*) from sold""";

    final Series bookings = new Series("ceiling booking");
    final LongAdder seatsSold = new LongAdder();
    final LongAdder booked = new LongAdder();
    final List<Long> events = new ArrayList<>();
    final int workers;
    private final long templateEventId;
    private final List<Long> userIds;
    private double measuredSeconds;

    SqlCeiling(int workers, long templateEventId, List<Long> userIds) {
        this.workers = workers;
        this.templateEventId = templateEventId;
        this.userIds = List.copyOf(userIds);
    }

    double seconds() {
        return Math.max(0.001, measuredSeconds);
    }

    /** Rounds until at least the given seconds were measured, or maxRounds. */
    SqlCeiling run(double minSeconds, int maxRounds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int i = 0; i < workers; i++) {
                connections.add(Fixtures.connect());
            }
            for (int round = 0; round < maxRounds && measuredSeconds < minSeconds; round++) {
                long eventId = copyOfTemplate();
                events.add(eventId);
                SeatView view = new SeatView(SeatView.SeatMap.of(availableSeats(eventId), 0, 0));
                long offset = Math.round(measuredSeconds * 1000);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                long[] began = new long[1];
                for (Connection connection : connections) {
                    done.add(pool.submit(() -> {
                        start.await();
                        sell(connection, eventId, view, began[0], offset);
                        return null;
                    }));
                }
                began[0] = System.currentTimeMillis();
                start.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                measuredSeconds += (System.currentTimeMillis() - began[0]) / 1000.0;
                System.out.printf("    ceiling round %d: event %d sold, %.1f s measured so far%n", round + 1, eventId,
                        measuredSeconds);
            }
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
        return this;
    }

    private void sell(Connection connection, long eventId, SeatView view, long began, long offset) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (PreparedStatement book = connection.prepareStatement(BOOK)) {
            while (true) {
                List<Long> chosen = view.choose(random);
                if (chosen.isEmpty()) {
                    return;
                }
                Array ids = connection.createArrayOf("bigint", chosen.toArray());
                book.setArray(1, ids);
                book.setLong(2, eventId);
                book.setLong(3, userIds.get(random.nextInt(userIds.size())));
                book.setLong(4, eventId);
                book.setInt(5, chosen.size());
                long t0 = System.nanoTime();
                long start = System.currentTimeMillis();
                long sold;
                try (ResultSet result = book.executeQuery()) {
                    result.next();
                    sold = result.getLong(1);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                bookings.record(start - began + offset, millis, sold > 0 ? 200 : 409);
                if (sold > 0) {
                    booked.increment();
                    seatsSold.add(sold);
                }
                view.taken(chosen);
            }
        }
    }

    private long copyOfTemplate() {
        Map<String, Object> event = Fixtures.row("""
                insert into events (name, description, venue, start_time, end_time, status, total_capacity)
                select 'Bench SQL ceiling ' || gen_random_uuid(), description, venue, start_time, end_time, 'DRAFT',
                       total_capacity
                from events where id = ? returning id""", templateEventId);
        long eventId = ((Number) event.get("id")).longValue();
        Fixtures.update("""
                insert into seats (event_id, section, row_label, number, label, price_cents, status)
                select ?, section, row_label, number, label, price_cents, 'AVAILABLE'
                from seats where event_id = ? order by id""", eventId, templateEventId);
        return eventId;
    }

    private static List<SeatView.Seat> availableSeats(long eventId) throws SQLException {
        List<SeatView.Seat> seats = new ArrayList<>();
        try (Connection connection = Fixtures.connect();
             PreparedStatement query = connection.prepareStatement("""
                     select id, section, row_label, number, price_cents from seats
                     where event_id = ? and status = 'AVAILABLE' order by id""")) {
            query.setLong(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seats.add(new SeatView.Seat(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getLong(5)));
                }
            }
        }
        return seats;
    }
}
