package io.iotwatch.ml.eval;

import static java.util.Collections.nCopies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.iotwatch.core.taxonomy.Granularity;
import io.iotwatch.ml.eval.ConfusionMatrix.ClassMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    static final String SYN = "DDoS-SYN_Flood";
    static final String SCAN = "Recon-PortScan";
    static final String BENIGN = "BenignTraffic";

    /** Ten rows over three classes: 3 of 4 floods, 2 of 3 scans and 2 of 3 benign rows right. */
    static final List<String> ACTUAL = List.of(SYN, SYN, SYN, SYN, SCAN, SCAN, SCAN, BENIGN, BENIGN, BENIGN);
    static final List<String> PREDICTED = List.of(SYN, SYN, SYN, SCAN, SCAN, SCAN, SYN, BENIGN, BENIGN, SCAN);

    @Test
    void countsActualRowsAgainstPredictedColumnsInTaxonomyOrder() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED);

        assertThat(m.labels()).containsExactly(SYN, SCAN, BENIGN);
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{3, 1, 0}, {1, 2, 0}, {0, 1, 2}});
        assertThat(m.count(SCAN, SYN)).isEqualTo(1);
        assertThat(m.count("XSS", SYN)).isZero();
        assertThat(m.total()).isEqualTo(10);
    }

    @Test
    void scoresMatchTheHandComputedOnes() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED);

        assertThat(m.perClass()).containsExactly(
                new ClassMetrics(SYN, 3 / 4.0, 3 / 4.0, 6 / 8.0, 4, 4),
                new ClassMetrics(SCAN, 2 / 4.0, 2 / 3.0, 4 / 7.0, 3, 4),
                new ClassMetrics(BENIGN, 2 / 2.0, 2 / 3.0, 4 / 5.0, 3, 2));
        assertThat(m.accuracy()).isEqualTo(0.7);
        assertThat(m.macroF1()).isCloseTo((0.75 + 4 / 7.0 + 0.8) / 3, within(1e-15));
        assertThat(m.weightedF1()).isCloseTo((4 * 0.75 + 3 * (4 / 7.0) + 3 * 0.8) / 10, within(1e-15));
        assertThat(m.actualLabels()).isEqualTo(3);
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        for (ClassMetrics c : ConfusionMatrix.of(ACTUAL, PREDICTED).perClass()) {
            assertThat(c.f1()).isCloseTo(2 * c.precision() * c.recall() / (c.precision() + c.recall()), within(1e-15));
        }
    }

    @Test
    void aClassNeverPredictedHasPrecisionRecallAndF1Zero() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of(SYN, SYN, SCAN), List.of(SYN, SYN, SYN));

        assertThat(m.metrics(1)).isEqualTo(new ClassMetrics(SCAN, 0, 0, 0, 1, 0));
        assertThat(m.metrics(0)).isEqualTo(new ClassMetrics(SYN, 2 / 3.0, 1, 4 / 5.0, 2, 3));
        assertThat(m.macroF1()).isEqualTo(0.4);
    }

    @Test
    void aLabelOnlyPredictedHasARowOfZerosScoresZeroAndStaysOutOfMacroF1() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of(SYN, SYN), List.of(SYN, "Made-Up"));

        assertThat(m.labels()).containsExactly(SYN, "Made-Up");
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{1, 1}, {0, 0}});
        assertThat(m.metrics(1)).isEqualTo(new ClassMetrics("Made-Up", 0, 0, 0, 0, 1));
        assertThat(m.metrics(0).f1()).isEqualTo(2 / 3.0);
        // scikit-learn's default averages over both labels and would say 1/3.
        assertThat(m.macroF1()).isEqualTo(2 / 3.0);
        assertThat(m.actualLabels()).isEqualTo(1);
        assertThat(m.weightedF1()).isEqualTo(2 / 3.0);
    }

    @Test
    void macroF1WeighsARareClassAsMuchAsACommonOneWeightedF1ByItsSupport() {
        List<String> actual = new ArrayList<>(nCopies(8, SYN));
        actual.addAll(nCopies(2, BENIGN));
        ConfusionMatrix m = ConfusionMatrix.of(actual, nCopies(10, SYN));

        assertThat(m.metrics(0)).isEqualTo(new ClassMetrics(SYN, 0.8, 1, 16 / 18.0, 8, 10));
        assertThat(m.accuracy()).isEqualTo(0.8);
        assertThat(m.macroF1()).isEqualTo(16 / 18.0 / 2);
        assertThat(m.weightedF1()).isCloseTo(0.8 * 16 / 18.0, within(1e-15));
    }

    @Test
    void ordersClassesThenGroupsThenAttackThenUnknownLabelsAlphabetically() {
        List<String> labels = List.of("Zeta", Granularity.ATTACK, "Recon", "Benign", BENIGN, "Alpha", SYN,
                "DDoS-ICMP_Flood", "DDoS", "DNS-Tunneling");

        assertThat(ConfusionMatrix.of(labels, labels).labels()).containsExactly(
                "DDoS-ICMP_Flood", SYN, BENIGN, "DNS-Tunneling", "DDoS", "Recon", "Benign", Granularity.ATTACK,
                "Alpha", "Zeta");
    }

    @Test
    void relabelSumsTheCountsOfLabelsMergedIntoOne() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED).relabel(Granularity.BINARY::labelOf);

        assertThat(m.labels()).containsExactly(Granularity.BENIGN, Granularity.ATTACK);
        assertThat(m.counts()).isDeepEqualTo(new long[][] {{2, 1}, {0, 7}});
    }

    @Test
    void rejectsListsOfDifferentSizesNoRowsAndMissingLabels() {
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of(SYN), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 and 0");
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of(SYN, SYN), Arrays.asList(SYN, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("row 1");
    }

    @Test
    void countsIsACopy() {
        ConfusionMatrix m = ConfusionMatrix.of(ACTUAL, PREDICTED);
        m.counts()[0][0] = 99;

        assertThat(m.count(0, 0)).isEqualTo(3);
    }
}
