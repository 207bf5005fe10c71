package io.iotwatch.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.packet.features.FeatureColumns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingFeaturesTest {

    @Test
    void areTheFlowColumnsInTheirOrderWithoutIat() {
        List<String> expected = new ArrayList<>(FeatureColumns.names());
        expected.remove("IAT");

        assertThat(TrainingFeatures.names()).isEqualTo(expected).hasSize(FeatureColumns.COUNT - 1).doesNotContain("IAT");
    }

    @Test
    void selectSkipsIatAndKeepsEveryOtherValueInPlace() {
        double[] row = new double[FeatureColumns.COUNT];
        for (int c = 0; c < row.length; c++) {
            row[c] = c;
        }
        double[] out = new double[TrainingFeatures.names().size()];

        TrainingFeatures.select(row, out);

        for (int i = 0; i < out.length; i++) {
            String name = TrainingFeatures.names().get(i);
            assertThat(out[i]).as(name).isEqualTo(FeatureColumns.names().indexOf(name));
        }
    }

    @Test
    void selectRefusesArraysOfTheWrongSize() {
        assertThatThrownBy(() -> TrainingFeatures.select(new double[FeatureColumns.COUNT], new double[FeatureColumns.COUNT]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
