package io.newsstream.launcher.bench;

import java.util.Arrays;

/** Latency samples in microseconds; percentiles by sorting a copy. Thread-safe. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(final long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos / 1_000;
    }

    void addAll(final Latencies other) {
        final long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.samples, other.size);
        }
        synchronized (this) {
            for (long micros : theirs) {
                add(micros * 1_000);
            }
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0–100) in milliseconds; NaN when empty. */
    synchronized double percentileMs(final double p) {
        if (size == 0) {
            return Double.NaN;
        }
        final long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        final int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
        return sorted[index] / 1_000.0;
    }

    Summary summary() {
        return new Summary(count(), percentileMs(50), percentileMs(95), percentileMs(99), percentileMs(100));
    }

    /** Percentiles in milliseconds. */
    record Summary(int samples, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }
}
