package io.iotwatch.report;

import java.util.Arrays;

/**
 * A distribution of durations. Percentiles are nearest-rank: the {@code p}-th percentile of {@code n} values is the
 * {@code ceil(p/100 * n)}-th smallest, always one of the values.
 *
 * @param count         durations measured
 * @param medianSeconds the 50th percentile, in seconds; null when {@code count} is 0
 * @param p90Seconds    the 90th percentile, in seconds; null when {@code count} is 0
 * @param maxSeconds    the longest, in seconds; null when {@code count} is 0
 */
public record Stat(long count, Double medianSeconds, Double p90Seconds, Double maxSeconds) {

    /** The distribution of these durations, in milliseconds. */
    public static Stat ofMillis(long[] millis) {
        if (millis.length == 0) {
            return new Stat(0, null, null, null);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Stat(sorted.length, seconds(percentile(sorted, 50)), seconds(percentile(sorted, 90)),
                seconds(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
