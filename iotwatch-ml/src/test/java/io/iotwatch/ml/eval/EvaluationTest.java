package io.iotwatch.ml.eval;

import static io.iotwatch.ml.eval.ConfusionMatrixTest.ACTUAL;
import static io.iotwatch.ml.eval.ConfusionMatrixTest.PREDICTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.Granularity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void foldsTheClassMatrixIntoGroupsAndAttackAgainstBenign() {
        Evaluation evaluation = Evaluation.of(ACTUAL, PREDICTED);

        assertThat(evaluation.rows()).isEqualTo(10);
        assertThat(evaluation.at(Granularity.CLASS).labels()).containsExactly("DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic");
        assertThat(evaluation.at(Granularity.GROUP).labels()).containsExactly("DDoS", "Recon", "Benign");
        assertThat(evaluation.at(Granularity.GROUP).counts()).isDeepEqualTo(evaluation.at(Granularity.CLASS).counts());
        assertThat(evaluation.at(Granularity.BINARY).labels()).containsExactly("Benign", "Attack");
        assertThat(evaluation.at(Granularity.BINARY).counts()).isDeepEqualTo(new long[][] {{2, 1}, {0, 7}});
        assertThat(evaluation.at(Granularity.BINARY).accuracy()).isEqualTo(0.9);
    }

    @Test
    void aModelTrainedOnGroupsIsScoredOnItsGroupsAndAgainstBenign() {
        List<String> actual = List.of("DDoS-UDP_Flood", "DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic");
        List<String> predicted = List.of("DDoS", "DDoS", "DDoS", "Benign");

        Evaluation evaluation = Evaluation.of(actual, predicted);

        ConfusionMatrix groups = evaluation.at(Granularity.GROUP);
        assertThat(groups.labels()).containsExactly("DDoS", "Recon", "Benign");
        assertThat(groups.counts()).isDeepEqualTo(new long[][] {{2, 0, 0}, {1, 0, 0}, {0, 0, 1}});
        assertThat(evaluation.at(Granularity.BINARY).counts()).isDeepEqualTo(new long[][] {{1, 0}, {0, 3}});
        // The classes as rows, the groups the model knows as columns after them.
        assertThat(evaluation.at(Granularity.CLASS).labels()).containsExactly(
                "DDoS-UDP_Flood", "DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic", "DDoS", "Benign");
        assertThat(evaluation.at(Granularity.CLASS).accuracy()).isZero();
    }

    @Test
    void randomEvaluationsAreConsistentAtEveryGranularity() {
        Random random = new Random(20_230_607);
        List<String> known = new ArrayList<>();
        for (AttackClass c : AttackClass.values()) {
            known.add(c.label());
        }
        for (int trial = 0; trial < 200; trial++) {
            List<String> pool = new ArrayList<>(known.subList(0, 1 + random.nextInt(known.size())));
            pool.add("Custom-" + random.nextInt(3));
            int rows = 1 + random.nextInt(400);
            List<String> actual = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String label = pool.get(random.nextInt(pool.size()));
                actual.add(label);
                double dice = random.nextDouble();
                predicted.add(dice < 0.6 ? label : dice < 0.95 ? pool.get(random.nextInt(pool.size())) : "Ghost");
            }

            Evaluation evaluation = Evaluation.of(actual, predicted);

            for (Granularity granularity : Granularity.values()) {
                ConfusionMatrix m = evaluation.at(granularity);
                List<String> mappedActual = actual.stream().map(granularity::labelOf).toList();
                List<String> mappedPredicted = predicted.stream().map(granularity::labelOf).toList();
                assertConsistent(m, mappedActual, mappedPredicted);
                ConfusionMatrix direct = ConfusionMatrix.of(mappedActual, mappedPredicted);
                assertThat(m.labels()).isEqualTo(direct.labels());
                assertThat(m.counts()).isDeepEqualTo(direct.counts());
            }
            assertBlocksSum(evaluation.at(Granularity.CLASS), evaluation.at(Granularity.BINARY), Granularity.BINARY);
            assertBlocksSum(evaluation.at(Granularity.CLASS), evaluation.at(Granularity.GROUP), Granularity.GROUP);
        }
    }

    private static void assertConsistent(ConfusionMatrix m, List<String> actual, List<String> predicted) {
        assertThat(m.total()).isEqualTo(actual.size());
        long right = 0;
        for (int i = 0; i < actual.size(); i++) {
            right += actual.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        assertThat(m.accuracy()).isEqualTo((double) right / actual.size());
        long diagonal = 0;
        for (int c = 0; c < m.size(); c++) {
            String label = m.labels().get(c);
            diagonal += m.count(c, c);
            assertThat(m.support(c)).isEqualTo(actual.stream().filter(label::equals).count());
            assertThat(m.predicted(c)).isEqualTo(predicted.stream().filter(label::equals).count());
            ConfusionMatrix.ClassMetrics scores = m.metrics(c);
            assertThat(List.of(scores.precision(), scores.recall(), scores.f1())).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
            assertThat(scores.f1()).isBetween(Math.min(scores.precision(), scores.recall()) - 1e-12,
                    Math.max(scores.precision(), scores.recall()) + 1e-12);
        }
        assertThat((double) diagonal / m.total()).isEqualTo(m.accuracy());
        assertThat(m.labels()).doesNotHaveDuplicates().containsAll(actual).containsAll(predicted);
        double[] actualF1 = m.perClass().stream().filter(c -> c.support() > 0).mapToDouble(ConfusionMatrix.ClassMetrics::f1).toArray();
        assertThat(m.actualLabels()).isEqualTo(actualF1.length);
        assertThat(m.macroF1()).isCloseTo(Arrays.stream(actualF1).average().orElseThrow(), within(1e-12));
        assertThat(m.weightedF1()).isBetween(0.0, 1.0);
    }

    /** Each count of the coarse matrix is the sum of the class-level block of the classes it folds together. */
    private static void assertBlocksSum(ConfusionMatrix classes, ConfusionMatrix coarse, Granularity granularity) {
        long[][] sums = new long[coarse.size()][coarse.size()];
        for (int a = 0; a < classes.size(); a++) {
            for (int p = 0; p < classes.size(); p++) {
                int row = coarse.labels().indexOf(granularity.labelOf(classes.labels().get(a)));
                int column = coarse.labels().indexOf(granularity.labelOf(classes.labels().get(p)));
                sums[row][column] += classes.count(a, p);
            }
        }
        assertThat(coarse.counts()).isDeepEqualTo(sums);
    }
}
