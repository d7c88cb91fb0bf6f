package dev.evently.accounts.boundary;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import dev.evently.accounts.control.LoginThrottle;
import dev.evently.accounts.control.PasswordHashing;
import dev.evently.accounts.control.Revocations;
import dev.evently.accounts.control.Sessions;
import dev.evently.accounts.control.TokenIssuer;
import dev.evently.accounts.entity.Role;
import dev.evently.accounts.entity.User;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

/** Accounts' use cases: register, log in for a bearer token, look an account up (by id or email). */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    Revocations revocations;

    /** A new USER account; the email is stored trimmed and lower-cased. Admins are never self-registered. */
    public User register(String email, String password, String name) {
        String normalized = User.normalizeEmail(email);
        // Registrations of one address take turns (on every instance) until commit, so the check below sees
        // a competitor's row instead of the insert failing on the unique index - whose error the JDBC driver
        // reports, logged by Hibernate, with every value of the row, password hash included.
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) as registration")
                .setParameter(1, "evently.users:" + normalized)
                .getSingleResult();
        if (byEmail(normalized).isPresent()) {
            throw emailTaken();
        }
        User user = new User(normalized, hashing.hash(password), name, Role.USER, Instant.now());
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the unique index stays the backstop, e.g. against the first admin's insert
            if (isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
        return user;
    }

    /**
     * A token for the account, if the password is right. An unknown email and a wrong password get the same
     * answer after the same work. Failed attempts are limited ({@link LoginThrottle}).
     */
    public AccessToken login(String email, String password, String clientAddress) {
        String normalized = User.normalizeEmail(email);
        throttle.admit(normalized, clientAddress);
        Optional<User> user = byEmail(normalized);
        boolean valid = user.isPresent()
                ? hashing.matches(password, user.get().getPasswordHash())
                : hashing.matchesNoAccount(password);
        if (!valid) {
            throttle.failed(normalized, clientAddress);
            throw new InvalidCredentialsException();
        }
        Instant now = Instant.now();
        return tokensFor(user.get(), sessions.open(user.get().getId(), now), now);
    }

    /** New tokens for a refresh token, which is used up; 401 for one unknown, expired, revoked or used before. */
    public AccessToken refresh(String refreshToken) {
        Instant now = Instant.now();
        Sessions.Refresh next = sessions.rotate(refreshToken, now);
        if (next == null) {
            throw new InvalidRefreshTokenException();
        }
        return tokensFor(find(next.userId()), next, now);
    }

    /**
     * Ends the caller's session (the one its access token belongs to), and the refresh token's if another, on
     * every instance within a second.
     */
    public void logout(long userId, String jti, String session, Instant accessExpiresAt, String refreshToken) {
        Instant now = Instant.now();
        if (refreshToken != null) {
            sessions.close(refreshToken, userId, now);
        }
        if (session != null) {
            sessions.end(userId, UUID.fromString(session), now);
        } else if (jti != null) {
            revocations.revokeToken(userId, jti, accessExpiresAt);
        }
    }

    /** A new password, given the current one; every session of the account ends. */
    public void changePassword(long userId, String currentPassword, String newPassword) {
        User user = find(userId);
        if (!hashing.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidCredentialsException();
        }
        user.changePasswordHash(hashing.hash(newPassword));
        sessions.endAll(userId, Instant.now());
    }

    /** An admin gives a user another role; every session of the user ends, so the new role counts at once. */
    public User assignRole(long userId, Role role) {
        User user = find(userId);
        user.changeRole(role);
        sessions.endAll(userId, Instant.now());
        return user;
    }

    /** Every account with a staff role (not USER), by email: at most {@code limit}. */
    public List<User> staff(int limit) {
        return em.createQuery("select u from User u where u.role <> :user order by lower(u.email)", User.class)
                .setParameter("user", Role.USER)
                .setMaxResults(limit)
                .getResultList();
    }

    private AccessToken tokensFor(User user, Sessions.Refresh refresh, Instant now) {
        return new AccessToken(tokens.issue(user, refresh.session(), now), tokens.ttl(), refresh.token(),
                refresh.expiresIn());
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("user-not-found", "No user with id " + id + ".");
        }
        return user;
    }

    /**
     * The account an email names, however it is spelt: for a caller that has just logged in with the email (the
     * staff console) and needs the id, name and role that a bearer token would otherwise carry.
     */
    public User findByEmail(String email) {
        return byEmail(User.normalizeEmail(email))
                .orElseThrow(() -> new NotFoundException("user-not-found", "No user with this email."));
    }

    private Optional<User> byEmail(String normalizedEmail) {
        // lower(email) is what the unique index covers
        return em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst();
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email-taken", "An account with this email exists already.");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
