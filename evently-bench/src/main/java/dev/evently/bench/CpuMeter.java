package dev.evently.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time the server process and this bench have used, sampled every {@value #EVERY_MILLIS} ms from the start,
 * so that any stretch of the run can be charged afterwards: a sale from its start until the work it set off is done,
 * a browse phase. On a shared 2-core machine the bench's own share tells how far the figures are the server's. The
 * server's JIT compiler threads are counted apart too: after the warm-up they still compile, a cost a server that
 * has run for a while no longer pays.
 */
final class CpuMeter implements AutoCloseable {

    /** Linux's USER_HZ, the unit of the CPU times in /proc/PID/stat, on every architecture Java runs on. */
    static final int TICKS_PER_SECOND = 100;
    private static final long EVERY_MILLIS = 200;

    /** CPU seconds of the server (and of its JIT compiler threads among them) and of the bench within a stretch. */
    record Used(double serverSeconds, double jitSeconds, double benchSeconds, double wallSeconds) {

        double serverMillisPer(long count) {
            return count == 0 ? Double.NaN : serverSeconds * 1000 / count;
        }

        double jitMillisPer(long count) {
            return count == 0 ? Double.NaN : jitSeconds * 1000 / count;
        }

        double benchMillisPer(long count) {
            return count == 0 ? Double.NaN : benchSeconds * 1000 / count;
        }

        /** The server's average load in cores. */
        double serverCores() {
            return wallSeconds <= 0 ? 0 : serverSeconds / wallSeconds;
        }
    }

    private record Sample(long atMillis, long serverTicks, long jitTicks, long benchNanos) {
    }

    /** The names (as /proc shows them, cut to 15 characters) of HotSpot's compiler threads. */
    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");
    /** Compiler threads come and go (HotSpot adds them as work grows): looked for again every so many samples. */
    private static final int RESCAN_EVERY = 25;

    private final Path serverStat;
    private final Path serverTasks;
    /** By thread id, the ticks of a compiler thread last read; guarded by {@link #samples}. */
    private final Map<String, Long> compilerTicks = new HashMap<>();
    private long jitTicks;
    private int sinceScan;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    CpuMeter(String serverPid) {
        serverStat = Path.of("/proc", serverPid, "stat");
        serverTasks = Path.of("/proc", serverPid, "task");
        synchronized (samples) {
            scanCompilerThreads(false);
        }
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
        synchronized (samples) {
            if (++sinceScan >= RESCAN_EVERY) {
                sinceScan = 0;
                scanCompilerThreads(true);
            }
            compilerTicks.replaceAll((tid, last) -> {
                long now = ticks(serverTasks.resolve(tid).resolve("stat"));
                if (now < last) {
                    return last;  // gone: what it used up to the last reading is counted
                }
                jitTicks += now - last;
                return now;
            });
            samples.add(new Sample(System.currentTimeMillis(), ticks(serverStat), jitTicks, benchNanos()));
        }
    }

    /**
     * Finds the server's compiler threads; one found after the start counts from its first tick (it was made during
     * the run), one there at the start from then on.
     */
    private void scanCompilerThreads(boolean newOnesFromZero) {
        try (Stream<Path> tasks = Files.list(serverTasks)) {
            tasks.forEach(task -> {
                String tid = task.getFileName().toString();
                if (compilerTicks.containsKey(tid)) {
                    return;
                }
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (COMPILER_THREADS.stream().anyMatch(name::startsWith)) {
                        long now = ticks(task.resolve("stat"));
                        if (now >= 0) {
                            jitTicks += newOnesFromZero ? now : 0;
                            compilerTicks.put(tid, now);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux) or the server has gone: no JIT figure
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
        double bench = (to.benchNanos() - from.benchNanos()) / 1e9;
        double wall = (to.atMillis() - from.atMillis()) / 1000.0;
        if (from.serverTicks() < 0 || to.serverTicks() < 0) {
            return new Used(Double.NaN, Double.NaN, bench, wall);
        }
        return new Used((to.serverTicks() - from.serverTicks()) / (double) TICKS_PER_SECOND,
                (to.jitTicks() - from.jitTicks()) / (double) TICKS_PER_SECOND, bench, wall);
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
