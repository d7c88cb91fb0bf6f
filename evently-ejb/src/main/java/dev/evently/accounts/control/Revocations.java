package dev.evently.accounts.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.platform.control.RetainedRows;

/**
 * Access tokens that no longer count, known to every instance within a second without a round trip per request:
 * revocations are written to the database (in the transaction that logs out, changes a password or a role, or
 * catches a stolen refresh token), and each instance reads what is new four times a second into memory, where each
 * is kept only until the tokens it names would have expired anyway. A revocation names one token (its jti) or a
 * whole session (the sid every access token of one login carries). A row that expired names no token still valid;
 * it is purged after the retention beyond that.
 */
@ApplicationScoped
public class Revocations implements RetainedRows {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The longest an access token lives: how long a revocation must be remembered. */
    @Inject
    @ConfigProperty(name = "evently.jwt.ttl", defaultValue = "PT15M")
    Duration accessTtl;

    /** jti or session id → until when a token it names would have been valid. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile long seen;
    private ScheduledFuture<?> polling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // eager: revocations must be known from the first request on
    }

    @PostConstruct
    void poll() {
        polling = scheduler.scheduleWithFixedDelay(this::readNew, 0, 250, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Whether the token with this jti, of this session (either may be null), has been revoked. */
    public boolean revoked(String jti, String session) {
        return (jti != null && revoked.containsKey(jti)) || (session != null && revoked.containsKey(session));
    }

    /** Revokes one access token, in the caller's transaction. */
    public void revokeToken(long userId, String jti, Instant expiresAt) {
        em.createNativeQuery("insert into revocations (user_id, jti, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, userId)
                .setParameter(2, jti)
                .setParameter(3, expiresAt)
                .executeUpdate();
    }

    /** Revokes every access token of the session, in the caller's transaction. */
    public void revokeSession(long userId, UUID session, Instant now) {
        em.createNativeQuery("insert into revocations (user_id, session, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, userId)
                .setParameter(2, session)
                .setParameter(3, now.plus(accessTtl))
                .executeUpdate();
    }

    @Override
    public String what() {
        return "expired revocations";
    }

    /** Revocations that expired before {@code cutoff}. */
    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from revocations where id = any(array(
                            select id from revocations where expires_at < ?1
                            order by expires_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }

    private void readNew() {
        Instant now = Instant.now();
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("""
                     select id, coalesce(jti, session::text), expires_at from revocations
                     where id > ? and expires_at > ? order by id limit 10000""")) {
            select.setLong(1, seen);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen = rows.getLong(1);
                    revoked.put(rows.getString(2), rows.getTimestamp(3).toInstant());
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "revocations not read (retried in 250 ms): " + e);
        }
        revoked.values().removeIf(until -> until.isBefore(now));
    }
}
