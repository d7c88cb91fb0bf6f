package dev.evently.accounts.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

    @Test
    void anEmailIsStoredTrimmedAndLowerCased() {
        User user = new User("  Ada.Lovelace@Example.ORG ", "hash", " Ada ", Role.USER, NOW);

        assertThat(user.getEmail()).isEqualTo("ada.lovelace@example.org");
        assertThat(user.getName()).isEqualTo("Ada");
    }

    @Test
    void lowerCasingDoesNotDependOnTheServerLocale() {
        // in a Turkish locale "I".toLowerCase() is a dotless ı: the same address would not match itself
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(User.normalizeEmail("INFO@EXAMPLE.ORG")).isEqualTo("info@example.org");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void onlyAdminsAreAdmins() {
        assertThat(new User("a@example.org", "hash", "A", Role.ADMIN, NOW).isAdmin()).isTrue();
        assertThat(new User("u@example.org", "hash", "U", Role.USER, NOW).isAdmin()).isFalse();
    }
}
