package dev.evently.waitlist.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.waitlist.entity.WaitlistEntry;
import dev.evently.waitlist.entity.WaitlistStatus;

/**
 * Settles a waitlist entry when the booking its offer made ends, in the booking's transaction (an observer of
 * the booking's announcement): paid → CONVERTED, cancelled (declined) → LEFT, lapsed → EXPIRED. The booking is
 * locked first, then the entry, the same order everywhere.
 */
@ApplicationScoped
public class WaitlistOffers {

    @PersistenceContext
    EntityManager em;

    void settle(@Observes BookingChange offer) {
        if (!offer.waitlistOffer()) {
            return;
        }
        em.createQuery("select e from WaitlistEntry e where e.offerBooking.id = :booking and e.status = :offered",
                        WaitlistEntry.class)
                .setParameter("booking", offer.bookingId())
                .setParameter("offered", WaitlistStatus.OFFERED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(entry -> {
                    switch (offer.bookingStatus()) {
                        case CONFIRMED -> entry.convert();
                        case CANCELLED -> entry.leave();
                        case EXPIRED -> entry.expire();
                        default -> { }
                    }
                });
    }
}
