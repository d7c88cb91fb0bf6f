package dev.evently.accounts.control;

import static dev.evently.platform.control.SqlValues.instant;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.platform.control.RetainedRows;
import dev.evently.platform.hashing.Hashes;

/**
 * Refresh tokens, the long half of a session: random, kept only as their SHA-256, each used once and replaced by
 * the next of its family (one login's chain, whose id the access tokens carry as their session). Presenting a used
 * one again means it leaked: the whole family is revoked, the thief's and the owner's copies alike, access tokens
 * included. Joins the caller's transaction. A token is refused once it has expired, used or not; it is purged after
 * the retention beyond that.
 */
@ApplicationScoped
public class Sessions implements RetainedRows {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "evently.jwt.refresh-ttl", defaultValue = "P14D")
    Duration ttl;

    @Inject
    Revocations revocations;

    /** A refresh token, the user it is for and the session (family) it renews. */
    public record Refresh(String token, long userId, UUID session, Duration expiresIn) {
    }

    /** The first refresh token of a new session (a login). */
    public Refresh open(long userId, Instant now) {
        return issue(userId, UUID.randomUUID(), now);
    }

    /**
     * Uses a refresh token up and gives the next of its family; null when it is unknown, expired or revoked, and
     * for a token used before, whose whole family is revoked on the spot.
     */
    public Refresh rotate(String token, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                        select id, user_id, family, expires_at, used_at, revoked_at from refresh_tokens
                        where token_hash = ?1 for update""")
                .setParameter(1, Hashes.sha256Hex(token))
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] row = found.get(0);
        long userId = ((Number) row[1]).longValue();
        UUID family = (UUID) row[2];
        if (row[5] != null || instant(row[3]).isBefore(now)) {
            return null;
        }
        if (row[4] != null) {
            end(userId, family, now);  // a used token again: whoever holds the family, it ends here
            return null;
        }
        em.createNativeQuery("update refresh_tokens set used_at = ?1 where id = ?2")
                .setParameter(1, now)
                .setParameter(2, ((Number) row[0]).longValue())
                .executeUpdate();
        return issue(userId, family, now);
    }

    /** Ends the session the refresh token belongs to, if it is the user's; false when it is not theirs. */
    public boolean close(String token, long userId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> family = em.createNativeQuery("select family from refresh_tokens where token_hash = ?1 and user_id = ?2")
                .setParameter(1, Hashes.sha256Hex(token))
                .setParameter(2, userId)
                .getResultList();
        family.forEach(f -> end(userId, (UUID) f, now));
        return !family.isEmpty();
    }

    /** Ends one session of the user: its refresh tokens and, on every instance, its access tokens. */
    public void end(long userId, UUID session, Instant now) {
        em.createNativeQuery("update refresh_tokens set revoked_at = ?1 where family = ?2 and revoked_at is null")
                .setParameter(1, now)
                .setParameter(2, session)
                .executeUpdate();
        revocations.revokeSession(userId, session, now);
    }

    /** Ends every session of the user that could still be in use (a new password, a new role). */
    public void endAll(long userId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> live = em.createNativeQuery("""
                        select distinct family from refresh_tokens
                        where user_id = ?1 and revoked_at is null and expires_at > ?2""")
                .setParameter(1, userId)
                .setParameter(2, now)
                .getResultList();
        live.forEach(family -> end(userId, (UUID) family, now));
    }

    @Override
    public String what() {
        return "expired refresh tokens";
    }

    /** Tokens that expired before {@code cutoff}. */
    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from refresh_tokens where id = any(array(
                            select id from refresh_tokens where expires_at < ?1
                            order by expires_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }

    private Refresh issue(long userId, UUID family, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.createNativeQuery("""
                        insert into refresh_tokens (user_id, family, token_hash, created_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, userId)
                .setParameter(2, family)
                .setParameter(3, Hashes.sha256Hex(token))
                .setParameter(4, now)
                .setParameter(5, now.plus(ttl))
                .executeUpdate();
        return new Refresh(token, userId, family, ttl);
    }
}
