package dev.evently.accounts.boundary;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import dev.evently.accounts.control.LoginThrottle;
import dev.evently.accounts.control.PasswordHashing;
import dev.evently.accounts.control.TokenIssuer;
import dev.evently.accounts.entity.Role;
import dev.evently.accounts.entity.User;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

/** Accounts' use cases: register, log in for a bearer token, look an account up. */
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
     * answer after the same work. Failed attempts are rate limited per account and per client address.
     */
    public AccessToken login(String email, String password, String clientAddress) {
        String normalized = User.normalizeEmail(email);
        LoginThrottle.Attempt attempt = throttle.attempt(normalized, clientAddress);
        if (attempt.refused()) {
            throw new TooManyLoginAttemptsException(attempt.retryAfter());
        }
        Optional<User> user = byEmail(normalized);
        boolean valid = user.isPresent()
                ? hashing.matches(password, user.get().getPasswordHash())
                : hashing.matchesNoAccount(password);
        if (!valid) {
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        return new AccessToken(tokens.issue(user.get(), Instant.now()), tokens.ttl());
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("user-not-found", "No user with id " + id + ".");
        }
        return user;
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
