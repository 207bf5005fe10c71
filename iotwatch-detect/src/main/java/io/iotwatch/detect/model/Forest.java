package io.iotwatch.detect.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A LightGBM model evaluated in pure Java: the class probabilities LightGBM computes, without native code.
 * Immutable and thread-safe; {@link #predict} allocates nothing.
 *
 * <p>All trees live in one {@code long} array, two slots per node, each tree's nodes in depth-first order so a
 * node's left child is the next node and a walk mostly reads neighbouring memory. An internal node holds its
 * threshold and a descriptor: feature, missing-value handling and how far ahead its right child is. A leaf holds
 * its value and a zero descriptor, which makes a step from a leaf stay on it: that lets a walk take its steps
 * without a data-dependent branch, and several walks (trees of one row, or rows through one tree) advance
 * together, so the processor overlaps their memory loads instead of waiting on one chain and mispredicting its
 * turns.
 *
 * <p>LightGBM's missing-value rules (a NaN taken as 0 or sent the default way, zero sent the default way, values
 * within {@link #ZERO_THRESHOLD} of 0 taken as 0) only matter for NaN, tiny values and, on models with
 * zero-as-missing splits, zeros; the branch-free step cannot compare infinities. Rows of finite values, none
 * tiny, on models without zero-as-missing splits, take the branch-free walk; the others a walk that applies the
 * rules node by node. Both give LightGBM's leaves.
 */
public final class Forest {

    /** LightGBM's {@code kZeroThreshold}: the float 1e-35f, widened. Values this close to 0 count as 0. */
    static final double ZERO_THRESHOLD = 1e-35f;

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

    /**
     * One tree as the model file gives it, checked by {@link LightGbmText}: node {@code i} sends a row left
     * when its {@code feature[i]} is at most {@code threshold[i]}; a child {@code c >= 0} is node {@code c}, after
     * its parent, {@code c < 0} the leaf {@code ~c}; every node but 0 and every leaf is some node's child once.
     * A tree of one leaf has no nodes.
     */
    record Tree(double[] leafValue, int[] feature, double[] threshold, byte[] missing, boolean[] defaultLeft,
            int[] left, int[] right) {}

    /** Rows a batch walks through a tree before the next tree: what a {@code long} mask can hold. */
    private static final int CHUNK = 64;

    // A node's descriptor, the second of its slots: the feature in the low 32 bits, then these.
    private static final long INTERNAL = 1L << 32;
    private static final long DEFAULT_LEFT = 1L << 33;
    private static final int MISSING_SHIFT = 34;
    /** The right child is {@code 1 + (descriptor >>> JUMP_SHIFT)} nodes ahead. */
    private static final int JUMP_SHIFT = 36;
    /** Leaves a tree may have, so that its jumps fit in the bits above {@link #JUMP_SHIFT}. */
    static final int MAX_LEAVES = 1 << 24;

    private final int features;
    private final int classes;
    private final int treesPerIteration;
    private final Objective objective;
    private final double sigmoid;
    private final boolean averageOutput;
    private final int[] root;
    private final long[] nodes;
    private final int splits;
    private final boolean zeroAsMissing;
    private final List<String> featureNames;

    Forest(int features, int classes, int treesPerIteration, Objective objective, double sigmoid,
            boolean averageOutput, List<Tree> trees, List<String> featureNames) {
        this(features, classes, treesPerIteration, objective, sigmoid, averageOutput, roots(trees), lay(trees),
                featureNames);
    }

    private Forest(int features, int classes, int treesPerIteration, Objective objective, double sigmoid,
            boolean averageOutput, int[] root, long[] nodes, List<String> featureNames) {
        this.features = features;
        this.classes = classes;
        this.treesPerIteration = treesPerIteration;
        this.objective = Objects.requireNonNull(objective, "objective");
        this.sigmoid = sigmoid;
        this.averageOutput = averageOutput;
        this.root = root;
        this.nodes = nodes;
        this.featureNames = List.copyOf(featureNames);
        int internal = 0;
        boolean zero = false;
        for (int n = 1; n < nodes.length; n += 2) {
            if (nodes[n] != 0) {
                internal++;
                zero |= missing(nodes[n]) == MISSING_ZERO;
            }
        }
        this.splits = internal;
        this.zeroAsMissing = zero;
    }

    /** Where each tree starts: the trees one after the other, each as many nodes as it has splits and leaves. */
    private static int[] roots(List<Tree> trees) {
        int[] roots = new int[trees.size()];
        long at = 0;
        for (int t = 0; t < trees.size(); t++) {
            roots[t] = (int) at;
            at += trees.get(t).feature().length + trees.get(t).leafValue().length;
        }
        if (2 * at > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the model has " + at + " nodes, more than an array holds");
        }
        return roots;
    }

    private static long[] lay(List<Tree> trees) {
        int[] roots = roots(trees);
        Tree last = trees.getLast();
        long[] nodes = new long[2 * (roots[roots.length - 1] + last.feature().length + last.leafValue().length)];
        for (int t = 0; t < trees.size(); t++) {
            lay(trees.get(t), nodes, roots[t]);
        }
        return nodes;
    }

    /**
     * Writes {@code tree} depth first from node index {@code at} on. A stack of the nodes still to write keeps
     * deep trees off the call stack.
     */
    private static void lay(Tree tree, long[] nodes, int at) {
        if (tree.feature().length == 0) {
            nodes[2 * at] = Double.doubleToRawLongBits(tree.leafValue()[0]);
            return;
        }
        int[] pending = new int[tree.leafValue().length + 1];
        int[] parentOfRight = new int[tree.leafValue().length + 1];
        int top = 0;
        pending[top] = 0;
        parentOfRight[top++] = -1;
        int next = at;
        while (top > 0) {
            int child = pending[--top];
            int parent = parentOfRight[top];
            if (parent >= 0) {
                nodes[2 * parent + 1] |= (long) (next - parent - 1) << JUMP_SHIFT;
            }
            int here = next++;
            if (child < 0) {
                nodes[2 * here] = Double.doubleToRawLongBits(tree.leafValue()[~child]);
                continue;
            }
            // + 0.0 turns a threshold of -0.0 into 0.0: the branch-free step compares by the sign of a difference.
            nodes[2 * here] = Double.doubleToRawLongBits(tree.threshold()[child] + 0.0);
            nodes[2 * here + 1] = tree.feature()[child] | INTERNAL | (tree.defaultLeft()[child] ? DEFAULT_LEFT : 0)
                    | (long) tree.missing()[child] << MISSING_SHIFT;
            pending[top] = tree.right()[child];
            parentOfRight[top++] = here;
            pending[top] = tree.left()[child];
            parentOfRight[top++] = -1;
        }
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
        if (columns.length != features) {
            throw new IllegalArgumentException("the model has " + features + " features, " + columns.length
                    + " columns given");
        }
        long[] mapped = nodes.clone();
        for (int n = 1; n < mapped.length; n += 2) {
            if (mapped[n] != 0) {
                int feature = (int) mapped[n];
                int column = columns[feature];
                if (column < 0 || column >= width) {
                    throw new IllegalArgumentException("feature " + feature + " maps to column " + column + " of "
                            + width);
                }
                mapped[n] = mapped[n] & ~0xFFFF_FFFFL | column;
            }
        }
        return new Forest(width, classes, treesPerIteration, objective, sigmoid, averageOutput, root, mapped,
                featureNames);
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

    /** Decision nodes over all trees, leaves not counted. */
    public int nodes() {
        return splits;
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
        probabilities(out, 0);
    }

    /**
     * Class probabilities of several rows, faster per row than one at a time: each tree is walked by up to 64
     * rows while it is in the processor's cache, eight walks at a time.
     *
     * @param rows each as {@link #predict(double[], double[])} takes it
     * @param out  receives {@link #classes()} probabilities per row, row after row
     */
    public void predict(double[][] rows, double[] out) {
        if (out.length < (long) rows.length * classes) {
            throw new IllegalArgumentException(rows.length + " rows need " + (long) rows.length * classes
                    + " values, out has " + out.length);
        }
        for (int from = 0; from < rows.length; from += CHUNK) {
            rawChunk(rows, from, Math.min(rows.length, from + CHUNK), out);
        }
        for (int r = 0; r < rows.length; r++) {
            probabilities(out, r * classes);
        }
    }

    /** The raw scores of one row: for each of the trees per round, the sum of its trees' leaves. */
    public void raw(double[] row, double[] out) {
        checkWidth(row);
        Arrays.fill(out, 0, treesPerIteration, 0);
        if (!plain(row)) {
            rawWithMissing(row, out, 0);
            return;
        }
        long[] nodes = this.nodes;
        int t = 0;
        int k = 0;
        for (; t + 8 <= root.length; t += 8) {
            int k1 = nextClass(k);
            int k2 = nextClass(k1);
            int k3 = nextClass(k2);
            int k4 = nextClass(k3);
            int k5 = nextClass(k4);
            int k6 = nextClass(k5);
            int k7 = nextClass(k6);
            walk8(nodes, out, root[t], row, k, root[t + 1], row, k1, root[t + 2], row, k2, root[t + 3], row, k3,
                    root[t + 4], row, k4, root[t + 5], row, k5, root[t + 6], row, k6, root[t + 7], row, k7);
            k = nextClass(k7);
        }
        for (; t < root.length; t++) {
            out[k] += leafValue(nodes, walk(nodes, root[t], row));
            k = nextClass(k);
        }
        average(out, 0);
    }

    /** Raw scores of rows {@code from} to {@code to} (at most {@link #CHUNK}) into their places in {@code out}. */
    private void rawChunk(double[][] rows, int from, int to, double[] out) {
        long plainRows = 0;
        for (int r = from; r < to; r++) {
            double[] row = rows[r];
            checkWidth(row);
            Arrays.fill(out, r * classes, r * classes + treesPerIteration, 0);
            if (plain(row)) {
                plainRows |= 1L << (r - from);
            } else {
                rawWithMissing(row, out, r * classes);
            }
        }
        long[] nodes = this.nodes;
        int k = 0;
        for (int t = 0; t < root.length; t++) {
            int n = root[t];
            long pending = plainRows;
            while (Long.bitCount(pending) >= 8) {
                int r0 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r1 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r2 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r3 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r4 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r5 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r6 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                int r7 = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                walk8(nodes, out, n, rows[r0], r0 * classes + k, n, rows[r1], r1 * classes + k,
                        n, rows[r2], r2 * classes + k, n, rows[r3], r3 * classes + k, n, rows[r4], r4 * classes + k,
                        n, rows[r5], r5 * classes + k, n, rows[r6], r6 * classes + k, n, rows[r7], r7 * classes + k);
            }
            while (pending != 0) {
                int r = from + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                out[r * classes + k] += leafValue(nodes, walk(nodes, n, rows[r]));
            }
            k = nextClass(k);
        }
        for (long left = plainRows; left != 0; left &= left - 1) {
            average(out, (from + Long.numberOfTrailingZeros(left)) * classes);
        }
    }

    /** All trees of a row that needs LightGBM's missing-value rules, into {@code out} from {@code at} on. */
    private void rawWithMissing(double[] row, double[] out, int at) {
        int k = 0;
        for (int t = 0; t < root.length; t++) {
            out[at + k] += leafValue(nodes, walkWithMissing(nodes, root[t], row));
            k = nextClass(k);
        }
        average(out, at);
    }

    private int nextClass(int k) {
        return k + 1 == treesPerIteration ? 0 : k + 1;
    }

    private void average(double[] out, int at) {
        if (averageOutput) {
            int rounds = iterations();
            for (int c = 0; c < treesPerIteration; c++) {
                out[at + c] /= rounds;
            }
        }
    }

    private void checkWidth(double[] row) {
        if (row.length < features) {
            throw new IllegalArgumentException("a row needs " + features + " features, has " + row.length);
        }
    }

    /** Whether the branch-free walk gives LightGBM's leaves for this row: see the class comment. */
    private boolean plain(double[] row) {
        if (zeroAsMissing) {
            return false;
        }
        boolean plain = true;
        for (double v : row) {
            plain &= Double.isFinite(v) & (Math.abs(v) > ZERO_THRESHOLD | v == 0);
        }
        return plain;
    }

    /**
     * One branch-free step from node {@code n}: to the next node (the left child) when the row's value is at
     * most the threshold, else {@code 1 + jump} ahead; a leaf's zero descriptor keeps it where it is. For
     * finite values the sign of {@code threshold - value} is the comparison, and 0.0 - 0.0 is +0.0 (left).
     */
    private static int step(long[] nodes, int n, double[] row) {
        long descriptor = nodes[2 * n + 1];
        double threshold = Double.longBitsToDouble(nodes[2 * n]);
        long right = Double.doubleToRawLongBits(threshold - row[(int) descriptor]) >> 63;
        return n + (int) (descriptor >>> 32 & 1) + (int) (descriptor >>> JUMP_SHIFT & right);
    }

    /** The leaf a plain row reaches from node {@code n}. */
    private static int walk(long[] nodes, int n, double[] row) {
        while (nodes[2 * n + 1] != 0) {
            n = step(nodes, n, row);
        }
        return n;
    }

    /**
     * Eight walks at once, each from node {@code n} with its {@code row}, adding its leaf's value to
     * {@code out[o]}: the steps of one walk depend on each other, the eight do not, so the processor runs them
     * side by side. (Eight measured faster than four, a row at a time and in batches.)
     */
    private static void walk8(long[] nodes, double[] out,
            int n0, double[] row0, int o0, int n1, double[] row1, int o1,
            int n2, double[] row2, int o2, int n3, double[] row3, int o3,
            int n4, double[] row4, int o4, int n5, double[] row5, int o5,
            int n6, double[] row6, int o6, int n7, double[] row7, int o7) {
        do {
            n0 = step(nodes, n0, row0);
            n1 = step(nodes, n1, row1);
            n2 = step(nodes, n2, row2);
            n3 = step(nodes, n3, row3);
            n4 = step(nodes, n4, row4);
            n5 = step(nodes, n5, row5);
            n6 = step(nodes, n6, row6);
            n7 = step(nodes, n7, row7);
        } while ((nodes[2 * n0 + 1] | nodes[2 * n1 + 1] | nodes[2 * n2 + 1] | nodes[2 * n3 + 1]
                | nodes[2 * n4 + 1] | nodes[2 * n5 + 1] | nodes[2 * n6 + 1] | nodes[2 * n7 + 1]) != 0);
        out[o0] += leafValue(nodes, n0);
        out[o1] += leafValue(nodes, n1);
        out[o2] += leafValue(nodes, n2);
        out[o3] += leafValue(nodes, n3);
        out[o4] += leafValue(nodes, n4);
        out[o5] += leafValue(nodes, n5);
        out[o6] += leafValue(nodes, n6);
        out[o7] += leafValue(nodes, n7);
    }

    /** LightGBM's numerical decisions with its missing-value rules, from node {@code n} to a leaf. */
    private static int walkWithMissing(long[] nodes, int n, double[] row) {
        long descriptor;
        while ((descriptor = nodes[2 * n + 1]) != 0) {
            double value = row[(int) descriptor];
            if (Math.abs(value) <= ZERO_THRESHOLD) {
                value = 0;
            }
            int type = missing(descriptor);
            if (Double.isNaN(value) && type != MISSING_NAN) {
                value = 0;
            }
            boolean right;
            if (type == MISSING_ZERO && value == 0 || type == MISSING_NAN && Double.isNaN(value)) {
                right = (descriptor & DEFAULT_LEFT) == 0;
            } else {
                right = !(value <= Double.longBitsToDouble(nodes[2 * n]));
            }
            n += right ? 1 + (int) (descriptor >>> JUMP_SHIFT) : 1;
        }
        return n;
    }

    private static int missing(long descriptor) {
        return (int) (descriptor >>> MISSING_SHIFT) & 3;
    }

    private static double leafValue(long[] nodes, int leaf) {
        return Double.longBitsToDouble(nodes[2 * leaf]);
    }

    /** Turns the raw scores at {@code out[at...]} into probabilities. */
    private void probabilities(double[] out, int at) {
        switch (objective) {
            case SOFTMAX -> softmax(out, at);
            case ONE_VS_ALL -> {
                for (int k = 0; k < classes; k++) {
                    out[at + k] = sigmoid(out[at + k]);
                }
            }
            case BINARY -> {
                double p = sigmoid(out[at]);
                out[at] = 1 - p;
                out[at + 1] = p;
            }
        }
    }

    private double sigmoid(double score) {
        return 1 / (1 + Math.exp(-sigmoid * score));
    }

    private void softmax(double[] out, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, out[at + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[at + k] = Math.exp(out[at + k] - max);
            sum += out[at + k];
        }
        for (int k = 0; k < classes; k++) {
            out[at + k] /= sum;
        }
    }
}
