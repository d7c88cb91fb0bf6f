package dev.evently.analytics.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * All events not yet ended, right now.
 *
 * @param totals     the figures summed over every one of them, whatever the search and the cap
 * @param eventCount how many there are
 * @param events     those matching the search, soonest first, at most the number asked for
 */
public record LiveOverview(LiveFigures totals, long eventCount, List<LiveEvent> events) implements Serializable {
}
