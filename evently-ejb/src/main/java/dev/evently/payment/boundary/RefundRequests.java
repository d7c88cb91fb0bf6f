package dev.evently.payment.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.payment.control.PaymentProvider;
import dev.evently.payment.control.ProviderUnavailableException;
import dev.evently.payment.entity.Refund;

/**
 * Asks the provider for the refunds owed, every two seconds on every instance: each refund in a transaction of
 * its own, taken with {@code SKIP LOCKED} so that instances share the work. The refund's id is the provider's
 * idempotency key, so asking again after a crash or a timeout never refunds twice. While the provider is away,
 * each refund backs off (2 s doubling to 5 min) and waits in REQUESTED, visible to staff.
 */
@Stateless
public class RefundRequests {

    private static final Logger LOG = Logger.getLogger(RefundRequests.class.getName());
    private static final int BATCH = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentProvider provider;

    @Resource
    SessionContext context;

    Clock clock = Clock.systemUTC();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "refund requests")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendDue() {
        RefundRequests self = context.getBusinessObject(RefundRequests.class);
        int sent;
        try {
            do {
                sent = 0;
                for (int i = 0; i < BATCH; i++) {
                    Boolean done = self.sendNext();
                    if (done == null) {
                        return;
                    }
                    sent++;
                }
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            // never out of the timer: Payara expunges a timer whose timeout fails twice, and refunds would stop
            LOG.warning(() -> "refund requests: retried at the next tick: " + e);
        }
    }

    /**
     * Asks for the next refund due, in its own transaction: true when the provider took it, false when it could
     * not be asked (retried later), null when none is due.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Boolean sendNext() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("""
                        select id from refunds where status = 'REQUESTED' and next_attempt_at <= ?1
                        order by next_attempt_at, id limit 1 for update skip locked""")
                .setParameter(1, now)
                .getResultList();
        if (due.isEmpty()) {
            return null;
        }
        Refund refund = em.find(Refund.class, due.get(0).longValue());
        try {
            String reference = provider.refund(refund.getPayment().getProviderReference(), refund.getId(),
                    refund.getAmountCents(), refund.getCurrency());
            refund.accepted(reference);
            return true;
        } catch (ProviderUnavailableException e) {
            refund.notAccepted(e.getMessage(), now);
            LOG.warning(() -> "refund " + refund.getId() + " not yet requested (attempt " + refund.getAttempts()
                    + ", next at " + refund.getNextAttemptAt() + "): " + e.getMessage());
            return false;
        }
    }
}
