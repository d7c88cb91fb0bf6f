package dev.evently.waitlist.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.entity.User;
import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.boundary.Cancellations;
import dev.evently.booking.entity.Booking;
import dev.evently.catalog.entity.Event;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.WaitlistJoined;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.control.Inbox;
import dev.evently.waitlist.entity.WaitlistEntry;
import dev.evently.waitlist.entity.WaitlistStatus;

/**
 * Joining and leaving waitlists, and turning released seats into offers. A person may join while the event
 * cannot sell them the seats they want right now (fewer seats available than wanted: sold out or nearly);
 * when seats come back, entries are served in join order, each by the first seats that fit its wish (an entry
 * wanting more than is free keeps its place, the next smaller wish may be served).
 */
@Stateless
public class Waitlists {

    static final String CONSUMER = "waitlist";

    @PersistenceContext
    EntityManager em;

    @EJB
    Bookings bookings;

    @EJB
    Cancellations cancellations;

    @Inject
    Inbox inbox;

    @Inject
    Announcements announcements;

    @Inject
    @ConfigProperty(name = "evently.waitlist.offer-time", defaultValue = "PT15M")
    Duration offerTime;

    Clock clock = Clock.systemUTC();

    public WaitlistEntryView join(long userId, long eventId, int seatsWanted) {
        Instant now = clock.instant();
        Event event = em.find(Event.class, eventId);
        if (event == null) {
            throw new NotFoundException("event-not-found", "no event " + eventId);
        }
        var entry = new WaitlistEntry(em.getReference(User.class, userId), event, seatsWanted, now);
        if (activeEntryOf(userId, eventId) != null) {
            throw alreadyWaiting(eventId);
        }
        long available = bookings.availableSeats(eventId);
        if (available >= seatsWanted) {
            throw new ConflictException("seats-available", available + " seats of this event are available: book them"
                    + " instead of joining the waitlist");
        }
        try {
            em.persist(entry);
            em.flush();
        } catch (PersistenceException e) {
            throw alreadyWaiting(eventId);  // the unique active entry per user and event, under a concurrent join
        }
        announcements.announce(DomainEvents.WAITLIST_JOINED, WaitlistJoined.of(entry, now), now);
        return view(entry);
    }

    public List<WaitlistEntryView> mine(long userId) {
        return em.createQuery("""
                        select e from WaitlistEntry e join fetch e.event where e.user.id = :user
                        order by e.joinedAt desc, e.id desc""", WaitlistEntry.class)
                .setParameter("user", userId)
                .setMaxResults(100)
                .getResultList()  // read to the end first: view() queries, and must not while this result set is open
                .stream()
                .map(this::view)
                .toList();
    }

    /**
     * Leaves the queue. An open offer is declined: its booking is cancelled, which releases the seats to the
     * next person (the booking is locked before the entry, as everywhere).
     */
    public void leave(long userId, long entryId) {
        WaitlistEntry entry = em.find(WaitlistEntry.class, entryId);
        if (entry == null || !entry.getUser().getId().equals(userId)) {
            throw new NotFoundException("waitlist-entry-not-found", "no waitlist entry " + entryId);
        }
        if (entry.getStatus() == WaitlistStatus.OFFERED) {
            cancellations.cancel(userId, false, entry.getOfferBooking().getId());
            return;
        }
        em.lock(entry, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(entry);
        if (entry.getStatus() == WaitlistStatus.OFFERED) {
            throw new ConflictException("waitlist-offer-arrived",
                    "an offer for this entry arrived just now; decline it by leaving again, or book it");
        }
        entry.leave();
    }

    /**
     * Offers the event's free seats (those just released first) to the waiting entries in join order, once
     * per message. Each offer is a booking ({@link Bookings#offer}) of seats nobody is locking right now.
     * Returns how many offers were made.
     */
    public int offerReleasedSeats(String messageId, long eventId, List<Long> releasedSeatIds) {
        if (!inbox.firstDelivery(CONSUMER, messageId)) {
            return 0;
        }
        Instant now = clock.instant();
        Event event = em.find(Event.class, eventId);
        if (event == null || !event.isOnSale(now)) {
            return 0;
        }
        List<WaitlistEntry> waiting = em.createQuery("""
                        select e from WaitlistEntry e where e.event.id = :event and e.status = :waiting
                        order by e.joinedAt, e.id""", WaitlistEntry.class)
                .setParameter("event", eventId)
                .setParameter("waiting", WaitlistStatus.WAITING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int offers = 0;
        // free seats only get fewer in this loop: once a wish of n did not fit, no wish of n or more will
        int didNotFit = Integer.MAX_VALUE;
        for (WaitlistEntry entry : waiting) {
            if (entry.getSeatsWanted() >= didNotFit) {
                continue;
            }
            Instant until = now.plus(offerTime);
            Booking booking = bookings.offer(entry.getUser().getId(), event, releasedSeatIds, entry.getSeatsWanted(),
                    until);
            if (booking == null) {
                didNotFit = entry.getSeatsWanted();
                if (didNotFit == 1) {
                    break;
                }
                continue;
            }
            entry.offer(booking, until);
            announcements.announce(DomainEvents.WAITLIST_OFFERED, WaitlistOffered.of(entry, booking, now), now);
            offers++;
        }
        return offers;
    }

    /** A cancelled event has no seats to offer: its waiting entries end. */
    public int eventCancelled(String messageId, long eventId) {
        if (!inbox.firstDelivery(CONSUMER, messageId)) {
            return 0;
        }
        List<WaitlistEntry> waiting = em.createQuery(
                        "select e from WaitlistEntry e where e.event.id = :event and e.status = :waiting", WaitlistEntry.class)
                .setParameter("event", eventId)
                .setParameter("waiting", WaitlistStatus.WAITING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        waiting.forEach(WaitlistEntry::expire);
        return waiting.size();
    }

    private WaitlistEntry activeEntryOf(long userId, long eventId) {
        return em.createQuery("""
                        select e from WaitlistEntry e where e.user.id = :user and e.event.id = :event
                        and e.status in :active""", WaitlistEntry.class)
                .setParameter("user", userId)
                .setParameter("event", eventId)
                .setParameter("active", List.of(WaitlistStatus.WAITING, WaitlistStatus.OFFERED))
                .getResultStream().findFirst().orElse(null);
    }

    private WaitlistEntryView view(WaitlistEntry entry) {
        Integer position = null;
        if (entry.getStatus() == WaitlistStatus.WAITING) {
            position = 1 + em.createQuery("""
                            select count(e) from WaitlistEntry e where e.event = :event and e.status = :waiting
                            and (e.joinedAt < :joined or (e.joinedAt = :joined and e.id < :id))""", Long.class)
                    .setParameter("event", entry.getEvent())
                    .setParameter("waiting", WaitlistStatus.WAITING)
                    .setParameter("joined", entry.getJoinedAt())
                    .setParameter("id", entry.getId())
                    .getSingleResult().intValue();
        }
        WaitlistEntryView.Offer offer = entry.getOfferBooking() == null ? null
                : new WaitlistEntryView.Offer(entry.getOfferBooking().getId(), entry.getOfferedUntil());
        return new WaitlistEntryView(entry.getId(), entry.getEvent().getId(), entry.getEvent().getName(),
                entry.getSeatsWanted(), entry.getStatus().name(), position, entry.getJoinedAt(), offer);
    }

    private static ConflictException alreadyWaiting(long eventId) {
        return new ConflictException("already-waiting", "you already have a place in the waitlist of event " + eventId);
    }
}
