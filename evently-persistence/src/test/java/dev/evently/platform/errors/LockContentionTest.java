package dev.evently.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class LockContentionTest {

    @Test
    void aLockTimeoutIsContentionWhereverItSitsInTheChain() {
        SQLException timeout = new SQLException("canceling statement due to lock timeout", "55P03");
        PersistenceException wrapped = new PersistenceException(new RuntimeException(timeout));

        assertThat(LockContention.is(wrapped)).isFalse();
        assertThat(LockContention.anywhereIn(wrapped)).isTrue();
        assertThat(LockContention.anywhereIn(new LockTimeoutException("not granted"))).isTrue();
        assertThat(LockContention.deadlock(wrapped)).isFalse();
    }

    @Test
    void aDeadlockVictimIsContentionAndADeadlock() {
        PersistenceException victim = new PersistenceException(new SQLException("deadlock detected", "40P01"));

        assertThat(LockContention.anywhereIn(victim)).isTrue();
        assertThat(LockContention.deadlock(victim)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        PersistenceException unique = new PersistenceException(new SQLException("duplicate key", "23505"));

        assertThat(LockContention.anywhereIn(unique)).isFalse();
        assertThat(LockContention.anywhereIn(new IllegalStateException())).isFalse();
    }
}
