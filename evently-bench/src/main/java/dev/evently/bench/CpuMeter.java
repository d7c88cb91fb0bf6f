package dev.evently.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time the server process and this bench have used, sampled every {@value #EVERY_MILLIS} ms from the start,
 * so that any stretch of the run can be charged afterwards: a sale from its start until the work it set off is done,
 * a browse phase. On a shared 2-core machine the bench's own share tells how far the figures are the server's.
 */
final class CpuMeter implements AutoCloseable {

    /** Linux's USER_HZ, the unit of the CPU times in /proc/PID/stat, on every architecture Java runs on. */
    static final int TICKS_PER_SECOND = 100;
    private static final long EVERY_MILLIS = 200;

    /** CPU seconds of the server and of the bench within a stretch. */
    record Used(double serverSeconds, double benchSeconds, double wallSeconds) {

        double serverMillisPer(long count) {
            return count == 0 ? Double.NaN : serverSeconds * 1000 / count;
        }

        double benchMillisPer(long count) {
            return count == 0 ? Double.NaN : benchSeconds * 1000 / count;
        }

        /** The server's average load in cores. */
        double serverCores() {
            return wallSeconds <= 0 ? 0 : serverSeconds / wallSeconds;
        }
    }

    private record Sample(long atMillis, long serverTicks, long benchNanos) {
    }

    private final Path serverStat;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    CpuMeter(String serverPid) {
        serverStat = Path.of("/proc", serverPid, "stat");
        sample();
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "cpu-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The server's CPU ticks now (utime + stime), -1 when unknown. */
    static long ticks(Path stat) {
        try {
            String text = Files.readString(stat);
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long benchNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void sample() {
        Sample sample = new Sample(System.currentTimeMillis(), ticks(serverStat), benchNanos());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /** What was used between the two instants (epoch milliseconds), to the nearest sample. */
    Used between(long fromMillis, long toMillis) {
        sample();
        Sample from;
        Sample to;
        synchronized (samples) {
            from = nearest(fromMillis);
            to = nearest(toMillis);
        }
        if (from.serverTicks() < 0 || to.serverTicks() < 0) {
            return new Used(Double.NaN, (to.benchNanos() - from.benchNanos()) / 1e9,
                    (to.atMillis() - from.atMillis()) / 1000.0);
        }
        return new Used((to.serverTicks() - from.serverTicks()) / (double) TICKS_PER_SECOND,
                (to.benchNanos() - from.benchNanos()) / 1e9, (to.atMillis() - from.atMillis()) / 1000.0);
    }

    private Sample nearest(long atMillis) {
        Sample best = samples.get(0);
        for (Sample sample : samples) {
            if (Math.abs(sample.atMillis() - atMillis) < Math.abs(best.atMillis() - atMillis)) {
                best = sample;
            }
        }
        return best;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
