package dev.evently.booking.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.metrics.SalesMetrics.HoldOutcome;

class HoldOutcomesTest {

    @Test
    void refusalsAreToldApartByWhatTheClientIsTold() {
        assertThat(HoldOutcomes.outcomeOf(new SeatsUnavailableException(List.of(7L)))).isEqualTo(HoldOutcome.CONFLICT);
        assertThat(HoldOutcomes.outcomeOf(new ConflictException("hold-limit-reached", "ten at most")))
                .isEqualTo(HoldOutcome.LIMIT);
        assertThat(HoldOutcomes.outcomeOf(new ConflictException("seats-busy", "try again")))
                .isEqualTo(HoldOutcome.LOCK_TIMEOUT);
        assertThat(HoldOutcomes.outcomeOf(new ConflictException("event-not-on-sale", "not yet")))
                .isEqualTo(HoldOutcome.REFUSED);
        assertThat(HoldOutcomes.outcomeOf(new NotFoundException("event-not-found", "none")))
                .isEqualTo(HoldOutcome.REFUSED);
    }

    @Test
    void aLockTimeoutOutsideTheRowLocksIsOneToo() {
        // e.g. the advisory lock that serialises one user's holds of an event
        PersistenceException timeout = new PersistenceException(new SQLException("lock timeout", "55P03"));

        assertThat(HoldOutcomes.outcomeOf(timeout)).isEqualTo(HoldOutcome.LOCK_TIMEOUT);
        assertThat(HoldOutcomes.outcomeOf(new IllegalStateException("bug"))).isEqualTo(HoldOutcome.ERROR);
    }
}
