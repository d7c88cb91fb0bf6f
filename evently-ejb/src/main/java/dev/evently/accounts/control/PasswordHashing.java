package dev.evently.accounts.control;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP's 2023 floor for that hash), 32-byte salt. The
 * parameters travel inside each stored hash, so raising them later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A hash of a password nobody knows, to check against when the account does not exist. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether the password is the one hashed; a stored value that is no hash (an account without one) never matches. */
    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), storedHash);
        } catch (IllegalArgumentException notAHash) {
            return matchesNoAccount(password);
        }
    }

    /**
     * Spends the time of {@link #matches} on a login for an unknown account, so the response time does not
     * tell whether an address has an account. Never matches.
     */
    public boolean matchesNoAccount(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}
