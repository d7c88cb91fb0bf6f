package dev.evently.webhook.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.control.RetainedRows;
import dev.evently.platform.control.SqlValues;

/**
 * The SQL of the webhook tables, in the caller's transaction. Event types are stored as a text array, written and
 * read as one comma-separated string (type names have no commas), so that no array is bound as a parameter.
 * Settled deliveries (delivered or given up) are purged after the retention.
 */
@ApplicationScoped
public class WebhookStore implements RetainedRows {

    /** An endpoint as admins see it; never its secret. */
    public record Endpoint(long id, String url, List<String> eventTypes, boolean enabled, Instant createdAt,
                           Instant disabledAt, String disabledReason, Instant failingSince) {
    }

    /** One delivery's row, for the log. */
    public record Delivery(long id, long endpointId, String eventId, String eventType, String status, int attempts,
                           Instant nextAttemptAt, Instant firstAttemptedAt, Instant lastAttemptedAt,
                           Integer lastStatusCode, Long lastLatencyMs, String lastError, Instant createdAt,
                           Instant deliveredAt) {
    }

    /** A delivery a sender has taken, with what it needs to post it. */
    public record Claimed(long id, long endpointId, String url, String secret, String eventId, String eventType,
                          String payload, int attempts, Instant firstAttemptedAt) {
    }

    private static final String ENDPOINT_COLUMNS = """
            id, url, array_to_string(event_types, ','), enabled, created_at, disabled_at, disabled_reason,
            failing_since""";
    private static final String DELIVERY_COLUMNS = """
            id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, first_attempted_at,
            last_attempted_at, last_status_code, last_latency_ms, last_error, created_at, delivered_at""";

    @PersistenceContext
    EntityManager em;

    public long countEndpoints() {
        return ((Number) em.createNativeQuery("select count(*) from webhook_endpoints").getSingleResult()).longValue();
    }

    /** Serialises the makers of endpoints, so that two at once cannot both pass the cap. */
    public void lockEndpoints() {
        em.createNativeQuery("lock table webhook_endpoints in share row exclusive mode").executeUpdate();
    }

    public long insertEndpoint(String url, List<String> eventTypes, String secret, boolean enabled) {
        return ((Number) em.createNativeQuery("""
                        insert into webhook_endpoints (url, event_types, secret, enabled, disabled_at)
                        values (?1, string_to_array(?2, ','), ?3, ?4, case when ?4 then null else now() end)
                        returning id""")
                .setParameter(1, url)
                .setParameter(2, String.join(",", eventTypes))
                .setParameter(3, secret)
                .setParameter(4, enabled)
                .getSingleResult()).longValue();
    }

    /** Changes an endpoint; enabling it again clears why it was disabled and its failing time. */
    public boolean updateEndpoint(long id, String url, List<String> eventTypes, boolean enabled) {
        return em.createNativeQuery("""
                        update webhook_endpoints set url = ?2, event_types = string_to_array(?3, ','), enabled = ?4,
                            disabled_at = case when ?4 then null when enabled then now() else disabled_at end,
                            disabled_reason = case when ?4 then null when enabled then 'disabled by an admin'
                                                   else disabled_reason end,
                            failing_since = case when ?4 and not enabled then null else failing_since end
                        where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, url)
                .setParameter(3, String.join(",", eventTypes))
                .setParameter(4, enabled)
                .executeUpdate() == 1;
    }

    public boolean deleteEndpoint(long id) {
        return em.createNativeQuery("delete from webhook_endpoints where id = ?1").setParameter(1, id)
                .executeUpdate() == 1;
    }

    public Optional<Endpoint> endpoint(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ENDPOINT_COLUMNS + " from webhook_endpoints where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(WebhookStore::endpoint);
    }

    /** Every endpoint, oldest first (there are at most a few dozen). */
    public List<Endpoint> endpoints(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ENDPOINT_COLUMNS
                        + " from webhook_endpoints order by id limit ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(WebhookStore::endpoint).toList();
    }

    /**
     * Records a delivery of the event for every enabled endpoint that wants its type; one already recorded (a
     * redelivered message) is left as it is. Returns how many were recorded.
     */
    public int enqueue(String eventId, String eventType, String payload) {
        return em.createNativeQuery("""
                        insert into webhook_deliveries (endpoint_id, event_id, event_type, payload)
                        select id, ?1, ?2, ?3 from webhook_endpoints where enabled and ?2 = any(event_types)
                        order by id
                        on conflict (endpoint_id, event_id) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .setParameter(3, payload)
                .executeUpdate();
    }

    /** The event types some enabled endpoint wants. */
    public Set<String> wantedTypes() {
        @SuppressWarnings("unchecked")
        List<String> types = em.createNativeQuery(
                        "select distinct unnest(event_types) from webhook_endpoints where enabled", String.class)
                .getResultList();
        return Set.copyOf(types);
    }

    /** Whether any enabled endpoint wants events of this type. */
    public boolean anySubscriber(String eventType) {
        return !em.createNativeQuery("select 1 from webhook_endpoints where enabled and ?1 = any(event_types) limit 1")
                .setParameter(1, eventType)
                .getResultList().isEmpty();
    }

    /** An endpoint's deliveries, newest first, of one status or of all (null). */
    public List<Delivery> deliveries(long endpointId, String status, int limit) {
        var query = em.createNativeQuery("select " + DELIVERY_COLUMNS + " from webhook_deliveries where endpoint_id = ?1"
                        + (status == null ? "" : " and status = ?3") + " order by id desc limit ?2")
                .setParameter(1, endpointId)
                .setParameter(2, limit);
        if (status != null) {
            query.setParameter(3, status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(WebhookStore::delivery).toList();
    }

    public Optional<Delivery> delivery(long endpointId, long deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + DELIVERY_COLUMNS
                        + " from webhook_deliveries where endpoint_id = ?1 and id = ?2")
                .setParameter(1, endpointId)
                .setParameter(2, deliveryId)
                .getResultList();
        return rows.stream().findFirst().map(WebhookStore::delivery);
    }

    /**
     * Makes a delivery due now again, whatever became of it; its attempts are kept, and the give-up time counts
     * from now. It goes after a delivery the endpoint is being sent already and before the endpoint's later pending
     * ones (see {@link #claim}).
     */
    public boolean redeliver(long endpointId, long deliveryId, Instant now) {
        return em.createNativeQuery("""
                        update webhook_deliveries set status = 'PENDING', settled_at = null, delivered_at = null,
                            first_attempted_at = null, next_attempt_at = ?3
                        where endpoint_id = ?1 and id = ?2""")
                .setParameter(1, endpointId)
                .setParameter(2, deliveryId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    /**
     * Takes, for up to {@code limit} enabled endpoints not in {@code busy}, the head of its pending deliveries if it
     * is due, leasing it until {@code leaseUntil}: an endpoint's later deliveries wait until its head is settled, so
     * they arrive one at a time and in order. The head is the delivery already attempted, if there is one, else the
     * oldest: ids come from a sequence, so one recorded earlier may commit after a later one has been tried, and it
     * must not overtake the retries of the one the endpoint has already seen. A delivery in flight elsewhere is not
     * due (its lease), so two instances never post to one endpoint at once.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, List<Long> busy, int limit) {
        String busyIds = busy.isEmpty() ? "" : String.join(",", busy.stream().map(String::valueOf).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with heads as (
                            select distinct on (d.endpoint_id) d.id, d.next_attempt_at
                            from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                            where d.status = 'PENDING' and e.enabled
                              and d.endpoint_id <> all(cast(string_to_array(?3, ',') as bigint[]))
                            order by d.endpoint_id, d.first_attempted_at is null, d.id),
                        due as (
                            select d.id from webhook_deliveries d
                            where d.id = any(array(select id from heads where next_attempt_at <= ?1
                                                   order by next_attempt_at limit ?4))
                              and d.status = 'PENDING' and d.next_attempt_at <= ?1
                            for update of d skip locked)
                        update webhook_deliveries d set next_attempt_at = ?2, attempts = d.attempts + 1,
                            first_attempted_at = coalesce(d.first_attempted_at, ?1), last_attempted_at = ?1
                        from webhook_endpoints e
                        where d.id in (select id from due) and e.id = d.endpoint_id
                        returning d.id, d.endpoint_id, e.url, e.secret, d.event_id, d.event_type, d.payload,
                            d.attempts, d.first_attempted_at""")
                .setParameter(1, now)
                .setParameter(2, leaseUntil)
                .setParameter(3, busyIds)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> new Claimed(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                ((Number) row[7]).intValue(), SqlValues.instant(row[8]))).toList();
    }

    /** A 2xx answer: the delivery is settled, and its endpoint no longer failing. */
    public void delivered(long id, int statusCode, long latencyMs, Instant now) {
        em.createNativeQuery("""
                        update webhook_deliveries set status = 'DELIVERED', delivered_at = ?2, settled_at = ?2,
                            last_status_code = ?3, last_latency_ms = ?4, last_error = null
                        where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id)
                .setParameter(2, now)
                .setParameter(3, statusCode)
                .setParameter(4, latencyMs)
                .executeUpdate();
        em.createNativeQuery("""
                        update webhook_endpoints set failing_since = null
                        where id = (select endpoint_id from webhook_deliveries where id = ?1)""")
                .setParameter(1, id)
                .executeUpdate();
    }

    /**
     * Another answer than a 2xx, or none ({@code statusCode} 0): tried again at {@code retryAt}, or, when that is
     * null, given up (FAILED). The endpoint fails since now unless it already did; returns since when it fails.
     */
    public Instant failed(long id, int statusCode, long latencyMs, String error, Instant retryAt, Instant now) {
        String outcome = retryAt == null ? "status = 'FAILED', settled_at = ?5" : "next_attempt_at = ?5";
        em.createNativeQuery("update webhook_deliveries set last_status_code = nullif(?2, 0), last_latency_ms = ?3, "
                        + "last_error = left(?4, 500), " + outcome + " where id = ?1 and status = 'PENDING'")
                .setParameter(1, id)
                .setParameter(2, statusCode)
                .setParameter(3, latencyMs)
                .setParameter(4, error)
                .setParameter(5, retryAt == null ? now : retryAt)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> since = em.createNativeQuery("""
                        update webhook_endpoints set failing_since = coalesce(failing_since, ?2)
                        where id = (select endpoint_id from webhook_deliveries where id = ?1)
                        returning failing_since""")
                .setParameter(1, id)
                .setParameter(2, now)
                .getResultList();
        return since.isEmpty() ? now : SqlValues.instant(since.get(0));
    }

    /** Disables an endpoint that is still enabled; false if it was not (another instance did, an admin did). */
    public boolean disable(long endpointId, String reason, Instant now) {
        return em.createNativeQuery("""
                        update webhook_endpoints set enabled = false, disabled_at = ?2, disabled_reason = left(?3, 500)
                        where id = ?1 and enabled""")
                .setParameter(1, endpointId)
                .setParameter(2, now)
                .setParameter(3, reason)
                .executeUpdate() == 1;
    }

    /** The addresses of every admin, for the mail about a disabled endpoint. */
    public List<String> adminEmails(int limit) {
        @SuppressWarnings("unchecked")
        List<String> emails = em.createNativeQuery("select email from users where role = 'ADMIN' order by id limit ?1")
                .setParameter(1, limit)
                .getResultList();
        return emails;
    }

    @Override
    public String what() {
        return "delivered and failed webhook deliveries";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from webhook_deliveries where id = any(array(
                            select id from webhook_deliveries where settled_at < ?1
                            order by settled_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }

    private static Endpoint endpoint(Object[] row) {
        String types = (String) row[2];
        return new Endpoint(((Number) row[0]).longValue(), (String) row[1],
                types == null || types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), (Boolean) row[3],
                SqlValues.instant(row[4]), SqlValues.instant(row[5]), (String) row[6], SqlValues.instant(row[7]));
    }

    private static Delivery delivery(Object[] row) {
        return new Delivery(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                (String) row[3], (String) row[4], ((Number) row[5]).intValue(), SqlValues.instant(row[6]),
                SqlValues.instant(row[7]), SqlValues.instant(row[8]),
                row[9] == null ? null : ((Number) row[9]).intValue(), row[10] == null ? null : ((Number) row[10]).longValue(),
                (String) row[11], SqlValues.instant(row[12]), SqlValues.instant(row[13]));
    }
}
