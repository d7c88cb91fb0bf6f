package dev.evently.console.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Times as staff read them: on the wall clock of the venue, not in UTC as Evently stores them. One zone for the
 * whole console ({@code evently.console.time-zone}, e.g. {@code Europe/Vienna}; the server's own zone if unset),
 * since events carry no zone of their own.
 */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    @Inject
    @ConfigProperty(name = "evently.console.time-zone")
    Optional<String> timeZone;

    private Clock clock;

    @PostConstruct
    void zone() {
        clock = Clock.system(timeZone.map(ZoneId::of).orElse(ZoneId.systemDefault()));
    }

    /** The console's clock, in its zone. */
    public Clock clock() {
        return clock;
    }

    /** E.g. "Sat 14 Mar 2026, 19:30"; empty for no time. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    /** E.g. "Sat 14 Mar 2026, 19:30:07", for records where the order within a minute matters; empty for no time. */
    public String toTheSecond(Instant instant) {
        return instant == null ? "" : TO_THE_SECOND.format(instant.atZone(clock.getZone()));
    }
}
