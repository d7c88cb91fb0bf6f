package dev.evently.console.seats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.evently.booking.boundary.SeatStatuses.StaffSeat;
import dev.evently.booking.boundary.SeatStatuses.Status;

/**
 * The seats the box office has picked for the next sale, and the idempotency key of that sale. Only available
 * seats of an event on sale can be picked, at most {@link #MAX} (a booking's limit). The key stays the same while
 * the same seats are being sold, so that a second click on Sell is answered with the first one's booking; any
 * change to the selection, and every completed sale, makes a new one.
 */
public final class Selection implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What picking a seat did. */
    public enum Outcome {
        ADDED, REMOVED, NOT_AVAILABLE, NOT_ON_SALE, FULL
    }

    private final int max;
    private final Set<Long> seatIds = new LinkedHashSet<>();
    private String key = newKey();

    public Selection(int max) {
        this.max = max;
    }

    /** Picks the seat, or puts it back if picked. */
    public Outcome toggle(StaffSeat seat, boolean onSale) {
        if (seatIds.remove(seat.id())) {
            key = newKey();
            return Outcome.REMOVED;
        }
        if (seat.status() != Status.AVAILABLE) {
            return Outcome.NOT_AVAILABLE;
        }
        if (!onSale) {
            return Outcome.NOT_ON_SALE;
        }
        if (seatIds.size() >= max) {
            return Outcome.FULL;
        }
        seatIds.add(seat.id());
        key = newKey();
        return Outcome.ADDED;
    }

    /** Drops the picked seats that are no longer available on the new map; returns them. */
    public List<Long> keepAvailable(SeatGrid grid) {
        List<Long> gone = new ArrayList<>();
        for (Long id : seatIds) {
            StaffSeat seat = grid.seat(id);
            if (seat == null || seat.status() != Status.AVAILABLE) {
                gone.add(id);
            }
        }
        if (!gone.isEmpty()) {
            gone.forEach(seatIds::remove);
            key = newKey();
        }
        return gone;
    }

    /** A sale is done: nothing picked, and the next sale is a new one. */
    public void clear() {
        seatIds.clear();
        key = newKey();
    }

    public boolean contains(long seatId) {
        return seatIds.contains(seatId);
    }

    /** The picked seats in the order they were picked. */
    public List<Long> seatIds() {
        return List.copyOf(seatIds);
    }

    public int size() {
        return seatIds.size();
    }

    public boolean isEmpty() {
        return seatIds.isEmpty();
    }

    public int max() {
        return max;
    }

    /** The idempotency key of selling exactly these seats. */
    public String key() {
        return key;
    }

    private static String newKey() {
        return "box-office-" + UUID.randomUUID();
    }
}
