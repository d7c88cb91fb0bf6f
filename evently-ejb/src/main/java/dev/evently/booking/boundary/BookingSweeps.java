package dev.evently.booking.boundary;

import java.util.function.IntUnaryOperator;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The work bookings leave for later, done every few seconds in batches of one transaction each (each batch
 * REQUIRES_NEW: with the timer's own NOT_SUPPORTED alone, Payara ran all the batches of a tick in one transaction,
 * 2,000 cancellations and three minutes long): holds that ran
 * out are expired, and the bookings of cancelled events are cancelled (a 10,000-ticket event is not one giant
 * transaction, and what a restart interrupted is simply taken up at the next tick). {@code FOR UPDATE SKIP
 * LOCKED} lets every instance sweep at once: each takes different bookings, none waits for another.
 */
@Singleton
public class BookingSweeps {

    private static final Logger LOG = Logger.getLogger(BookingSweeps.class.getName());

    @EJB
    Bookings bookings;

    @EJB
    Cancellations cancellations;

    @Inject
    @ConfigProperty(name = "evently.booking.expiry-batch", defaultValue = "100")
    int expiryBatch;

    /**
     * Small: each cancelled booking is announced, owes refunds and has its tickets voided, and every query of that
     * flushes the whole persistence context of the batch first. 100 to a batch took a minute of CPU; 10, a second.
     */
    @Inject
    @ConfigProperty(name = "evently.booking.event-cancellation-batch", defaultValue = "10")
    int cancellationBatch;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "hold expiry")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expireHolds() {
        drain("expired", "pending bookings", expiryBatch, bookings::expireDue);
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "cancelled events' bookings")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void cancelBookingsOfCancelledEvents() {
        drain("cancelled", "bookings of cancelled events", cancellationBatch, cancellations::ofCancelledEvents);
    }

    private static void drain(String done, String what, int batch, IntUnaryOperator step) {
        int total = 0;
        int count;
        do {
            try {
                count = step.applyAsInt(batch);
            } catch (RuntimeException e) {
                // e.g. a seat's lock not granted in time: the batch rolled back whole, the next tick takes it again
                LOG.warning(() -> what + ": a batch rolled back, retried at the next tick: " + e);
                break;
            }
            total += count;
        } while (count == batch);
        if (total > 0) {
            int sum = total;
            LOG.info(() -> done + " " + sum + " " + what);
        }
    }
}
