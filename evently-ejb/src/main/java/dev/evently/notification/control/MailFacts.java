package dev.evently.notification.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import dev.evently.notification.control.MailTexts.EventFacts;
import dev.evently.notification.control.MailTexts.Recipient;
import dev.evently.notification.control.MailTexts.SeatLine;

/**
 * What a set of mails names — their recipients, events, seats and the tickets of confirmed bookings — read with one
 * query for each kind, whatever the number of mails. Only the columns the words need are read, as values: no
 * entity joins the caller's persistence context, so nothing is checked for changes when its transaction commits.
 */
public final class MailFacts {

    /** The ids to read, gathered from the events that owe mails. */
    public static final class Wanted {
        final List<Long> users = new ArrayList<>();
        final List<Long> events = new ArrayList<>();
        final List<Long> seats = new ArrayList<>();
        final List<Long> ticketsOfBookings = new ArrayList<>();

        public Wanted user(long id) {
            users.add(id);
            return this;
        }

        public Wanted event(long id) {
            events.add(id);
            return this;
        }

        public Wanted seats(Collection<Long> ids) {
            seats.addAll(ids);
            return this;
        }

        public Wanted ticketsOf(long bookingId) {
            ticketsOfBookings.add(bookingId);
            return this;
        }
    }

    private final Map<Long, Recipient> users;
    private final Map<Long, EventFacts> events;
    private final Map<Long, SeatLine> seats;
    private final Map<Long, List<SeatLine>> tickets = new HashMap<>();

    private MailFacts(EntityManager em, Wanted wanted) {
        users = byId(em, "select u.id, u.email, u.name from User u where u.id in :ids", wanted.users,
                row -> new Recipient((String) row[1], (String) row[2]));
        events = byId(em, "select e.id, e.name, e.venue, e.startTime from Event e where e.id in :ids", wanted.events,
                row -> new EventFacts((String) row[1], (String) row[2], (Instant) row[3]));
        seats = byId(em, "select s.id, s.label, s.priceCents from Seat s where s.id in :ids", wanted.seats,
                row -> new SeatLine((String) row[1], (Long) row[2]));
        if (!wanted.ticketsOfBookings.isEmpty()) {
            em.createQuery("""
                            select t.booking.id, t.id, s.label, s.priceCents from Ticket t join t.seat s
                            where t.booking.id in :ids order by s.id""", Object[].class)
                    .setParameter("ids", wanted.ticketsOfBookings)
                    .getResultList()
                    .forEach(row -> tickets.computeIfAbsent((Long) row[0], booking -> new ArrayList<>())
                            .add(new SeatLine((String) row[2], (Long) row[3], (Long) row[1])));
        }
    }

    /** Reads everything {@code wanted} names, in the caller's transaction. */
    public static MailFacts read(EntityManager em, Wanted wanted) {
        return new MailFacts(em, wanted);
    }

    /** @throws IllegalArgumentException when there is no such user */
    public Recipient recipient(long userId) {
        return found(users.get(userId), "user", userId);
    }

    /** @throws IllegalArgumentException when there is no such event */
    public EventFacts event(long eventId) {
        return found(events.get(eventId), "event", eventId);
    }

    /** The seats in the order of their ids. @throws IllegalArgumentException when one does not exist */
    public List<SeatLine> seats(List<Long> ids) {
        return ids.stream().sorted().map(id -> found(seats.get(id), "seat", id)).toList();
    }

    /** The tickets of a booking by seat, each with its seat; empty for a booking with none. */
    public List<SeatLine> tickets(long bookingId) {
        return tickets.getOrDefault(bookingId, List.of());
    }

    private static <T> Map<Long, T> byId(EntityManager em, String query, List<Long> ids, Function<Object[], T> value) {
        Map<Long, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(query, Object[].class)
                    .setParameter("ids", ids.stream().distinct().toList())
                    .getResultList()
                    .forEach(row -> found.put((Long) row[0], value.apply(row)));
        }
        return found;
    }

    private static <T> T found(T value, String what, long id) {
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " " + id);
        }
        return value;
    }
}
