package io.iotwatch.ml;

import io.iotwatch.packet.features.FeatureColumns;
import java.util.Random;

/**
 * Seeded rows shaped like CICIoT2023's: the 46 columns as counts, rates, 0/1 flags and a few columns that take
 * one of a handful of values (protocol numbers, TTLs, packet sizes), with exact zeros and repeated values, so
 * LightGBM's thresholds fall between equal values as they do on the real data. Classes come in families that
 * share their distributions up to a small shift, so the classes of a family overlap and the trees grow full, as
 * they do between the dataset's DDoS and DoS variants.
 */
public final class SyntheticFlows {

    public static final int FEATURES = FeatureColumns.COUNT;

    private static final double[] PROTOCOLS = {0, 1, 6, 17, 47};
    private static final double[] TTLS = {32, 64, 64.5, 128, 255};
    private static final double[] SIZES = {42, 54, 60, 66, 74, 98, 590, 1514};
    private static final double[] WEIGHTS = {1, 141.55, 244.6};
    private static final double[] VARIANCES = {0, 0.5, 1};
    private static final int FAMILIES = 8;

    private enum Kind { LOG, COUNT, FLAG, CHOICE }

    private final int classes;
    private final double[][] location;
    private final double[][] spread;
    private final double[][] zeros;
    private final int[][] preferred;
    private final double[] frequency;

    /** The distributions of {@code classes} classes, drawn from {@code seed}. */
    public SyntheticFlows(int classes, long seed) {
        this.classes = classes;
        Random random = new Random(seed);
        double[][] familyLocation = new double[FAMILIES][FEATURES];
        int[][] familyChoice = new int[FAMILIES][FEATURES];
        for (int family = 0; family < FAMILIES; family++) {
            for (int f = 0; f < FEATURES; f++) {
                familyLocation[family][f] = switch (kind(f)) {
                    case LOG -> -2 + 12 * random.nextDouble();
                    case COUNT -> -1 + 6 * random.nextDouble();
                    case FLAG -> -4 + 8 * random.nextDouble();
                    case CHOICE -> 0;
                };
                familyChoice[family][f] = random.nextInt(choices(f).length);
            }
        }
        location = new double[classes][FEATURES];
        spread = new double[classes][FEATURES];
        zeros = new double[classes][FEATURES];
        preferred = new int[classes][FEATURES];
        frequency = new double[classes];
        double total = 0;
        for (int c = 0; c < classes; c++) {
            int family = c % FAMILIES;
            for (int f = 0; f < FEATURES; f++) {
                location[c][f] = familyLocation[family][f] + 0.6 * random.nextGaussian();
                spread[c][f] = 0.3 + 1.2 * random.nextDouble();
                zeros[c][f] = random.nextDouble() < 0.3 ? 0.5 * random.nextDouble() : 0;
                preferred[c][f] = random.nextDouble() < 0.7
                        ? familyChoice[family][f] : random.nextInt(choices(f).length);
            }
            frequency[c] = 0.3 + random.nextDouble();
            total += frequency[c];
        }
        for (int c = 0; c < classes; c++) {
            frequency[c] /= total;
        }
    }

    /** Labeled rows of {@code columns} values, row-major. */
    public record Sample(double[] values, int[] labels, int columns) {
        public int rows() {
            return labels.length;
        }

        public float[] floatLabels() {
            float[] out = new float[labels.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = labels[i];
            }
            return out;
        }

        public double[] row(int i) {
            double[] row = new double[columns];
            System.arraycopy(values, i * columns, row, 0, columns);
            return row;
        }

        /** This sample without column {@code skip}. */
        public Sample withoutColumn(int skip) {
            double[] narrow = new double[labels.length * (columns - 1)];
            for (int i = 0; i < labels.length; i++) {
                System.arraycopy(values, i * columns, narrow, i * (columns - 1), skip);
                System.arraycopy(values, i * columns + skip + 1, narrow, i * (columns - 1) + skip, columns - skip - 1);
            }
            return new Sample(narrow, labels, columns - 1);
        }

        /** This sample with each value in {@code holes} replaced by NaN with probability {@code rate}. */
        public Sample withNaN(double rate, long seed, int... holes) {
            Random random = new Random(seed);
            double[] copy = values.clone();
            for (int i = 0; i < labels.length; i++) {
                for (int column : holes) {
                    if (random.nextDouble() < rate) {
                        copy[i * columns + column] = Double.NaN;
                    }
                }
            }
            return new Sample(copy, labels, columns);
        }
    }

    /** {@code rows} rows whose classes follow the classes' frequencies. */
    public Sample sample(int rows, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows * FEATURES];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            int c = pick(random.nextDouble());
            labels[i] = c;
            for (int f = 0; f < FEATURES; f++) {
                values[i * FEATURES + f] = value(c, f, random);
            }
        }
        return new Sample(values, labels, FEATURES);
    }

    private int pick(double u) {
        double sum = 0;
        for (int c = 0; c < classes - 1; c++) {
            sum += frequency[c];
            if (u < sum) {
                return c;
            }
        }
        return classes - 1;
    }

    private double value(int c, int f, Random random) {
        if (random.nextDouble() < zeros[c][f]) {
            return 0;
        }
        return switch (kind(f)) {
            case LOG -> {
                double v = Math.exp(location[c][f] + spread[c][f] * random.nextGaussian());
                yield f == FeatureColumns.AVG ? Math.round(v * 10) / 10.0 : v;
            }
            case COUNT -> Math.floor(Math.exp(location[c][f] + spread[c][f] * random.nextGaussian()));
            case FLAG -> random.nextDouble() < 1 / (1 + Math.exp(-location[c][f])) ? 1 : 0;
            case CHOICE -> {
                double[] options = choices(f);
                yield options[random.nextDouble() < 0.8 ? preferred[c][f] : random.nextInt(options.length)];
            }
        };
    }

    private static Kind kind(int f) {
        return switch (f) {
            case FeatureColumns.PROTOCOL_TYPE, FeatureColumns.DURATION, FeatureColumns.MIN, FeatureColumns.MAX,
                 FeatureColumns.TOT_SIZE, FeatureColumns.VARIANCE, FeatureColumns.WEIGHT -> Kind.CHOICE;
            case FeatureColumns.HEADER_LENGTH, FeatureColumns.ACK_COUNT, FeatureColumns.SYN_COUNT,
                 FeatureColumns.FIN_COUNT, FeatureColumns.URG_COUNT, FeatureColumns.RST_COUNT, FeatureColumns.TOT_SUM,
                 FeatureColumns.NUMBER -> Kind.COUNT;
            default -> f >= FeatureColumns.FIN_FLAG_NUMBER && f <= FeatureColumns.LLC ? Kind.FLAG : Kind.LOG;
        };
    }

    private static double[] choices(int f) {
        return switch (f) {
            case FeatureColumns.PROTOCOL_TYPE -> PROTOCOLS;
            case FeatureColumns.DURATION -> TTLS;
            case FeatureColumns.WEIGHT -> WEIGHTS;
            case FeatureColumns.VARIANCE -> VARIANCES;
            default -> SIZES;
        };
    }
}
