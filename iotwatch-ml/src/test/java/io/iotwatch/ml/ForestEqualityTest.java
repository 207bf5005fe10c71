package io.iotwatch.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.detect.model.Forest;
import io.iotwatch.detect.model.LightGbmText;
import io.iotwatch.ml.train.NativeLightGbm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * iotwatch's pure-Java {@link Forest} against LightGBM's own prediction (its C API) on models LightGBM trains
 * here: each objective, each missing-value handling, degenerate trees, and rows chosen to sit on the models'
 * thresholds, hold NaN, tiny values and negative zeros. Probabilities may differ only by rounding.
 */
class ForestEqualityTest {

    private static final double TOLERANCE = 1e-6;
    private static final int PROBES = 10_000;
    private static final String COMMON = "num_leaves=31 min_data_in_leaf=20 learning_rate=0.1 verbose=-1 seed=7 "
            + "deterministic=true num_threads=1";
    private static final Pattern SPLIT_FEATURE = Pattern.compile("^split_feature=(.*)$", Pattern.MULTILINE);
    private static final Pattern THRESHOLD = Pattern.compile("^threshold=(.*)$", Pattern.MULTILINE);
    private static final Pattern DECISION_TYPE = Pattern.compile("^decision_type=(.*)$", Pattern.MULTILINE);

    @Test
    void multiclassOf34Classes() {
        SyntheticFlows flows = new SyntheticFlows(34, 1);
        String model = Training.train(flows.sample(34 * 300, 2),
                "objective=multiclass num_class=34 " + COMMON, 15);

        assertThat(LightGbmText.parse(model).trees()).isEqualTo(15 * 34);
        assertSameAsLightGbm(model, probes(flows, model, 3));
    }

    @Test
    void multiclassOneVsAll() {
        SyntheticFlows flows = new SyntheticFlows(6, 11);
        String model = Training.train(flows.sample(6000, 12), "objective=multiclassova num_class=6 " + COMMON, 20);

        assertThat(LightGbmText.parse(model).objective()).isEqualTo(Forest.Objective.ONE_VS_ALL);
        assertSameAsLightGbm(model, probes(flows, model, 13));
    }

    @Test
    void binary() {
        SyntheticFlows flows = new SyntheticFlows(2, 21);
        String model = Training.train(flows.sample(6000, 22), "objective=binary sigmoid=1.5 " + COMMON, 30);

        assertThat(LightGbmText.parse(model).objective()).isEqualTo(Forest.Objective.BINARY);
        assertSameAsLightGbm(model, probes(flows, model, 23));
    }

    @Test
    void trainedOnRowsWithNaNSendsNaNTheLearnedWay() {
        SyntheticFlows flows = new SyntheticFlows(8, 31);
        SyntheticFlows.Sample sample = flows.sample(8000, 32).withNaN(0.2, 33, 0, 4, 36, 37, 39);
        String model = Training.train(sample, "objective=multiclass num_class=8 " + COMMON, 20);

        assertThat(missingTypes(model)).contains(2);
        assertSameAsLightGbm(model, probes(flows, model, 34));
    }

    @Test
    void zeroAsMissing() {
        SyntheticFlows flows = new SyntheticFlows(8, 41);
        String model = Training.train(flows.sample(8000, 42),
                "objective=multiclass num_class=8 zero_as_missing=true " + COMMON, 20);

        assertThat(missingTypes(model)).contains(1);
        assertSameAsLightGbm(model, probes(flows, model, 43));
    }

    @Test
    void singleLeafTrees() {
        // Class 4 has no rows: LightGBM gives it a constant tree every round.
        SyntheticFlows flows = new SyntheticFlows(4, 51);
        String model = Training.train(flows.sample(4000, 52), "objective=multiclass num_class=5 " + COMMON, 10);

        assertThat(model).contains("num_leaves=1\n");
        assertSameAsLightGbm(model, probes(flows, model, 53));
    }

    @Test
    void randomForestAveragesItsTrees() {
        SyntheticFlows flows = new SyntheticFlows(5, 61);
        String model = Training.train(flows.sample(5000, 62), "objective=multiclass num_class=5 boosting=rf "
                + "bagging_freq=1 bagging_fraction=0.7 feature_fraction=0.8 " + COMMON, 10);

        assertThat(model).contains("\naverage_output\n");
        assertSameAsLightGbm(model, probes(flows, model, 63));
    }

    @Test
    void withColumnsReadsTheModelsColumnsOutOfWiderRows() {
        int skipped = 7;
        SyntheticFlows flows = new SyntheticFlows(6, 71);
        SyntheticFlows.Sample narrowTraining = flows.sample(6000, 72).withoutColumn(skipped);
        String model = Training.train(narrowTraining, "objective=multiclass num_class=6 " + COMMON, 15);
        double[] wide = probes(flows, model, 73);
        SyntheticFlows.Sample narrow = new SyntheticFlows.Sample(wide, new int[PROBES], SyntheticFlows.FEATURES)
                .withoutColumn(skipped);
        int[] columns = new int[SyntheticFlows.FEATURES - 1];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i < skipped ? i : i + 1;
        }
        Forest forest = LightGbmText.parse(model);
        Forest widened = forest.withColumns(columns, SyntheticFlows.FEATURES);

        double[] fromNarrow = new double[forest.classes()];
        double[] fromWide = new double[forest.classes()];
        for (int i = 0; i < PROBES; i++) {
            forest.predict(narrow.row(i), fromNarrow);
            widened.predict(row(wide, i, SyntheticFlows.FEATURES), fromWide);
            assertThat(fromWide).as("row %d", i).containsExactly(fromNarrow);
        }
        assertSameAsLightGbm(model, narrow.values());
    }

    /**
     * Forest's probabilities of each row of {@code rows} against LightGBM's, one row at a time and all rows in
     * one batch.
     */
    private static void assertSameAsLightGbm(String model, double[] rows) {
        Forest forest = LightGbmText.parse(model);
        int columns = forest.features();
        int count = rows.length / columns;
        double[] expected;
        int perRow;
        try (NativeLightGbm lightGbm = new NativeLightGbm(model)) {
            expected = lightGbm.predict(rows, count, columns, false);
            perRow = lightGbm.classes();
        }
        int classes = forest.classes();
        double[] single = new double[count * classes];
        double[] out = new double[classes];
        double[][] batch = new double[count][];
        for (int i = 0; i < count; i++) {
            batch[i] = row(rows, i, columns);
            forest.predict(batch[i], out);
            System.arraycopy(out, 0, single, i * classes, classes);
        }
        double[] batched = new double[count * classes];
        forest.predict(batch, batched);

        for (int i = 0; i < count; i++) {
            for (int k = 0; k < perRow; k++) {
                // LightGBM gives a binary model's probability of class 1 only.
                int mine = i * classes + (perRow == 1 ? 1 : k);
                double lightGbm = expected[i * perRow + k];
                assertThat(Math.abs(single[mine] - lightGbm)).as("row %d class %d", i, k)
                        .isLessThanOrEqualTo(TOLERANCE);
                assertThat(Math.abs(batched[mine] - lightGbm)).as("row %d class %d in a batch", i, k)
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    /**
     * {@link #PROBES} fresh rows of {@code flows}: a fifth with a few values set to exactly a threshold the model
     * splits that column on (where {@code <=} decides), a tenth with NaN in a few columns, and some with values
     * LightGBM counts as zero (below 1e-35), negative zeros or infinities (CICIoT2023's rates have some).
     */
    private static double[] probes(SyntheticFlows flows, String model, long seed) {
        double[] rows = flows.sample(PROBES, seed).values();
        int columns = SyntheticFlows.FEATURES;
        List<double[]> thresholds = thresholds(model);
        Random random = new Random(seed);
        for (int i = 0; i < PROBES; i++) {
            int base = i * columns;
            double kind = random.nextDouble();
            if (kind < 0.2) {
                for (int j = 0; j < 3; j++) {
                    double[] split = thresholds.get(random.nextInt(thresholds.size()));
                    rows[base + (int) split[0]] = split[1];
                }
            } else if (kind < 0.3) {
                for (int j = 0; j < 3; j++) {
                    rows[base + random.nextInt(columns)] = Double.NaN;
                }
            } else if (kind < 0.35) {
                rows[base + random.nextInt(columns)] = random.nextBoolean() ? 1e-36 : -1e-40;
                rows[base + random.nextInt(columns)] = -0.0;
            } else if (kind < 0.37) {
                rows[base + random.nextInt(columns)] = random.nextBoolean()
                        ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        }
        return rows;
    }

    /** Each split of the model as {feature, threshold}; a model over fewer columns keeps its own numbering. */
    private static List<double[]> thresholds(String model) {
        List<double[]> out = new ArrayList<>();
        Matcher features = SPLIT_FEATURE.matcher(model);
        Matcher thresholds = THRESHOLD.matcher(model);
        while (features.find() && thresholds.find()) {
            String[] f = features.group(1).strip().split(" ");
            String[] t = thresholds.group(1).strip().split(" ");
            for (int i = 0; i < f.length && !f[i].isEmpty(); i++) {
                // LightGBM writes an infinite threshold as inf, which Java does not read.
                double threshold = t[i].endsWith("inf")
                        ? (t[i].startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(t[i]);
                out.add(new double[] {Integer.parseInt(f[i]), threshold});
            }
        }
        return out;
    }

    private static List<Integer> missingTypes(String model) {
        List<Integer> out = new ArrayList<>();
        Matcher decisions = DECISION_TYPE.matcher(model);
        while (decisions.find()) {
            for (String d : decisions.group(1).strip().split(" ")) {
                if (!d.isEmpty()) {
                    out.add((Integer.parseInt(d) >> 2) & 3);
                }
            }
        }
        return out;
    }

    private static double[] row(double[] rows, int i, int columns) {
        double[] row = new double[columns];
        System.arraycopy(rows, i * columns, row, 0, columns);
        return row;
    }
}
