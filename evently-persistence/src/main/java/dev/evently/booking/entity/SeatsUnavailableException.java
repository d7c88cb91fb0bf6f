package dev.evently.booking.entity;

import java.util.List;
import java.util.Map;

import dev.evently.platform.errors.ConflictException;

/** Some of the requested seats are taken or are not seats of the event: the client learns which. */
public class SeatsUnavailableException extends ConflictException {

    private final List<Long> seatIds;

    public SeatsUnavailableException(List<Long> seatIds) {
        super("seats-unavailable", "seats not available: " + seatIds);
        this.seatIds = List.copyOf(seatIds);
    }

    public List<Long> seatIds() {
        return seatIds;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("unavailableSeatIds", seatIds);
    }
}
