package dev.evently.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    @Test
    void anUpdateRecordsOnlyTheFieldsItChanged() {
        Instant start = Instant.parse("2027-06-01T19:00:00Z");
        EventFields before = new EventFields("Jazz", null, "Hall", start, start.plusSeconds(3600), "Floor 1×2 at 1.00");
        EventFields after = new EventFields("Jazz night", null, "Hall", start, start.plusSeconds(7200),
                "Floor 1×2 at 1.00");

        List<Map<String, Object>> changes = EventFields.changes(before, after);

        assertThat(changes.get(0)).containsOnlyKeys("name", "endTime").containsEntry("name", "Jazz");
        assertThat(changes.get(1)).containsOnlyKeys("name", "endTime").containsEntry("name", "Jazz night");
        assertThat(EventFields.changes(before, before).get(1)).isEmpty();
    }
}
