package dev.evently.booking.boundary;

import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Releases the seats of pending bookings whose hold ran out, every few seconds, in batches of one
 * transaction each. {@code FOR UPDATE SKIP LOCKED} lets every instance run it at once: each expires
 * different bookings, none waits for another.
 */
@Singleton
public class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());

    @EJB
    Bookings bookings;

    @Inject
    @ConfigProperty(name = "evently.booking.expiry-batch", defaultValue = "100")
    int batchSize;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "hold expiry")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        int total = 0;
        int expired;
        do {
            try {
                expired = bookings.expireDue(batchSize);
            } catch (RuntimeException e) {
                // e.g. a seat's lock not granted in time: the batch rolled back whole, the next tick takes it again
                LOG.warning(() -> "hold expiry batch rolled back, retried at the next tick: " + e);
                break;
            }
            total += expired;
        } while (expired == batchSize);
        if (total > 0) {
            int count = total;
            LOG.info(() -> "expired " + count + " pending bookings");
        }
    }
}
