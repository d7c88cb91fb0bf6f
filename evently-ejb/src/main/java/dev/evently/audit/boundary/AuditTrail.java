package dev.evently.audit.boundary;

import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import dev.evently.audit.control.AuditRecords;

/**
 * The audit log's use cases: recording an action for the record's own sake, and the admins' search. A boundary
 * whose action should only be recorded when it commits records through {@link AuditRecords} in its own
 * transaction instead.
 */
@Stateless
public class AuditTrail {

    @Inject
    AuditRecords records;

    /**
     * Records an action in a transaction of its own, committed whatever becomes of the caller's: a refusal, a
     * failed attempt or an action already committed elsewhere is on record even when the caller then fails.
     *
     * @see AuditRecords#record
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Actor actor, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        records.record(actor, action, subject, before, after);
    }

    /** Newest first, at most {@link AuditQuery#MOST}; only reads. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEntry> search(AuditQuery query) {
        return records.search(query == null ? AuditQuery.containing(null) : query);
    }
}
