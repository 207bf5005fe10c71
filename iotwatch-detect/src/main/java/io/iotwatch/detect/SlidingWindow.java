package io.iotwatch.detect;

import java.util.Arrays;

/**
 * Counters over a sliding window of event time, approximated by two tumbling buckets of the window's length:
 * the current bucket plus the previous one weighted by the part of it the window still covers, as rate limiters
 * at the network's edge count. Constant memory and work per event; exact for a steady rate. Several counters
 * share the buckets. A time before the current bucket counts in it, since events arrive a little out of order.
 */
public final class SlidingWindow {

    /** The current bucket's counters, then the previous bucket's: one array, as detectors keep one window a key. */
    private final long[] counts;
    private final int counters;
    private long bucketStart;

    /** {@code counters} counters, the first bucket starting at {@code startMillis}. */
    public SlidingWindow(int counters, long startMillis) {
        this.counts = new long[2 * counters];
        this.counters = counters;
        this.bucketStart = startMillis;
    }

    /** Moves the buckets forward so that the current one holds {@code timeMillis}; earlier times change nothing. */
    public void roll(long timeMillis, long windowMillis) {
        if (timeMillis < bucketStart + windowMillis) {
            return;
        }
        long steps = (timeMillis - bucketStart) / windowMillis;
        if (steps == 1) {
            System.arraycopy(counts, 0, counts, counters, counters);
        } else {
            Arrays.fill(counts, counters, 2 * counters, 0);
        }
        Arrays.fill(counts, 0, counters, 0);
        bucketStart += steps * windowMillis;
    }

    /** Adds to a counter of the current bucket, saturating rather than overflowing. */
    public void add(int counter, long amount) {
        counts[counter] = saturatedAdd(counts[counter], amount);
    }

    /** Keeps the largest value of the current bucket in a counter. */
    public void max(int counter, long value) {
        counts[counter] = Math.max(counts[counter], value);
    }

    /** The counter's sum over the window that ends at {@code timeMillis}. */
    public long sum(int counter, long timeMillis, long windowMillis) {
        long into = Math.clamp(timeMillis - bucketStart, 0, windowMillis);
        double share = (windowMillis - into) / (double) windowMillis;
        return saturatedAdd(counts[counter], (long) (counts[counters + counter] * share));
    }

    /** The larger of the counter's two buckets: for counters kept with {@link #max}. */
    public long peak(int counter) {
        return Math.max(counts[counter], counts[counters + counter]);
    }

    /** {@code a + b} for non-negative values, {@link Long#MAX_VALUE} where it would overflow. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
