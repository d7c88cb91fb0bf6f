package dev.evently.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

class RefusalsTest {

    @Test
    void theDomainsRefusalsArePlainSentences() {
        assertThat(Refusals.sentence(new ConflictException("stale-version", "event 3 is at version 2")))
                .startsWith("Someone changed this event since you opened it");
        assertThat(Refusals.sentence(new ConflictException("seats-sold", "1 are")))
                .startsWith("Seats of this event are already sold or held: its layout can no longer change");
        assertThat(Refusals.sentence(new ConflictException("event-cancelled", "x"))).contains("cancelled");
        assertThat(Refusals.sentence(new NotFoundException("event-not-found", "no event 9")))
                .isEqualTo("This event no longer exists.");
        assertThat(Refusals.sentence(new InvalidRequestException("startTime", "an event must start in the future")))
                .isEqualTo("The start must be in the future.");
        assertThat(Refusals.sentence(new InvalidRequestException("sections", "section 'A' appears twice")))
                .startsWith("The layout is not valid");
    }

    @Test
    void aVersionCheckFailingAtTheWriteIsStaleToo() {
        RuntimeException wrapped = new IllegalStateException(new OptimisticLockException("row changed"));
        assertThat(Refusals.sentence(wrapped)).isEqualTo(Refusals.STALE);
        assertThat(Refusals.sentence(new IllegalStateException("database away"))).isNull();
    }
}
