package dev.evently.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditRecordsTest {

    @Test
    void theTextIsFoundAnywhereAsTyped() {
        assertThat(AuditRecords.containing("  door@evently.local ")).isEqualTo("%door@evently.local%");
        assertThat(AuditRecords.containing("Ticket.Checked-In")).as("ILIKE ignores case itself")
                .isEqualTo("%Ticket.Checked-In%");
    }

    @Test
    void wildcardsAndTheEscapeAreMatchedAsThemselves() {
        assertThat(AuditRecords.containing("100%")).isEqualTo("%100\\%%");
        assertThat(AuditRecords.containing("first_name")).isEqualTo("%first\\_name%");
        assertThat(AuditRecords.containing("a\\b")).isEqualTo("%a\\\\b%");
        assertThat(AuditRecords.containing("\\%_")).isEqualTo("%\\\\\\%\\_%");
    }

    @Test
    void noTextNoCondition() {
        assertThat(AuditRecords.containing(null)).isNull();
        assertThat(AuditRecords.containing("")).isNull();
        assertThat(AuditRecords.containing("   ")).isNull();
    }

    @Test
    void theFactsBecomeAJsonObjectAndNoFactsNone() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event", "Harbour \"Nights\"");
        facts.put("seat", "Floor A-1");
        facts.put("checkedInAt", Instant.parse("2026-01-15T18:45:30Z"));

        assertThat(AuditRecords.json(facts))
                .isEqualTo("{\"event\":\"Harbour \\\"Nights\\\"\",\"seat\":\"Floor A-1\","
                        + "\"checkedInAt\":\"2026-01-15T18:45:30Z\"}");
        assertThat(AuditRecords.json(Map.of())).isNull();
        assertThat(AuditRecords.json(null)).isNull();
    }
}
