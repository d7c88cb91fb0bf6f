package dev.evently.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventFormTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-01-10T12:00:00Z"), VIENNA);

    @Test
    void timesAreTypedOnTheConsolesClock() {
        EventForm form = form("Jazz", "Hall", LocalDateTime.of(2027, 6, 1, 19, 30), LocalDateTime.of(2027, 6, 1, 22, 0));

        assertThat(form.problem(true, NOW)).isNull();
        EventFields fields = form.fields(null, VIENNA, "Floor 1×2 at 1.00");
        assertThat(fields.startTime()).isEqualTo(Instant.parse("2027-06-01T17:30:00Z"));
        assertThat(fields.endTime()).isEqualTo(Instant.parse("2027-06-01T20:00:00Z"));
        assertThat(fields.description()).as("a blank description is none").isNull();
    }

    @Test
    void aTimeLeftAloneKeepsItsSeconds() {
        Instant was = Instant.parse("2027-06-01T17:30:27Z");

        assertThat(EventForm.instant(LocalDateTime.of(2027, 6, 1, 19, 30), was, VIENNA)).isEqualTo(was);
        assertThat(EventForm.instant(LocalDateTime.of(2027, 6, 1, 19, 31), was, VIENNA))
                .isEqualTo(Instant.parse("2027-06-01T17:31:00Z"));
    }

    @Test
    void eachMistakeIsNamedInASentence() {
        LocalDateTime start = LocalDateTime.of(2027, 6, 1, 19, 30);
        assertThat(form(" ", "Hall", start, start.plusHours(2)).problem(true, NOW)).contains("needs a name");
        assertThat(form("n".repeat(201), "Hall", start, start.plusHours(2)).problem(true, NOW)).contains("needs a name");
        assertThat(form("Jazz", null, start, start.plusHours(2)).problem(true, NOW)).contains("needs a venue");
        assertThat(form("Jazz", "Hall", null, start).problem(true, NOW)).isEqualTo("The event needs a start and an end.");
        assertThat(form("Jazz", "Hall", start, start).problem(true, NOW)).isEqualTo("The end must be after the start.");
        LocalDateTime past = LocalDateTime.of(2027, 1, 1, 19, 30);
        assertThat(form("Jazz", "Hall", past, past.plusHours(2)).problem(true, NOW))
                .isEqualTo("The start must be in the future.");
        assertThat(form("Jazz", "Hall", past, past.plusHours(2)).problem(false, NOW))
                .as("an event already made is the catalogue's to judge").isNull();
        EventForm longText = form("Jazz", "Hall", start, start.plusHours(2));
        longText.setDescription("d".repeat(5001));
        assertThat(longText.problem(true, NOW)).contains("at most 5000 characters");
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

    private static EventForm form(String name, String venue, LocalDateTime start, LocalDateTime end) {
        EventForm form = new EventForm();
        form.setName(name);
        form.setVenue(venue);
        form.setStart(start);
        form.setEnd(end);
        return form;
    }
}
