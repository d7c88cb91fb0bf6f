package dev.evently.waitlist.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.entity.Booking;
import dev.evently.waitlist.entity.WaitlistEntry;
import dev.evently.waitlist.entity.WaitlistStatus;

/**
 * Settles a waitlist entry when the booking its offer made ends, in the booking's transaction: paid →
 * CONVERTED, cancelled (declined) → LEFT, lapsed → EXPIRED. The booking is locked first, then the entry,
 * the same order everywhere.
 */
@ApplicationScoped
public class WaitlistOffers {

    @PersistenceContext
    EntityManager em;

    public void settle(Booking offer) {
        if (!offer.isWaitlistOffer()) {
            return;
        }
        em.createQuery("select e from WaitlistEntry e where e.offerBooking = :booking and e.status = :offered",
                        WaitlistEntry.class)
                .setParameter("booking", offer)
                .setParameter("offered", WaitlistStatus.OFFERED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(entry -> {
                    switch (offer.getStatus()) {
                        case CONFIRMED -> entry.convert();
                        case CANCELLED -> entry.leave();
                        case EXPIRED -> entry.expire();
                        default -> { }
                    }
                });
    }
}
