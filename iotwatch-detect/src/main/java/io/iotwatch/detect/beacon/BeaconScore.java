package io.iotwatch.detect.beacon;

import java.util.Arrays;

/**
 * How much a series of connections looks like a beacon, after RITA. For the inter-connection intervals
 * and, separately, the sizes (bytes out), with Q1, Q2 (median), Q3 the quartiles (linear interpolation):
 * <ul>
 * <li>Bowley skewness {@code skew = (Q3 + Q1 - 2·Q2) / (Q3 - Q1)}, taken as 0 when {@code Q3 = Q1},
 *     {@code Q2 = Q1} or {@code Q2 = Q3} (as RITA does); skew score {@code 1 - |skew|}.</li>
 * <li>median absolute deviation {@code MAD = median(|x - Q2|)}; MAD score {@code max(0, 1 - MAD / Q2)},
 *     and when {@code Q2 = 0}: 1 if {@code MAD = 0}, else 0.</li>
 * </ul>
 * Coverage: the share of the hourly buckets from the first to the last connection that hold at least one.
 * {@code total} is the mean of the five parts; {@code timing} the mean of the two interval parts.
 */
record BeaconScore(
        int connections,
        double intervalMedian,
        double intervalMad,
        double intervalSkew,
        double sizeMedian,
        double sizeMad,
        double sizeSkew,
        double coverage,
        double spanHours) {

    private static final long HOUR_MS = 3_600_000L;

    /** Scores {@code n} connections: start times (epoch ms, sorted ascending) and their sizes in any order. */
    static BeaconScore of(long[] sortedStarts, long[] sizes, int n) {
        double[] intervals = new double[n - 1];
        for (int i = 1; i < n; i++) {
            intervals[i - 1] = (sortedStarts[i] - sortedStarts[i - 1]) / 1000.0;
        }
        Arrays.sort(intervals);
        double[] bytes = new double[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = sizes[i];
        }
        Arrays.sort(bytes);
        long first = sortedStarts[0];
        long span = sortedStarts[n - 1] - first;
        int covered = 0;
        long lastBucket = -1;
        for (int i = 0; i < n; i++) {
            long bucket = (sortedStarts[i] - first) / HOUR_MS;
            if (bucket != lastBucket) {
                covered++;
                lastBucket = bucket;
            }
        }
        double intervalMedian = quantile(intervals, 0.5);
        double sizeMedian = quantile(bytes, 0.5);
        return new BeaconScore(n, intervalMedian, mad(intervals, intervalMedian), bowley(intervals),
                sizeMedian, mad(bytes, sizeMedian), bowley(bytes),
                covered / (double) (span / HOUR_MS + 1), span / (double) HOUR_MS);
    }

    double intervalSkewScore() {
        return 1 - Math.abs(intervalSkew);
    }

    double intervalMadScore() {
        return madScore(intervalMad, intervalMedian);
    }

    double sizeSkewScore() {
        return 1 - Math.abs(sizeSkew);
    }

    double sizeMadScore() {
        return madScore(sizeMad, sizeMedian);
    }

    double timing() {
        return (intervalSkewScore() + intervalMadScore()) / 2;
    }

    double total() {
        return (intervalSkewScore() + intervalMadScore() + sizeSkewScore() + sizeMadScore() + coverage) / 5;
    }

    private static double madScore(double mad, double median) {
        if (median <= 0) {
            return mad == 0 ? 1 : 0;
        }
        return Math.max(0, 1 - mad / median);
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double bowley(double[] sorted) {
        double q1 = quantile(sorted, 0.25);
        double q2 = quantile(sorted, 0.5);
        double q3 = quantile(sorted, 0.75);
        if (q3 == q1 || q2 == q1 || q2 == q3) {
            return 0;
        }
        return Math.clamp((q3 + q1 - 2 * q2) / (q3 - q1), -1, 1);
    }

    static double mad(double[] sorted, double median) {
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        return quantile(deviations, 0.5);
    }
}
