package dev.evently.catalog.boundary;

import java.util.List;

/** A page of the public event list. */
public record EventPage(List<EventSummary> items, int page, int size, long total) {
}
