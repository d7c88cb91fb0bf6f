package dev.evently.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Every request of one kind in one phase: when it started, how long it took, what it answered (0 for no
 * answer). Kept whole, not sampled: a bench phase is at most a few hundred thousand requests.
 */
final class Series {

    /** A latency summary over the requests an outcome filter keeps. */
    record Summary(long count, double perSecond, long p50, long p95, long p99, long max) {
    }

    /** One second of a phase: requests started in it, and their median and 99th percentile latency. */
    record Second(int second, long count, long p50, long p99) {
    }

    final String name;
    private long[] starts = new long[1024];
    private int[] latencies = new int[1024];
    private int[] statuses = new int[1024];
    private int size;

    Series(String name) {
        this.name = name;
    }

    synchronized void record(long startMillis, long latencyMillis, int status) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            latencies = Arrays.copyOf(latencies, size * 2);
            statuses = Arrays.copyOf(statuses, size * 2);
        }
        starts[size] = startMillis;
        latencies[size] = (int) Math.min(Integer.MAX_VALUE, latencyMillis);
        statuses[size] = status;
        size++;
    }

    synchronized long count(IntPredicate status) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += status.test(statuses[i]) ? 1 : 0;
        }
        return n;
    }

    /** Latencies of all requests, rate of those the filter keeps, over the given seconds. */
    synchronized Summary summary(IntPredicate counted, double seconds) {
        int[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        return new Summary(count(counted), seconds > 0 ? count(counted) / seconds : 0,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                size == 0 ? 0 : sorted[size - 1]);
    }

    /** When the first request started, or 0 without any. */
    synchronized long firstStart() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            first = Math.min(first, starts[i]);
        }
        return size == 0 ? 0 : first;
    }

    synchronized List<Second> perSecond(long phaseStartMillis) {
        List<List<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int second = (int) Math.max(0, (starts[i] - phaseStartMillis) / 1000);
            while (buckets.size() <= second) {
                buckets.add(new ArrayList<>());
            }
            buckets.get(second).add(latencies[i]);
        }
        List<Second> seconds = new ArrayList<>();
        for (int s = 0; s < buckets.size(); s++) {
            int[] sorted = buckets.get(s).stream().mapToInt(Integer::intValue).sorted().toArray();
            seconds.add(new Second(s, sorted.length, percentile(sorted, 50), percentile(sorted, 99)));
        }
        return seconds;
    }

    private static long percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
