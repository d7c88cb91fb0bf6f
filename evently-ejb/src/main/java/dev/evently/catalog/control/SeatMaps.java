package dev.evently.catalog.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.evently.booking.control.Seats;
import dev.evently.catalog.entity.EventStatus;
import dev.evently.catalog.entity.SeatStatus;

/**
 * Seat maps as UTF-8 JSON, built for the cache. During a rush every change makes the next reader rebuild the
 * map, so this is the catalogue's hottest load. A seat never changes its place, label or price: a new layout
 * replaces the seats, with new ids. So each instance keeps, per event, every seat's JSON up to its status
 * (the layout), and a rebuild reads only ids and statuses; the ids read show whether the layout kept is still
 * the event's, and when it is not, one full read makes both anew.
 */
@ApplicationScoped
public class SeatMaps {

    /** Layouts kept per instance: the events people are looking at; beyond this many they start afresh. */
    private static final int MAX_LAYOUTS = 32;
    private static final SeatStatus[] STATUSES = SeatStatus.values();
    private static final byte[][] STATUS_ENDS = Arrays.stream(STATUSES)
            .map(status -> (status.name() + "\"}").getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    @Inject
    DataSource dataSource;

    @Inject
    SeatChangeLog changes;

    private final Map<Long, Layout> layouts = new ConcurrentHashMap<>();

    /** Seat ids in id order and each seat's JSON from its opening brace to its status value, back to back. */
    private record Layout(long[] ids, int[] ends, byte[] heads) {

        boolean describes(Statuses statuses) {
            return statuses.count == ids.length && Arrays.equals(ids, 0, ids.length, statuses.ids, 0, statuses.count);
        }
    }

    /** Seat ids in id order with their statuses (ordinals of {@link SeatStatus}). */
    private static final class Statuses {
        long[] ids = new long[1024];
        byte[] codes = new byte[1024];
        int count;

        void add(long id, String status) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                codes = Arrays.copyOf(codes, count * 2);
            }
            ids[count] = id;
            codes[count++] = (byte) SeatStatus.valueOf(status).ordinal();
        }
    }

    /**
     * The seat map of a published (or past, or cancelled) event; empty when there is no such event. Its generation
     * is the seat change log's, read before the seats: every change after it is in the log after it (some before
     * it may be too), so a watcher that follows the changes from it misses none. Without it (Redis is away) the
     * map cannot be followed.
     */
    public byte[] json(long eventId) {
        try (Connection connection = dataSource.getConnection()) {
            if (!visible(connection, eventId)) {
                return new byte[0];
            }
            OptionalLong generation = changes.current(eventId);
            Layout layout = layouts.get(eventId);
            Statuses statuses = null;
            if (layout != null) {
                statuses = statuses(connection, eventId);
                if (!layout.describes(statuses)) {
                    layout = null;
                }
            }
            if (layout == null) {
                statuses = new Statuses();
                layout = layoutAndStatuses(connection, eventId, statuses);
                if (layouts.size() >= MAX_LAYOUTS) {
                    layouts.clear();
                }
                layouts.put(eventId, layout);
            }
            return write(eventId, generation, layout, statuses);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the seat map of event " + eventId + " failed", e);
        }
    }

    private static boolean visible(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement event = connection.prepareStatement("select status from events where id = ?")) {
            event.setLong(1, eventId);
            try (ResultSet row = event.executeQuery()) {
                return row.next() && !EventStatus.DRAFT.name().equals(row.getString(1));
            }
        }
    }

    private static Statuses statuses(Connection connection, long eventId) throws SQLException {
        Statuses statuses = new Statuses();
        Seats.readStatuses(connection, eventId, statuses::add);
        return statuses;
    }

    private static Layout layoutAndStatuses(Connection connection, long eventId, Statuses statuses)
            throws SQLException {
        LayoutWriter writer = new LayoutWriter(statuses);
        Seats.readLayout(connection, eventId, writer);
        return writer.layout();
    }

    /** Writes each seat's JSON up to its status, and notes where it ends and what the status is. */
    private static final class LayoutWriter implements Seats.SeatRow {
        private final Statuses statuses;
        private final JsonBytes heads = new JsonBytes(128 * 1024);
        private int[] ends = new int[1024];

        LayoutWriter(Statuses statuses) {
            this.statuses = statuses;
        }

        @Override
        public void accept(long id, String section, String row, int number, String label, long priceCents,
                           String status) {
            statuses.add(id, status);
            heads.ascii("{\"id\":").number(id)
                    .ascii(",\"section\":").string(section)
                    .ascii(",\"row\":").string(row)
                    .ascii(",\"number\":").number(number)
                    .ascii(",\"label\":").string(label)
                    .ascii(",\"priceCents\":").number(priceCents)
                    .ascii(",\"status\":\"");
            if (statuses.count > ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            ends[statuses.count - 1] = heads.size();
        }

        Layout layout() {
            return new Layout(Arrays.copyOf(statuses.ids, statuses.count), Arrays.copyOf(ends, statuses.count),
                    heads.toBytes());
        }
    }

    private static byte[] write(long eventId, OptionalLong generation, Layout layout, Statuses statuses) {
        long[] counts = new long[STATUSES.length];
        JsonBytes json = new JsonBytes(layout.heads().length + statuses.count * 16 + 200);
        json.ascii("{\"eventId\":").number(eventId);
        if (generation.isPresent()) {
            json.ascii(",\"generation\":").number(generation.getAsLong());
        }
        json.ascii(",\"seats\":[");
        int start = 0;
        for (int i = 0; i < statuses.count; i++) {
            byte code = statuses.codes[i];
            counts[code]++;
            if (i > 0) {
                json.ascii(",");
            }
            json.bytes(layout.heads(), start, layout.ends()[i] - start).bytes(STATUS_ENDS[code]);
            start = layout.ends()[i];
        }
        return json.ascii("],\"counts\":{\"total\":").number(statuses.count)
                .ascii(",\"available\":").number(counts[SeatStatus.AVAILABLE.ordinal()])
                .ascii(",\"held\":").number(counts[SeatStatus.HELD.ordinal()])
                .ascii(",\"booked\":").number(counts[SeatStatus.BOOKED.ordinal()])
                .ascii("}}").toBytes();
    }
}
