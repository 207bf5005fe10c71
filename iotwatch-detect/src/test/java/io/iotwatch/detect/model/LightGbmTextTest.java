package io.iotwatch.detect.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text format reader and the forest on small hand-written models, where each probability can be worked out
 * by hand; {@code ForestEqualityTest} in iotwatch-ml checks models LightGBM trains against LightGBM itself.
 */
class LightGbmTextTest {

    /** Feature 0 at most 0.5 goes to leaf 0 (-1), else feature 1 at most 2 to leaf 1 (0.5), else leaf 2 (2). */
    private static final String TWO_SPLITS = tree("0 1", "0.5 2", "2 2", "-1 -2", "1 -3", "-1 0.5 2");

    @Test
    void aValueEqualToTheThresholdGoesLeft() {
        Forest forest = LightGbmText.parse(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS));

        assertThat(raw(forest, 0.5, 9)).isEqualTo(-1);
        assertThat(raw(forest, Math.nextUp(0.5), 2)).isEqualTo(0.5);
        assertThat(raw(forest, 1, Math.nextUp(2.0))).isEqualTo(2);
    }

    @Test
    void binaryGivesBothClassesFromTheSigmoidWithTheModelsParameter() {
        Forest forest = LightGbmText.parse(model("binary sigmoid:2", 1, 1, 2, TWO_SPLITS));
        double[] out = new double[2];

        forest.predict(new double[] {1, 1}, out);

        assertThat(forest.objective()).isEqualTo(Forest.Objective.BINARY);
        assertThat(forest.classes()).isEqualTo(2);
        double p = 1 / (1 + Math.exp(-2 * 0.5));
        assertThat(out[1]).isCloseTo(p, within(1e-15));
        assertThat(out[0]).isCloseTo(1 - p, within(1e-15));
    }

    @Test
    void multiclassSumsEachClassesTreesThenTakesTheSoftmax() {
        String text = model("multiclass num_class:3", 3, 3, 2, TWO_SPLITS, leaf("0.25"), TWO_SPLITS,
                leaf("1"), TWO_SPLITS, leaf("-0.5"));
        Forest forest = LightGbmText.parse(text);
        double[] out = new double[3];

        forest.predict(new double[] {0, 0}, out);

        double[] scores = {-1 + 1, 0.25 - 1, -1 - 0.5};
        double sum = Math.exp(scores[0]) + Math.exp(scores[1]) + Math.exp(scores[2]);
        for (int k = 0; k < 3; k++) {
            assertThat(out[k]).isCloseTo(Math.exp(scores[k]) / sum, within(1e-15));
        }
        assertThat(forest.iterations()).isEqualTo(2);
        assertThat(forest.trees()).isEqualTo(6);
        assertThat(forest.nodes()).isEqualTo(6);
    }

    @Test
    void oneVsAllTakesASigmoidPerClass() {
        Forest forest = LightGbmText.parse(model("multiclassova num_class:2 sigmoid:1.5", 2, 2, 2, TWO_SPLITS,
                leaf("0.25")));
        double[] out = new double[2];

        forest.predict(new double[] {9, 9}, out);

        assertThat(out[0]).isCloseTo(1 / (1 + Math.exp(-1.5 * 2)), within(1e-15));
        assertThat(out[1]).isCloseTo(1 / (1 + Math.exp(-1.5 * 0.25)), within(1e-15));
    }

    @Test
    void averageOutputDividesByTheRounds() {
        String text = model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS, leaf("1"), leaf("0.5"))
                .replace("\n\nTree=0", "\naverage_output\n\nTree=0");

        assertThat(raw(LightGbmText.parse(text), 9, 9)).isCloseTo((2 + 1 + 0.5) / 3, within(1e-15));
    }

    @Test
    void aTreeOfOneLeafGivesItsValue() {
        Forest forest = LightGbmText.parse(model("binary sigmoid:1", 1, 1, 2, leaf("0.75")));

        assertThat(raw(forest, 0, 0)).isEqualTo(0.75);
        assertThat(forest.nodes()).isZero();
    }

    @Test
    void missingValuesFollowEachNodesRule() {
        // Node 0 on feature 0: NaN goes the default way, right (decision 8) or left (10).
        String nanRight = tree("0", "0.5", "8", "-1", "-2", "-1 1");
        String nanLeft = tree("0", "0.5", "10", "-1", "-2", "-1 1");
        // No missing handling: NaN counts as 0.
        String none = tree("0", "-0.5", "2", "-1", "-2", "-1 1");
        // Zero as missing: 0, NaN and values within 1e-35f of 0 go the default way, right (4) here.
        String zero = tree("0", "0.5", "4", "-1", "-2", "-1 1");
        double kZeroThreshold = 1.0000000180025095e-35;

        assertThat(raw(forest(nanRight), Double.NaN, 0)).isEqualTo(1);
        assertThat(raw(forest(nanLeft), Double.NaN, 0)).isEqualTo(-1);
        assertThat(raw(forest(nanLeft), 0.75, 0)).isEqualTo(1);
        assertThat(raw(forest(none), Double.NaN, 0)).isEqualTo(1);
        assertThat(raw(forest(zero), 0, 0)).isEqualTo(1);
        assertThat(raw(forest(zero), Double.NaN, 0)).isEqualTo(1);
        assertThat(raw(forest(zero), -1e-36, 0)).isEqualTo(1);
        assertThat(raw(forest(zero), kZeroThreshold, 0)).isEqualTo(1);
        assertThat(raw(forest(zero), Math.nextUp(kZeroThreshold), 0)).isEqualTo(-1);
        assertThat(raw(forest(zero), 0.25, 0)).isEqualTo(-1);
    }

    @Test
    void valuesLightGbmCountsAsZeroCompareAsZero() {
        // LightGBM drops values within 1e-35f of 0 from a row before its trees see it.
        Forest forest = forest(tree("0", "-1.0000000180025095e-35", "2", "-1", "-2", "-1 1"));

        assertThat(raw(forest, -1.0000000180025095e-35, 0)).isEqualTo(1);
        assertThat(raw(forest, Math.nextDown(-1.0000000180025095e-35), 0)).isEqualTo(-1);
    }

    @Test
    void negativeZeroThresholdsAndInfinitiesCompareAsDoubles() {
        Forest negativeZero = forest(tree("0", "-0", "2", "-1", "-2", "-1 1"));
        // LightGBM writes an infinite threshold (a split of NaN from the rest) as inf.
        Forest infinite = forest(tree("0 1", "-inf inf", "2 2", "-1 -2", "1 -3", "-1 0.5 2"));

        assertThat(raw(negativeZero, 0.0, 0)).isEqualTo(-1);
        assertThat(raw(negativeZero, -0.0, 0)).isEqualTo(-1);
        assertThat(raw(negativeZero, 1e-30, 0)).isEqualTo(1);
        assertThat(raw(negativeZero, Double.POSITIVE_INFINITY, 0)).isEqualTo(1);
        assertThat(raw(infinite, Double.NEGATIVE_INFINITY, 0)).isEqualTo(-1);
        assertThat(raw(infinite, -Double.MAX_VALUE, Double.POSITIVE_INFINITY)).isEqualTo(0.5);
        assertThat(raw(infinite, 0, Double.NaN)).isEqualTo(0.5);
    }

    @Test
    void withColumnsReadsTheModelsFeaturesFromOtherColumns() {
        Forest forest = LightGbmText.parse(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS));
        Forest wide = forest.withColumns(new int[] {2, 0}, 3);

        assertThat(wide.features()).isEqualTo(3);
        assertThat(raw(wide, 3, 7, 0.5)).isEqualTo(-1);
        assertThat(raw(wide, 1, 7, 0.75)).isEqualTo(0.5);
        assertThat(raw(wide, 3, 7, 0.75)).isEqualTo(2);
        assertThatThrownBy(() -> forest.withColumns(new int[] {0}, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forest.withColumns(new int[] {0, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 3 of 3");
    }

    @Test
    void aBatchGivesWhatEachRowGivesAlone() throws IOException {
        Forest forest = LightGbmText.parse(resource("multiclass-3x3.txt"));
        Random random = new Random(5);
        double[][] rows = new double[150][forest.features()];
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                double kind = random.nextDouble();
                row[f] = kind < 0.005 ? Double.NaN : kind < 0.3 ? 0 : Math.exp(12 * random.nextDouble() - 2);
            }
        }
        double[] batch = new double[rows.length * 3];
        double[] alone = new double[3];

        forest.predict(rows, batch);

        for (int i = 0; i < rows.length; i++) {
            forest.predict(rows[i], alone);
            assertThat(new double[] {batch[3 * i], batch[3 * i + 1], batch[3 * i + 2]}).as("row %d", i)
                    .containsExactly(alone);
            assertThat(alone[0] + alone[1] + alone[2]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void readsAModelLightGbmWrote() throws IOException {
        Forest forest = LightGbmText.parse(resource("multiclass-3x3.txt"));

        assertThat(forest.trees()).isEqualTo(9);
        assertThat(forest.classes()).isEqualTo(3);
        assertThat(forest.features()).isEqualTo(46);
        assertThat(forest.featureNames()).hasSize(46).startsWith("Column_0");
        assertThat(forest.objective()).isEqualTo(Forest.Objective.SOFTMAX);
    }

    @Test
    void refusesAFileThatIsNotAModel() {
        assertRefused("", "first line is not 'tree'");
        assertRefused("hello\nmax_feature_idx=1\n", "not key=value");
        assertRefused(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS).replace("max_feature_idx=1\n", ""),
                "missing max_feature_idx");
        assertRefused(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS).replace("max_feature_idx=1", "max_feature_idx=x"),
                "max_feature_idx is not a whole number");
        assertRefused(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS).replace("max_feature_idx=1",
                "max_feature_idx=1\nfeature_names=a b c"), "feature_names lists 3 names");
        assertRefused(model("binary sigmoid:1", 1, 1, 2), "no trees");
        assertRefused(model("multiclass num_class:2", 2, 2, 2, TWO_SPLITS), "not a whole number of rounds");
        assertRefused(model("multiclass num_class:2", 2, 1, 2, TWO_SPLITS), "cannot have 1 trees per round");
        assertRefused(model("binary sigmoid:0", 1, 1, 2, TWO_SPLITS), "sigmoid must be positive");
    }

    @Test
    void refusesObjectivesThatAreNotClassification() {
        assertRefused(model("regression", 1, 1, 2, TWO_SPLITS), "objective 'regression' is not a classification");
        assertRefused(model("lambdarank", 1, 1, 2, TWO_SPLITS), "objective 'lambdarank'");
        assertRefused(model("", 1, 1, 2, TWO_SPLITS), "objective ''");
    }

    @Test
    void refusesCategoricalSplitsAndLinearTrees() {
        assertRefused(model("binary sigmoid:1", 1, 1, 2, tree("0 1", "0.5 2", "2 1", "-1 -2", "1 -3", "-1 0.5 2")),
                "node 1 is a categorical split, which is not supported");
        assertRefused(model("binary sigmoid:1", 1, 1, 2, TWO_SPLITS.replace("is_linear=0", "is_linear=1")),
                "linear trees are not supported");
    }

    @Test
    void refusesTreesWhoseWalksMightNotEndAtALeaf() {
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2", "0 -3", "-1 0.5 2")),
                "node 0 has child node 0, which is not after it");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "1 -2", "1 -3", "-1 0.5 2")),
                "node 0 has child 1, which is another node's child too");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2", "1 -1", "-1 0.5 2")),
                "another node's child too");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2", "1 -4", "-1 0.5 2")),
                "node 1 has leaf 3 of 3");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2", "2 -3", "-1 0.5 2")),
                "node 0 has child node 2, which is not after it among 2");
        assertRefused(forestText(tree("0 2", "0.5 2", "2 2", "-1 -2", "1 -3", "-1 0.5 2")),
                "node 1 splits on feature 2 of 2");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 12", "-1 -2", "1 -3", "-1 0.5 2")),
                "unknown missing type");
    }

    @Test
    void refusesValuesThatAreMissingOrNotNumbers() {
        assertRefused(forestText(tree("0 1", "0.5", "2 2", "-1 -2", "1 -3", "-1 0.5 2")),
                "threshold has 1 values, needs 2");
        assertRefused(forestText(tree("0 1", "0.5 x", "2 2", "-1 -2", "1 -3", "-1 0.5 2")), "threshold holds x");
        assertRefused(forestText(tree("0 1", "0.5 NaN", "2 2", "-1 -2", "1 -3", "-1 0.5 2")), "threshold is NaN");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2", "1 -3", "-1 0.5 1e999")),
                "a leaf value is Infinity");
        assertRefused(forestText(tree("0 1", "0.5 2", "2 2", "-1 -2.5", "1 -3", "-1 0.5 2")), "not a whole number");
        assertRefused(forestText(TWO_SPLITS.replace("right_child=1 -3\n", "")), "missing right_child");
        assertRefused(forestText(TWO_SPLITS.replace("num_leaves=3", "num_leaves=99999999")),
                "num_leaves must be within");
        assertRefused(forestText(TWO_SPLITS.replace("num_leaves=3", "num_leaves=4")),
                "leaf_value has 3 values, needs 4");
    }

    @Test
    void refusesCountsTheFileDoesNotHoldBeforeMakingRoomForThem() {
        // 300 trees claiming 2^24 leaves each: 5 billion nodes, which would overflow or exhaust memory if
        // believed before their values were read.
        String[] trees = new String[300];
        Arrays.fill(trees, TWO_SPLITS.replace("num_leaves=3", "num_leaves=16777216"));

        assertRefused(model("binary sigmoid:1", 1, 1, 2, trees), "leaf_value has 3 values, needs 16777216");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> LightGbmText.parse(text)).isInstanceOf(LightGbmText.FormatException.class)
                .hasMessageContaining(message);
    }

    private static Forest forest(String tree) {
        return LightGbmText.parse(forestText(tree));
    }

    private static String forestText(String tree) {
        return model("binary sigmoid:1", 1, 1, 2, tree);
    }

    private static double raw(Forest forest, double... row) {
        double[] out = new double[1];
        forest.raw(row, out);
        return out[0];
    }

    /** A model file as LightGBM writes it, with the trees given. */
    static String model(String objective, int classes, int perIteration, int features, String... trees) {
        StringBuilder text = new StringBuilder("tree\nversion=v4\nnum_class=" + classes + "\nnum_tree_per_iteration="
                + perIteration + "\nlabel_index=0\nmax_feature_idx=" + (features - 1) + "\nobjective=" + objective
                + "\n\n");
        for (int t = 0; t < trees.length; t++) {
            text.append("Tree=").append(t).append('\n').append(trees[t]).append('\n');
        }
        return text.append("end of trees\n\nparameters:\n[boosting: gbdt]\nend of parameters\n").toString();
    }

    /** A tree's lines: its nodes' split features, thresholds, decision types and children, then its leaves. */
    static String tree(String features, String thresholds, String decisions, String left, String right,
            String leaves) {
        return "num_leaves=" + leaves.split(" ").length + "\nnum_cat=0\nsplit_feature=" + features + "\nthreshold="
                + thresholds + "\ndecision_type=" + decisions + "\nleft_child=" + left + "\nright_child=" + right
                + "\nleaf_value=" + leaves + "\nis_linear=0\nshrinkage=1\n";
    }

    /** A tree of one leaf, as LightGBM writes it: empty node lines. */
    static String leaf(String value) {
        return tree("", "", "", "", "", value);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LightGbmTextTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
