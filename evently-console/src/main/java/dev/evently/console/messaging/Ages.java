package dev.evently.console.messaging;

import java.time.Duration;
import java.time.Instant;

/** How long something has waited, as an operator reads it at a glance: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
final class Ages {

    private Ages() {
    }

    /** Empty when nothing waits; "0 s" for a clock a little ahead of the one that stamped it. */
    static String since(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h" + (age.toMinutesPart() == 0 ? "" : " " + age.toMinutesPart() + " min");
        }
        return age.toDays() + " d" + (age.toHoursPart() == 0 ? "" : " " + age.toHoursPart() + " h");
    }
}
