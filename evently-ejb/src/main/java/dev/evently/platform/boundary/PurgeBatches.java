package dev.evently.platform.boundary;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import dev.evently.platform.control.RetainedRows;

/**
 * One purge batch, one transaction: with the timer's own NOT_SUPPORTED alone, Payara ran all the batches of a tick
 * in one transaction (see {@code BookingSweeps}), and the locks of every row purged would be held until its end.
 */
@Stateless
public class PurgeBatches {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(RetainedRows rows, Instant cutoff, int limit) {
        return rows.purge(cutoff, limit);
    }
}
