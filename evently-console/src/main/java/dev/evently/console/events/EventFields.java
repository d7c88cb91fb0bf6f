package dev.evently.console.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.evently.console.platform.Money;
import dev.evently.catalog.entity.SeatLayout;

/**
 * What an admin can change about an event, as the audit log records it: the layout written out in one line
 * ("Stalls 2×5 at 40.00; Circle 1×4 at 25.00") so that a change of it reads at a glance.
 */
record EventFields(String name, String description, String venue, Instant startTime, Instant endTime,
                   String layout) {

    static String layout(List<SeatLayout.Section> sections) {
        return sections.stream()
                .map(s -> s.name() + " " + s.rows() + "×" + s.seatsPerRow() + " at " + Money.units(s.priceCents()))
                .collect(Collectors.joining("; "));
    }

    /** Every field, for a new event. */
    Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.put("description", description == null ? "" : description);
        all.put("venue", venue);
        all.put("startTime", startTime);
        all.put("endTime", endTime);
        all.put("layout", layout);
        return all;
    }

    /** The fields that differ: [0] as they were, [1] as they are now; both empty when nothing changed. */
    static List<Map<String, Object>> changes(EventFields before, EventFields after) {
        Map<String, Object> was = before.all();
        Map<String, Object> now = after.all();
        Map<String, Object> changedFrom = new LinkedHashMap<>();
        Map<String, Object> changedTo = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            if (!Objects.equals(was.get(field), value)) {
                changedFrom.put(field, was.get(field));
                changedTo.put(field, value);
            }
        });
        return List.of(changedFrom, changedTo);
    }
}
