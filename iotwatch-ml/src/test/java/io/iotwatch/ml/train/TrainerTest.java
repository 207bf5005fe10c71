package io.iotwatch.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.ml.data.Dataset;
import io.iotwatch.ml.data.TrainingFeatures;
import io.iotwatch.ml.eval.ModelPredictions;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.ml.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final List<String> CLASSES = List.of("Recon-PortScan", "BenignTraffic", "DDoS-SYN_Flood", "Zeta-Own");

    @TempDir
    Path dir;

    /** Classes told apart by a few columns, with noise; the flood class ten times as large as the others. */
    static Dataset data(long seed, int rowsPerClass) {
        Random random = new Random(seed);
        Dataset data = new Dataset(TrainingFeatures.names());
        double[] row = new double[TrainingFeatures.names().size()];
        for (int c = 0; c < CLASSES.size(); c++) {
            int rows = CLASSES.get(c).startsWith("DDoS") ? rowsPerClass * 10 : rowsPerClass;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextGaussian();
                }
                row[c] += 4;
                row[10 + c] = random.nextInt(3);
                data.add(row, CLASSES.get(c), "synthetic");
            }
        }
        return data;
    }

    @Test
    void splitsEveryClassAtTheShareAndKeepsSingleRowsForTraining() {
        Dataset data = data(1, 50);
        data.add(new double[45], "Lonely", "synthetic");
        int[][] split = new Trainer(TrainingOptions.defaults()).split(data);

        Map<String, int[]> counts = new HashMap<>();
        for (int set = 0; set < 2; set++) {
            for (int i : split[set]) {
                counts.computeIfAbsent(data.label(i), k -> new int[2])[set]++;
            }
        }
        assertThat(counts.get("Recon-PortScan")).containsExactly(40, 10);
        assertThat(counts.get("DDoS-SYN_Flood")).containsExactly(400, 100);
        assertThat(counts.get("Lonely")).containsExactly(1, 0);
        assertThat(split[0].length + split[1].length).isEqualTo(data.rows());
    }

    @Test
    void classesComeInTheTaxonomysOrderThenByName() {
        assertThat(Trainer.ordered(List.of("Zeta-Own", "BenignTraffic", "Alpha", "DDoS-SYN_Flood", "Recon-PortScan")))
                .containsExactly("DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic", "Alpha", "Zeta-Own");
        assertThat(Trainer.ordered(List.of("Attack", "Benign"))).containsExactly("Benign", "Attack");
        assertThat(Trainer.ordered(List.of("Web", "DDoS", "Benign"))).containsExactly("DDoS", "Web", "Benign");
    }

    @Test
    void learnsSeparableClassesStopsEarlyAndGivesTheSameModelForTheSameSeed() throws IOException {
        TrainingOptions options = new TrainingOptions(200, 5, 0.2, 15, 0.3, 5, true, 3, 1);
        List<Integer> losses = new ArrayList<>();
        Trainer.Result result = new Trainer(options).train(data(2, 200), (round, max, loss) -> losses.add(round));

        assertThat(result.classes()).containsExactly("DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic", "Zeta-Own");
        assertThat(result.roundsRun()).isLessThan(200).isEqualTo(losses.size());
        assertThat(result.bestRound()).isEqualTo(result.roundsRun() - 5);
        assertThat(result.validation().rows()).isEqualTo(40 + 40 + 400 + 40);

        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelDirectory.MODEL_FILE, ModelManifest.FLOW_MODE, 0,
                TrainingFeatures.names(), result.classes(), Map.of("DDoS-SYN_Flood", "DDoS", "Recon-PortScan", "Recon",
                        "BenignTraffic", "Benign", "Zeta-Own", "Zeta-Own"), 34, 0.7, Map.of(), Map.of());
        ModelDirectory.write(dir, result.modelText(), manifest);
        List<String> predicted = ModelPredictions.predict(ModelDirectory.load(dir), result.validation());
        List<String> actual = ModelPredictions.actual(result.validation());
        long right = 0;
        for (int i = 0; i < actual.size(); i++) {
            right += actual.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        assertThat((double) right / actual.size()).isGreaterThan(0.95);

        Trainer.Result again = new Trainer(options).train(data(2, 200), (round, max, loss) -> {});
        assertThat(again.modelText()).isEqualTo(result.modelText());
    }

    @Test
    void withoutValidationRowsItTrainsEveryRound() {
        TrainingOptions options = new TrainingOptions(7, 2, 0, 7, 0.3, 5, false, 3, 1);
        Trainer.Result result = new Trainer(options).train(data(3, 30), (round, max, loss) -> assertThat(loss).isNaN());
        assertThat(result.roundsRun()).isEqualTo(7);
        assertThat(result.bestRound()).isEqualTo(7);
        assertThat(result.validation().rows()).isZero();
    }

    @Test
    void oneClassIsNothingToTellApart() {
        Dataset data = new Dataset(TrainingFeatures.names());
        data.add(new double[45], "BenignTraffic", "x");
        assertThatThrownBy(() -> new Trainer(TrainingOptions.defaults()).train(data, (r, m, l) -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only BenignTraffic");
    }

    @Test
    void optionsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new TrainingOptions(0, 20, 0.2, 31, 0.1, 20, true, 42, 0)).hasMessageContaining("rounds");
        assertThatThrownBy(() -> new TrainingOptions(10, 20, 1, 31, 0.1, 20, true, 42, 0)).hasMessageContaining("validation");
        assertThatThrownBy(() -> new TrainingOptions(10, 20, 0.2, 1, 0.1, 20, true, 42, 0)).hasMessageContaining("leaves");
        assertThatThrownBy(() -> new TrainingOptions(10, 20, 0.2, 31, 0, 20, true, 42, 0)).hasMessageContaining("learning rate");
    }
}
