package io.iotwatch.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The steps of a series: from the step that holds {@code from} to the one that holds {@code to}, each
 * starting at a whole multiple of the step since the epoch.
 *
 * @param firstSecond epoch second the first step starts at
 * @param stepSeconds length of a step, a whole number of minutes
 * @param count       number of steps
 */
record Buckets(long firstSecond, long stepSeconds, int count) {

    /** More points than any chart shows; bounds the memory a series takes. */
    static final int MAX_COUNT = 100_000;

    static Buckets of(Instant from, Instant to, Duration step) {
        Args.range(from, to);
        long stepSeconds = Args.stepSeconds(step);
        long first = Math.floorDiv(from.getEpochSecond(), stepSeconds);
        long last = Math.floorDiv(to.getEpochSecond(), stepSeconds);
        if (last - first >= MAX_COUNT) {
            throw new IllegalArgumentException("from " + from + " to " + to + " in steps of " + step
                    + " makes more than " + MAX_COUNT + " points: take a longer step");
        }
        return new Buckets(first * stepSeconds, stepSeconds, (int) (last - first + 1));
    }

    /** Epoch second just after the last step. */
    long endSecond() {
        return firstSecond + count * stepSeconds;
    }

    Instant start(int index) {
        return Instant.ofEpochSecond(firstSecond + index * stepSeconds);
    }

    /** The step that holds the epoch second, which must be within the steps. */
    int index(long epochSecond) {
        return (int) ((epochSecond - firstSecond) / stepSeconds);
    }
}
