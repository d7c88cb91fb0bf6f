package dev.evently.console.seats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evently.booking.boundary.SeatStatuses.StaffSeat;
import dev.evently.booking.boundary.SeatStatuses.Status;

/**
 * Seats laid out as the map draws them: sections, each of rows, each of seats, in the order the seats come (the
 * layout's), with how many seats have each status.
 */
public record SeatGrid(List<Section> sections, Map<Status, Integer> counts, Map<Long, StaffSeat> byId)
        implements Serializable {

    public record Section(String name, List<Row> rows) implements Serializable {
    }

    public record Row(String label, List<StaffSeat> seats) implements Serializable {
    }

    public static SeatGrid of(List<StaffSeat> seats) {
        Map<String, Map<String, List<StaffSeat>>> sections = new LinkedHashMap<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        Map<Long, StaffSeat> byId = new LinkedHashMap<>();
        for (StaffSeat seat : seats) {
            sections.computeIfAbsent(seat.section(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(seat.row(), r -> new ArrayList<>())
                    .add(seat);
            counts.merge(seat.status(), 1, Integer::sum);
            byId.put(seat.id(), seat);
        }
        List<Section> laidOut = new ArrayList<>();
        sections.forEach((name, rows) -> {
            List<Row> rowList = new ArrayList<>();
            rows.forEach((label, rowSeats) -> rowList.add(new Row(label, List.copyOf(rowSeats))));
            laidOut.add(new Section(name, List.copyOf(rowList)));
        });
        return new SeatGrid(List.copyOf(laidOut), Map.copyOf(counts), byId);
    }

    public static SeatGrid empty() {
        return of(List.of());
    }

    /** The seat of this map with the id, or null. */
    public StaffSeat seat(long id) {
        return byId.get(id);
    }

    public int count(Status status) {
        return counts.getOrDefault(status, 0);
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
