package dev.evently.accounts.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP's 2023 floor for that hash), 32-byte salt, 64-byte key. The
 * parameters travel inside each stored hash, {@code algorithm:iterations:salt:key} (salt and key in Base64), so
 * raising them later keeps old hashes verifiable. That is the format of Jakarta Security's
 * {@code Pbkdf2PasswordHash}, which hashed the accounts made before; ours, because a container installs that bean
 * only for an application that uses its login mechanisms, and the API has none.
 */
@ApplicationScoped
public class PasswordHashing {

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 64;
    /** Far above anything we store; a stored hash asking for more is no hash of ours. */
    private static final int MAX_ITERATIONS = 10_000_000;
    /** The algorithms Jakarta Security's hashes may name. */
    private static final Set<String> ALGORITHMS = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");

    private final SecureRandom random = new SecureRandom();

    /** A hash of a password nobody knows, to check against when the account does not exist. */
    private final String decoy = hash(UUID.randomUUID().toString());

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return ALGORITHM + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(pbkdf2(ALGORITHM, password, salt, ITERATIONS, KEY_BYTES));
    }

    /** Whether the password is the one hashed; a stored value that is no hash (an account without one) never matches. */
    public boolean matches(String password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        String[] parts = storedHash.split(":");
        byte[] salt;
        byte[] key;
        int iterations;
        try {
            if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
                throw new IllegalArgumentException("not a PBKDF2 hash");
            }
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || key.length == 0) {
                throw new IllegalArgumentException("PBKDF2 parameters out of range");
            }
        } catch (IllegalArgumentException notAHash) {
            return matchesNoAccount(password);
        }
        return MessageDigest.isEqual(pbkdf2(parts[0], password, salt, iterations, key.length), key);
    }

    /**
     * Spends the time of {@link #matches} on a login for an unknown account, so the response time does not
     * tell whether an address has an account. Never matches.
     */
    public boolean matchesNoAccount(String password) {
        matches(password, decoy);
        return false;
    }

    private static byte[] pbkdf2(String algorithm, String password, byte[] salt, int iterations, int keyBytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash with " + algorithm, e);
        }
    }
}
