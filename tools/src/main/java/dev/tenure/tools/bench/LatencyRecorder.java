package dev.tenure.tools.bench;

import java.util.Arrays;

/**
 * Every latency of a run, kept exactly (a long each: a 30-second run at 500/s is 15,000 values), and
 * its percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank ⌈p/100 · n⌉. Thread-safe: responses complete on the HTTP client's threads.
 */
public final class LatencyRecorder {

    private long[] values = new long[4096];
    private int count;

    public synchronized void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos);
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    public synchronized LatencySummary summary() {
        if (count == 0) {
            return LatencySummary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencySummary(count, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                percentile(sorted, 99.9), sorted[sorted.length - 1], sum / count);
    }

    /** The nearest-rank percentile of ascending {@code sorted}; {@code percentile} in [0, 100], 0 is the minimum. */
    public static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
        }
        // the epsilon keeps 99.9 % of 1,000 at rank 999 whatever the binary rounding of 99.9 * 1,000
        int rank = (int) Math.ceil(percentile * sorted.length / 100.0 - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
