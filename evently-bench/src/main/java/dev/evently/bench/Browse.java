package dev.evently.bench;

import java.time.Duration;
import java.util.List;

/** Read-only phases, one after the other, each many clients repeating one GET; {@link BrowseSimulation} plays them. */
final class Browse {

    /** One phase: its clients request path without pause for the duration; requests land in series. */
    record Phase(String name, String path, int clients, Duration duration, Series series) {
    }

    static volatile Browse current;

    final String baseUrl;
    final List<Phase> phases;

    Browse(String baseUrl, List<Phase> phases) {
        this.baseUrl = baseUrl;
        this.phases = List.copyOf(phases);
    }
}
