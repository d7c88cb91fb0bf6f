package dev.evently.catalog.control;

/**
 * Seat ids in ascending order, written as the seat changes send them: as runs of consecutive ids, each run its
 * distance from the last id of the run before (the first run: its own id), then {@code +n} when n more ids follow
 * its first. The ids 1017, 1018, 1021, 1031, 1032, 1033 are {@code "1017+1,3,10+2"}. A buyer's seats are mostly
 * next to each other and the runs of one window near each other: a few bytes a run, where each id took eight.
 */
public final class SeatRuns {

    private final StringBuilder written = new StringBuilder();
    /** The run not yet written: its first and last id; {@code first} 0 before the first id. */
    private long first;
    private long last;
    /** The last id of the runs written. */
    private long before;

    /**
     * @throws IllegalArgumentException for an id that is not positive or not above the one before
     */
    public void add(long id) {
        if (id <= last) {
            throw new IllegalArgumentException("seat ids must be positive and ascend: " + id + " after " + last);
        }
        if (first != 0 && id == last + 1) {
            last = id;
            return;
        }
        if (first != 0) {
            write(written, first, last, before);
            before = last;
        }
        first = id;
        last = id;
    }

    /** The runs, {@code ""} when no id was added. */
    @Override
    public String toString() {
        if (first == 0) {
            return written.toString();
        }
        StringBuilder text = new StringBuilder(written);
        write(text, first, last, before);
        return text.toString();
    }

    private static void write(StringBuilder text, long first, long last, long before) {
        if (!text.isEmpty()) {
            text.append(',');
        }
        text.append(first - before);
        if (last > first) {
            text.append('+').append(last - first);
        }
    }
}
