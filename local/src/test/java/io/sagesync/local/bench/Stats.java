package io.sagesync.local.bench;

import java.util.Arrays;

/** Percentiles over nanosecond samples, reported in milliseconds. */
record Stats(double medianMs, double p95Ms, double p99Ms, double meanMs, int n) {
    static Stats of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Stats(ms(pct(s, 50)), ms(pct(s, 95)), ms(pct(s, 99)),
                ms((long) Arrays.stream(s).average().orElse(0)), s.length);
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("median %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f ms (n=%d)", medianMs, p95Ms, p99Ms,
                meanMs, n);
    }
}
