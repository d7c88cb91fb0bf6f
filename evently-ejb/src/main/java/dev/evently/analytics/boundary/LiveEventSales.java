package dev.evently.analytics.boundary;

import java.io.Serializable;
import java.util.List;

/** One event's sales right now, and its seats section by section in seat-map order. */
public record LiveEventSales(LiveEvent event, List<LiveSection> sections) implements Serializable {
}
