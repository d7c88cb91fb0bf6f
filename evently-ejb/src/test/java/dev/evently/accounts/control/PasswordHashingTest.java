package dev.evently.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hashing.hash("correct horse");

        assertThat(hash).startsWith("PBKDF2WithHmacSHA512:210000:");
        assertThat(hashing.matches("correct horse", hash)).isTrue();
        assertThat(hashing.matches("correct horsE", hash)).isFalse();
        assertThat(hashing.hash("correct horse")).isNotEqualTo(hash);  // a salt of its own
    }

    /** Made by another implementation (Python's hashlib) in the format Jakarta Security's hashes were stored in. */
    @Test
    void aHashInJakartaSecuritysFormatStillMatches() {
        String stored = "PBKDF2WithHmacSHA256:1000:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
                + "Z9E+pkdhhD7XikB9ZtCvDdt0XzBx7kc3CPyJJQpk0m4=";

        assertThat(hashing.matches("correct horse", stored)).isTrue();
        assertThat(hashing.matches("correct horse!", stored)).isFalse();
    }

    @Test
    void whatIsNoHashNeverMatches() {
        assertThat(hashing.matches("x", null)).isFalse();
        assertThat(hashing.matches("x", "")).isFalse();
        assertThat(hashing.matches("x", "x")).isFalse();
        assertThat(hashing.matches("x", "MD5:1000:AAEC:AAEC")).isFalse();
        assertThat(hashing.matches("x", "PBKDF2WithHmacSHA256:0:AAEC:AAEC")).isFalse();
        assertThat(hashing.matches("x", "PBKDF2WithHmacSHA256:99999999999:AAEC:AAEC")).isFalse();
        assertThat(hashing.matches("x", "PBKDF2WithHmacSHA256:1000:%%%:AAEC")).isFalse();
        assertThat(hashing.matchesNoAccount("x")).isFalse();
    }
}
