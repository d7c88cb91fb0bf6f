package dev.evently.notification.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.evently.platform.control.RetainedRows;
import dev.evently.platform.control.SqlValues;

/**
 * The mail outbox: mails owed, recorded in the transaction of what owed them, and their sending state. Every method
 * works in the caller's transaction. A sender takes a few mails at a time with a lease ({@link #claim}): for as long as
 * it lasts no other sender (another instance, the next tick) takes them, so a mail that went out but whose
 * {@link #sent} mark could not be written (the database away) is not sent again while the sender retries the mark
 * ({@link #unmarked}). Sent and failed mails are purged after the retention.
 */
@ApplicationScoped
public class MailQueue implements RetainedRows {

    /** A mail being sent: its row and the Message-ID part it keeps across attempts. */
    public record Queued(long id, String messageId, Mail mail, int attempts) {
    }

    /** The mails still to send and when the oldest of them was recorded (null when none waits). */
    public record Backlog(long pending, Instant oldestSince) {
    }

    /** Mails recorded by one insert: 5 parameters each. */
    static final int ROWS_PER_INSERT = 1_000;

    @PersistenceContext
    EntityManager em;

    /**
     * Mails that went out but are not yet marked sent, by id; retried before anything new is taken. Bounded by
     * the senders: each holds at most one claim of mails at a time.
     */
    private final Set<Long> unmarked = ConcurrentHashMap.newKeySet();

    /** A mail owed and what owed it: a domain event's id, or another cause (a resend). */
    public record Owed(Mail mail, String cause) {
    }

    /** Records a mail owed because of {@code cause} (a domain event's id), to be sent once this commits. */
    public void add(Mail mail, String cause) {
        addAll(List.of(new Owed(mail, cause)));
    }

    /**
     * Records the mails owed, to be sent once this commits: one statement for up to {@value #ROWS_PER_INSERT} of them
     * (a statement takes at most 65,535 parameters, whatever size of outbox batch owes the mails).
     */
    public void addAll(List<Owed> owed) {
        for (int from = 0; from < owed.size(); from += ROWS_PER_INSERT) {
            insert(owed.subList(from, Math.min(owed.size(), from + ROWS_PER_INSERT)));
        }
    }

    private void insert(List<Owed> owed) {
        StringBuilder sql = new StringBuilder(
                "insert into outgoing_mails (cause, message_id, recipient, subject, body) values ");
        for (int i = 0; i < owed.size(); i++) {
            int p = 5 * i;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                    .append(", ?").append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < owed.size(); i++) {
            Owed mail = owed.get(i);
            int p = 5 * i;
            insert.setParameter(p + 1, mail.cause())
                    .setParameter(p + 2, UUID.randomUUID().toString())
                    .setParameter(p + 3, mail.mail().to())
                    .setParameter(p + 4, mail.mail().subject())
                    .setParameter(p + 5, mail.mail().body());
        }
        insert.executeUpdate();
    }

    /** Whether a mail is due: a sender connects to the mail server only then. */
    public boolean anyDue(Instant now) {
        return !em.createNativeQuery("""
                        select 1 from outgoing_mails where status = 'PENDING' and next_attempt_at <= ?1 limit 1""")
                .setParameter(1, now)
                .getResultList().isEmpty();
    }

    /**
     * Takes up to {@code limit} mails due, oldest first, leasing them until {@code now + lease}; empty when none is
     * due. Rows another sender holds are skipped, not waited for.
     */
    public List<Queued> claim(Instant now, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update outgoing_mails set next_attempt_at = ?2, attempts = attempts + 1
                        where id = any(array(select id from outgoing_mails
                                             where status = 'PENDING' and next_attempt_at <= ?1
                                             order by next_attempt_at, id limit ?3 for update skip locked))
                        returning id, message_id, recipient, subject, body, attempts""")
                .setParameter(1, now)
                .setParameter(2, now.plus(lease))
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Queued(((Number) row[0]).longValue(), (String) row[1],
                        new Mail((String) row[2], (String) row[3], (String) row[4]), ((Number) row[5]).intValue()))
                .sorted(Comparator.comparingLong(Queued::id))
                .toList();
    }

    /** Marks mails sent. */
    public void sent(Collection<Long> ids, Instant now) {
        em.createNativeQuery("""
                        update outgoing_mails set status = 'SENT', settled_at = ?2, last_error = null
                        where id = any(?1)""")
                .setParameter(1, ids.toArray(Long[]::new))
                .setParameter(2, now)
                .executeUpdate();
    }

    /**
     * Gives back claimed mails that were not tried (the connection broke before their turn): due again at once,
     * the claim not counted as an attempt.
     */
    public void release(Collection<Long> ids, Instant now) {
        em.createNativeQuery("""
                        update outgoing_mails set next_attempt_at = ?2, attempts = attempts - 1
                        where id = any(?1) and status = 'PENDING'""")
                .setParameter(1, ids.toArray(Long[]::new))
                .setParameter(2, now)
                .executeUpdate();
    }

    /** A mail the server refused this time: tried again at {@code retryAt}. */
    public void retryLater(long id, String error, Instant retryAt) {
        em.createNativeQuery("update outgoing_mails set last_error = left(?2, 500), next_attempt_at = ?3 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, error)
                .setParameter(3, retryAt)
                .executeUpdate();
    }

    /** A mail the server refused at every attempt: not tried again, kept for operators until the retention. */
    public void failed(long id, String error, Instant now) {
        em.createNativeQuery("""
                        update outgoing_mails set status = 'FAILED', settled_at = ?3, last_error = left(?2, 500)
                        where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, error)
                .setParameter(3, now)
                .executeUpdate();
    }

    /** The mails that went out and are not yet marked sent: mark these before sending more. */
    public Set<Long> unmarked() {
        return unmarked;
    }

    public Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery(
                        "select count(*), min(created_at) from outgoing_mails where status = 'PENDING'")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), SqlValues.instant(row[1]));
    }

    @Override
    public String what() {
        return "sent and failed mails";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from outgoing_mails where id = any(array(
                            select id from outgoing_mails where settled_at < ?1
                            order by settled_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
