package io.iotwatch.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import io.iotwatch.ml.SyntheticFlows;
import io.iotwatch.ml.Training;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Why {@link NativeLightGbm} exists: lightgbm4j 4.3.0-1's {@code predictForMat} allocates two doubles per row for
 * the result, but LightGBM writes one probability per class per row, so for more than two classes it writes past
 * the end of that native buffer: heap corruption, a crash later or wrong numbers, never an error. NativeLightGbm
 * asks LightGBM how many values it will write. These tests predict a 10-class model for many rows (where
 * lightgbm4j's buffer would be five times too small, so they must never call it) and check NativeLightGbm against
 * lightgbm4j where lightgbm4j's buffer is big enough: a binary model, one value per row.
 */
class NativeLightGbmTest {

    private static final String COMMON = "num_leaves=15 min_data_in_leaf=20 verbose=-1 seed=3 deterministic=true "
            + "num_threads=1";
    private static final int ROWS = 5000;
    private static final int COLUMNS = SyntheticFlows.FEATURES;

    @Test
    void tenClassesGiveTenProbabilitiesForEachOfManyRows() {
        SyntheticFlows flows = new SyntheticFlows(10, 81);
        String model = Training.train(flows.sample(5000, 82), "objective=multiclass num_class=10 " + COMMON, 10);
        double[] rows = flows.sample(ROWS, 83).values();

        try (NativeLightGbm lightGbm = new NativeLightGbm(model)) {
            double[] probabilities = lightGbm.predict(rows, ROWS, COLUMNS, false);

            assertThat(lightGbm.classes()).isEqualTo(10);
            assertThat(probabilities).hasSize(ROWS * 10);
            for (int i = 0; i < ROWS; i++) {
                double[] row = Arrays.copyOfRange(probabilities, i * 10, i * 10 + 10);
                assertThat(Arrays.stream(row).min().orElseThrow()).as("row %d", i).isGreaterThanOrEqualTo(0);
                assertThat(Arrays.stream(row).max().orElseThrow()).as("row %d", i).isLessThanOrEqualTo(1);
                assertThat(Arrays.stream(row).sum()).as("row %d", i).isCloseTo(1, within(1e-12));
            }
            for (int i = 0; i < ROWS; i += 97) {
                double[] alone = lightGbm.predict(Arrays.copyOfRange(rows, i * COLUMNS, (i + 1) * COLUMNS), 1,
                        COLUMNS, false);
                assertThat(alone).as("row %d alone", i)
                        .containsExactly(Arrays.copyOfRange(probabilities, i * 10, i * 10 + 10));
            }
        }
    }

    @Test
    void rawScoresAreWhatTheProbabilitiesAreTheSoftmaxOf() {
        SyntheticFlows flows = new SyntheticFlows(10, 91);
        String model = Training.train(flows.sample(5000, 92), "objective=multiclass num_class=10 " + COMMON, 10);
        double[] rows = flows.sample(100, 93).values();

        try (NativeLightGbm lightGbm = new NativeLightGbm(model, 1)) {
            double[] raw = lightGbm.predict(rows, 100, COLUMNS, true);
            double[] probabilities = lightGbm.predict(rows, 100, COLUMNS, false);

            for (int i = 0; i < 100; i++) {
                double sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += Math.exp(raw[i * 10 + k]);
                }
                for (int k = 0; k < 10; k++) {
                    assertThat(probabilities[i * 10 + k]).isCloseTo(Math.exp(raw[i * 10 + k]) / sum, within(1e-12));
                }
            }
        }
    }

    @Test
    void binaryAgreesWithLightGbm4j() throws LGBMException {
        SyntheticFlows flows = new SyntheticFlows(2, 101);
        String model = Training.train(flows.sample(4000, 102), "objective=binary " + COMMON, 20);
        double[] rows = flows.sample(ROWS, 103).values();

        double[] mine;
        try (NativeLightGbm lightGbm = new NativeLightGbm(model)) {
            mine = lightGbm.predict(rows, ROWS, COLUMNS, false);
            assertThat(lightGbm.classes()).isEqualTo(1);
        }
        try (LGBMBooster booster = LGBMBooster.loadModelFromString(model)) {
            assertThat(mine).containsExactly(
                    booster.predictForMat(rows, ROWS, COLUMNS, true, PredictionType.C_API_PREDICT_NORMAL));
            for (int i = 0; i < ROWS; i += 101) {
                double[] row = Arrays.copyOfRange(rows, i * COLUMNS, (i + 1) * COLUMNS);
                assertThat(booster.predictForMatSingleRow(row, PredictionType.C_API_PREDICT_NORMAL))
                        .as("row %d", i).isEqualTo(mine[i]);
            }
        }
    }
}
