package dev.evently.outbox.boundary;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.outbox.entity.OutboxMessage;
import dev.evently.outbox.event.DomainEventType;

/**
 * How a component announces what happened, in the transaction that made it happen: the domain event goes to the
 * outbox (published to the broker's topic once the transaction commits, for the consumers and other systems)
 * and, at once, to the CDI observers of its payload inside this server. An observer that must change state with
 * the change observes during the transaction ({@code @Observes}); one that only refreshes derived state (a cache)
 * observes after it committed ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}). Observers of every
 * kind of announcement at once observe {@link Announced}, which names the type as well.
 * <p>
 * Joins the caller's transaction: the boundaries that announce have begun it.
 */
@ApplicationScoped
public class Announcements {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Record> observers;

    @Inject
    Event<Announced> everyKind;

    public <P extends Record> void announce(DomainEventType<P> type, P payload, Instant now) {
        em.persist(OutboxMessage.of(type, payload, now));
        observers.fire(payload);
        everyKind.fire(new Announced(type, payload));
    }
}
