package io.iotwatch.packet.features;

/**
 * A model run on the packet thread over each feature row as it is made (GUIDE: decode, flow lookup, feature
 * update and inference in one thread, no queue hop). Implementations allocate nothing in {@link #classify}.
 */
public interface RowClassifier {

    /** Which rows the model reads: 0 for one row per flow (mode {@code flow}), else packets per window (mode {@code ciciot2023}). */
    int window();

    /**
     * The attack class of a row, when the model gives an attack class at least its alert threshold's
     * probability; -1 for benign or unsure rows.
     *
     * @param row {@link FeatureColumns#COUNT} values in column order
     */
    int classify(double[] row);

    /** The probability of the class the last {@link #classify} returned. */
    double confidence();

    /** The name of class {@code index}, e.g. {@code DDoS-SYN_Flood}. */
    String className(int index);

    /** The group of class {@code index}, e.g. {@code DDoS}. */
    String group(int index);

    /** Which model: what its events name as their model. */
    String model();
}
