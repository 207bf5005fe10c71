package io.iotwatch.ml.data;

import io.iotwatch.packet.features.FeatureColumns;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The columns iotwatch's models train and predict on: the 46 CICIoT2023 columns of the {@code flow} mode, in
 * their order, without {@code IAT}. Defined here once so that training, evaluation and the sensor's inference
 * pick the same columns.
 *
 * <p>{@code IAT} is never a feature. In the dataset's published CSVs and in the {@code ciciot2023} mode it is
 * the capture's clock time, not an interval; the dataset recorded each attack in a session of its own and the
 * generator plants each attack in a slot of its own, so a model that sees it learns when a capture was made
 * instead of what its traffic looks like, and scores perfectly on its own data and fails elsewhere. In the
 * {@code flow} mode it is {@code flow_duration / (Number - 1)}, two columns the model has already, so leaving it
 * out costs nothing, and no model of iotwatch's has a column that is a clock in the other mode.
 */
public final class TrainingFeatures {

    private static final int[] COLUMNS = IntStream.range(0, FeatureColumns.COUNT)
            .filter(c -> c != FeatureColumns.IAT)
            .toArray();
    private static final List<String> NAMES = IntStream.of(COLUMNS).mapToObj(c -> FeatureColumns.names().get(c)).toList();

    private TrainingFeatures() {}

    /** The feature names, in the order of a {@link Dataset}'s columns and of {@link #select}'s output. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Copies the training columns of a row of {@link FeatureColumns#COUNT} values into {@code out}, which has
     * {@link #names()}{@code .size()} places. Allocates nothing, so it can run per row on the packet thread.
     */
    public static void select(double[] row, double[] out) {
        if (row.length != FeatureColumns.COUNT || out.length != COLUMNS.length) {
            throw new IllegalArgumentException("expected " + FeatureColumns.COUNT + " values into " + COLUMNS.length
                    + " places, got " + row.length + " into " + out.length);
        }
        for (int i = 0; i < COLUMNS.length; i++) {
            out[i] = row[COLUMNS[i]];
        }
    }
}
