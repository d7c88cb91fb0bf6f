package dev.evently;

import dev.evently.accounts.entity.Role;
import dev.evently.accounts.entity.User;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatLayout;
import dev.evently.catalog.entity.SeatLayout.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small world for entity tests: a fixed clock, a user, and an event a week away. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    public static final Instant START = NOW.plus(Duration.ofDays(7));
    public static final Instant HOLD_UNTIL = NOW.plus(Duration.ofMinutes(10));

    private Fixtures() {
    }

    public static User user() {
        return new User("ada@example.org", "pbkdf2$hash", "Ada", Role.USER, NOW);
    }

    public static Event draftEvent() {
        return new Event("Night at the Opera", "Queen tribute", "Main Hall", START, START.plus(Duration.ofHours(3)), NOW);
    }

    /** A published event; its seats (one row of four at 25.00) are returned, the event is reachable from each. */
    public static List<Seat> seatsOfPublishedEvent() {
        Event event = draftEvent();
        List<Seat> seats = event.layOutSeats(new SeatLayout(List.of(new Section("Floor", 1, 4, 2500))));
        event.publish();
        return seats;
    }
}
