package dev.evently.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.evently.accounts.entity.Role;
import dev.evently.accounts.entity.User;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatLayout;
import dev.evently.catalog.entity.SeatLayout.Section;

/** The schema migrated at deployment and the entities agree with it, inside container transactions. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.evently(PersistenceIT.class);
    }

    @Inject
    Transactions tx;

    @Test
    void schemaIsMigratedAtDeployment() {
        List<?> rows = tx.run(em -> em.createNativeQuery(
                "select version from flyway_schema_history where success order by installed_rank").getResultList());
        assertTrue(rows.containsAll(List.of("1", "2")), "migrations applied: " + rows);
        Number failed = tx.run(em -> (Number) em.createNativeQuery(
                "select count(*) from flyway_schema_history where not success").getSingleResult());
        assertEquals(0, failed.intValue());
    }

    @Test
    void eventWithItsSeatMapRoundTrips() {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        Long eventId = tx.run(em -> {
            Event event = new Event("Round trip " + UUID.randomUUID(), "A test concert", "Hall 1",
                    start, start.plus(3, ChronoUnit.HOURS), Instant.now());
            em.persist(event);
            event.layOutSeats(new SeatLayout(List.of(
                    new Section("Floor", 3, 10, 5_000),
                    new Section("Balcony", 2, 8, 2_500)))).forEach(em::persist);
            return event.getId();
        });

        Event loaded = tx.run(em -> em.find(Event.class, eventId));
        assertEquals(46, loaded.getTotalCapacity());
        assertEquals(start, loaded.getStartTime());
        List<Seat> seats = tx.run(em -> em.createQuery(
                        "select s from Seat s where s.event.id = :id order by s.id", Seat.class)
                .setParameter("id", eventId).getResultList());
        assertEquals(46, seats.size());
        assertEquals(30 * 5_000 + 16 * 2_500, seats.stream().mapToLong(Seat::getPriceCents).sum());
        assertTrue(seats.stream().allMatch(Seat::isAvailable));
    }

    @Test
    void databaseRefusesASecondLiveTicketForOneSeat() {
        Long[] ids = tx.run(em -> {
            Instant now = Instant.now();
            User buyer = new User("buyer-" + UUID.randomUUID() + "@example.org", "not-a-real-hash", "Buyer", Role.USER, now);
            em.persist(buyer);
            Event event = new Event("Backstop " + UUID.randomUUID(), "", "Hall 2",
                    now.plus(10, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), now);
            em.persist(event);
            List<Seat> seats = event.layOutSeats(new SeatLayout(List.of(new Section("Floor", 1, 2, 1_000))));
            seats.forEach(em::persist);
            event.publish();
            Booking booking = Booking.hold(buyer, event, List.of(seats.get(0)), now, now.plus(10, ChronoUnit.MINUTES));
            em.persist(booking);
            booking.confirm("pay-1", now);
            seats.get(0).book();
            em.persist(Ticket.issue(booking, seats.get(0), "code-" + UUID.randomUUID(), now));
            return new Long[] {booking.getId(), seats.get(0).getId()};
        });

        EJBException refused = assertThrows(EJBException.class, () -> tx.run(em -> {
            Booking booking = em.find(Booking.class, ids[0]);
            Seat seat = em.find(Seat.class, ids[1]);
            em.persist(Ticket.issue(booking, seat, "code-" + UUID.randomUUID(), Instant.now()));
            em.flush();
            return null;
        }));
        assertTrue(causes(refused).contains("tickets_live_seat_key"),
                "refused by the unique index: " + causes(refused));
        Number live = tx.run(em -> (Number) em.createNativeQuery(
                "select count(*) from tickets where seat_id = ?1 and status = 'VALID'")
                .setParameter(1, ids[1]).getSingleResult());
        assertEquals(1, live.intValue());
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
