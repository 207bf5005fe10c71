package io.iotwatch.report;

import java.util.Arrays;
import java.util.List;

/**
 * What one detector raised in the period.
 *
 * @param detector            the detector's name, e.g. {@code bruteforce}
 * @param alerts              the period's alerts it raised
 * @param classes             their attack classes, the most alerts first (then by name)
 * @param meanConfidence      the mean of their confidences, 0 to 1
 * @param confidenceHistogram their confidences in 10 bins of width 0.1: bin {@code i} counts confidences from
 *                            {@code i/10} (included) to {@code (i+1)/10} (excluded), the last bin 1.0 too
 */
public record DetectorRow(String detector, long alerts, List<String> classes, double meanConfidence,
        long[] confidenceHistogram) {

    /** Bins of {@link #confidenceHistogram}. */
    public static final int BINS = 10;

    public DetectorRow {
        classes = List.copyOf(classes);
        if (confidenceHistogram.length != BINS) {
            throw new IllegalArgumentException("a confidence histogram has " + BINS + " bins, not " + confidenceHistogram.length);
        }
        confidenceHistogram = confidenceHistogram.clone();
    }

    /** The bin a confidence (0 to 1) falls in. */
    public static int bin(double confidence) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.floor(confidence * BINS)));
    }

    @Override
    public long[] confidenceHistogram() {
        return confidenceHistogram.clone();
    }

    // a record compares arrays by identity; rows are equal when their histograms' counts are
    @Override
    public boolean equals(Object other) {
        return other instanceof DetectorRow row && detector.equals(row.detector) && alerts == row.alerts
                && classes.equals(row.classes) && Double.compare(meanConfidence, row.meanConfidence) == 0
                && Arrays.equals(confidenceHistogram, row.confidenceHistogram);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * detector.hashCode() + Long.hashCode(alerts)) + Arrays.hashCode(confidenceHistogram);
    }

    @Override
    public String toString() {
        return "DetectorRow[detector=" + detector + ", alerts=" + alerts + ", classes=" + classes + ", meanConfidence="
                + meanConfidence + ", confidenceHistogram=" + Arrays.toString(confidenceHistogram) + "]";
    }
}
