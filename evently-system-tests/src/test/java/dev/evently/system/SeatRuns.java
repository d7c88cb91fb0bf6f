package dev.evently.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seat ids of one status in the seat changes: runs separated by commas, each its distance from the last id
 * of the run before (the first: its own id), then {@code +n} when n more consecutive ids follow it;
 * {@code "1017+1,3,10+2"} is 1017, 1018, 1021, 1031, 1032, 1033. (The benchmark's watchers read them too.)
 */
public final class SeatRuns {

    private SeatRuns() {
    }

    public static List<Long> ids(String runs) {
        List<Long> ids = new ArrayList<>();
        long last = 0;
        for (String run : runs.isEmpty() ? new String[0] : runs.split(",")) {
            int plus = run.indexOf('+');
            long first = last + Long.parseLong(plus < 0 ? run : run.substring(0, plus));
            last = first + (plus < 0 ? 0 : Long.parseLong(run.substring(plus + 1)));
            for (long id = first; id <= last; id++) {
                ids.add(id);
            }
        }
        return ids;
    }
}
