package dev.evently.console.seats;

import dev.evently.booking.boundary.SeatStatuses.StaffSeat;
import dev.evently.booking.boundary.SeatStatuses.Status;

/** Seats for the tests: Floor at 45.00, Balcony at 20.00, as the system tests' events have them. */
final class Seats {

    private Seats() {
    }

    static StaffSeat seat(long id, String section, String row, int number, Status status) {
        long price = section.equals("Floor") ? 4500 : 2000;
        return new StaffSeat(id, section, row, number, section + " " + row + "-" + number, price, status,
                status == Status.AVAILABLE ? null : 900 + id);
    }

    static StaffSeat available(long id) {
        return seat(id, "Floor", "A", (int) id, Status.AVAILABLE);
    }
}
