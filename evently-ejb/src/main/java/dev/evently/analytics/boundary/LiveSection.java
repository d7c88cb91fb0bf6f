package dev.evently.analytics.boundary;

import java.io.Serializable;

/** One section of an event's seat map right now: how many of its seats are sold, held and free. */
public record LiveSection(String name, long sold, long held, long available) implements Serializable {

    public long capacity() {
        return sold + held + available;
    }
}
