package io.iotwatch.detect.model;

import java.util.List;
import java.util.Objects;

/**
 * A LightGBM model's trees flattened into a few arrays, evaluated in pure Java: the same class probabilities
 * LightGBM computes, without native code. Immutable and thread-safe; {@link #predict} allocates nothing.
 *
 * <p>Node {@code n} of all trees together tests {@code row[feature[n]] <= threshold[n]} and continues at
 * {@code left[n]} or {@code right[n]}; a negative continuation {@code c} is the leaf {@code ~c}, whose value is
 * {@code leafValue[~c]}. Tree {@code t} starts at {@code root[t]} (itself {@code ~leaf} for a tree of one
 * leaf). LightGBM's missing-value rules (a NaN taken as 0, zero or NaN sent the default way) only matter for
 * NaN and zero values: rows without NaN, on models without zero-as-missing splits, take the plain comparison
 * loop, and the others the loop that applies the rules node by node.
 */
public final class Forest {

    /** LightGBM's {@code kZeroThreshold}: values this close to 0 count as zero for zero-as-missing splits. */
    static final double ZERO_THRESHOLD = 1e-35;

    /** How raw scores become probabilities. */
    public enum Objective {
        /** Softmax over the classes' scores ({@code multiclass}). */
        SOFTMAX,
        /** One sigmoid per class, not normalised ({@code multiclassova}). */
        ONE_VS_ALL,
        /** Two classes from one score: probability of class 1 is the sigmoid of it ({@code binary}). */
        BINARY
    }

    /** Missing-value handling of one node, as LightGBM's decision type encodes it. */
    static final byte MISSING_NONE = 0;
    static final byte MISSING_ZERO = 1;
    static final byte MISSING_NAN = 2;

    private final int features;
    private final int classes;
    private final int treesPerIteration;
    private final Objective objective;
    private final double sigmoid;
    private final boolean averageOutput;
    private final int[] root;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final byte[] missing;
    private final boolean[] defaultLeft;
    private final double[] leafValue;
    private final boolean zeroAsMissing;
    private final List<String> featureNames;

    Forest(int features, int classes, int treesPerIteration, Objective objective, double sigmoid,
            boolean averageOutput, int[] root, int[] feature, double[] threshold, int[] left, int[] right,
            byte[] missing, boolean[] defaultLeft, double[] leafValue, List<String> featureNames) {
        this.features = features;
        this.classes = classes;
        this.treesPerIteration = treesPerIteration;
        this.objective = Objects.requireNonNull(objective, "objective");
        this.sigmoid = sigmoid;
        this.averageOutput = averageOutput;
        this.root = root;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.missing = missing;
        this.defaultLeft = defaultLeft;
        this.leafValue = leafValue;
        this.featureNames = List.copyOf(featureNames);
        boolean zero = false;
        for (byte m : missing) {
            zero |= m == MISSING_ZERO;
        }
        this.zeroAsMissing = zero;
    }

    /** Columns a row must have. */
    public int features() {
        return features;
    }

    /**
     * This forest reading rows of {@code width} columns, in which the model's feature {@code i} is column
     * {@code columns[i]}: a model trained on some of the extractor's columns, in any order, then classifies
     * the extractor's rows as they are, without copying a value.
     */
    public Forest withColumns(int[] columns, int width) {
        if (columns.length != featureNames.size() && !featureNames.isEmpty() || columns.length < features) {
            throw new IllegalArgumentException("the model has " + features + " features, " + columns.length
                    + " columns given");
        }
        int[] mapped = new int[feature.length];
        for (int n = 0; n < feature.length; n++) {
            int column = columns[feature[n]];
            if (column < 0 || column >= width) {
                throw new IllegalArgumentException("feature " + feature[n] + " maps to column " + column + " of " + width);
            }
            mapped[n] = column;
        }
        return new Forest(width, classes, treesPerIteration, objective, sigmoid, averageOutput, root, mapped, threshold,
                left, right, missing, defaultLeft, leafValue, featureNames);
    }

    /** The model's feature names in its own order, as its file names them (empty when the file has none). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Probabilities {@link #predict} writes: the number of classes (2 for a binary model). */
    public int classes() {
        return classes;
    }

    /** Boosting rounds: trees / trees per round. */
    public int iterations() {
        return root.length / treesPerIteration;
    }

    public int trees() {
        return root.length;
    }

    /** Decision nodes over all trees. */
    public int nodes() {
        return feature.length;
    }

    public Objective objective() {
        return objective;
    }

    /**
     * Class probabilities of one row.
     *
     * @param row features in the model's column order, at least {@link #features()} of them
     * @param out receives {@link #classes()} probabilities
     */
    public void predict(double[] row, double[] out) {
        raw(row, out);
        switch (objective) {
            case SOFTMAX -> softmax(out);
            case ONE_VS_ALL -> {
                for (int k = 0; k < classes; k++) {
                    out[k] = sigmoid(out[k]);
                }
            }
            case BINARY -> {
                double p = sigmoid(out[0]);
                out[0] = 1 - p;
                out[1] = p;
            }
        }
    }

    /** The raw scores of one row: for each of the trees per round, the sum of its trees' leaves. */
    public void raw(double[] row, double[] out) {
        if (row.length < features) {
            throw new IllegalArgumentException("a row needs " + features + " features, has " + row.length);
        }
        java.util.Arrays.fill(out, 0, treesPerIteration, 0);
        boolean plain = !zeroAsMissing && !hasNaN(row);
        int k = 0;
        for (int t = 0; t < root.length; t++) {
            out[k] += plain ? leafValue[~plainLeaf(root[t], row)] : leafValue[~leaf(root[t], row)];
            if (++k == treesPerIteration) {
                k = 0;
            }
        }
        if (averageOutput) {
            int rounds = iterations();
            for (int c = 0; c < treesPerIteration; c++) {
                out[c] /= rounds;
            }
        }
    }

    private int plainLeaf(int node, double[] row) {
        int n = node;
        while (n >= 0) {
            n = row[feature[n]] <= threshold[n] ? left[n] : right[n];
        }
        return n;
    }

    /** LightGBM's numerical decision with its missing-value rules. */
    private int leaf(int node, double[] row) {
        int n = node;
        while (n >= 0) {
            double value = row[feature[n]];
            byte type = missing[n];
            if (Double.isNaN(value) && type != MISSING_NAN) {
                value = 0;
            }
            boolean isMissing = type == MISSING_ZERO && Math.abs(value) <= ZERO_THRESHOLD
                    || type == MISSING_NAN && Double.isNaN(value);
            if (isMissing) {
                n = defaultLeft[n] ? left[n] : right[n];
            } else {
                n = value <= threshold[n] ? left[n] : right[n];
            }
        }
        return n;
    }

    private static boolean hasNaN(double[] row) {
        for (double v : row) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private double sigmoid(double score) {
        return 1 / (1 + Math.exp(-sigmoid * score));
    }

    private void softmax(double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }
}
