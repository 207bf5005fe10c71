package io.iotwatch.ml.eval;

import static io.iotwatch.ml.eval.ConfusionMatrixTest.ACTUAL;
import static io.iotwatch.ml.eval.ConfusionMatrixTest.PREDICTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.taxonomy.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    private final Evaluation evaluation = Evaluation.of(
            concat(ACTUAL, List.of("DNS-Tunneling", "DNS-Tunneling")),
            concat(PREDICTED, List.of("DNS-Tunneling", "C2-Beaconing")));

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void writesTheMetricsTheTextAndAnImagePerGranularity() throws IOException {
        Path out = dir.resolve("eval");

        List<Path> written = EvaluationReport.write(evaluation, out);

        assertThat(written).containsExactly(out.resolve("metrics.json"), out.resolve("metrics.txt"),
                out.resolve("confusion-34.png"), out.resolve("confusion-8.png"), out.resolve("confusion-2.png"));
        assertThat(Files.readString(out.resolve("metrics.txt"))).isEqualTo(EvaluationReport.text(evaluation));
        for (Path png : written.subList(2, 5)) {
            assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
        }
    }

    @Test
    void metricsJsonReadsBackToTheSameNumbers() throws IOException {
        EvaluationReport.write(evaluation, dir);

        JsonNode root = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());

        assertThat(root.get("version").asInt()).isEqualTo(EvaluationReport.VERSION);
        assertThat(root.get("rows").asLong()).isEqualTo(12);
        assertThat(root.get("granularities").properties()).extracting(Map.Entry::getKey).containsExactly("class", "group", "binary");
        for (Granularity granularity : Granularity.values()) {
            ConfusionMatrix m = evaluation.at(granularity);
            JsonNode node = root.get("granularities").get(granularity.name().toLowerCase(Locale.ROOT));
            assertThat(node.get("image").asText()).isEqualTo(EvaluationReport.imageName(granularity));
            assertThat(node.get("rows").asLong()).isEqualTo(m.total());
            assertThat(node.get("accuracy").doubleValue()).isEqualTo(m.accuracy());
            assertThat(node.get("macroF1").doubleValue()).isEqualTo(m.macroF1());
            assertThat(node.get("actualLabels").asInt()).isEqualTo(m.actualLabels());
            assertThat(node.get("weightedF1").doubleValue()).isEqualTo(m.weightedF1());
            assertThat(node.get("labels")).extracting(JsonNode::asText).containsExactlyElementsOf(m.labels());
            long[][] counts = new long[m.size()][m.size()];
            for (int a = 0; a < m.size(); a++) {
                for (int p = 0; p < m.size(); p++) {
                    counts[a][p] = node.get("matrix").get(a).get(p).longValue();
                }
                assertThat(node.get("matrix").get(a)).hasSize(m.size());
            }
            assertThat(node.get("matrix")).hasSize(m.size());
            assertThat(counts).isDeepEqualTo(m.counts());
            List<ConfusionMatrix.ClassMetrics> perClass = new ArrayList<>();
            for (JsonNode c : node.get("perClass")) {
                perClass.add(new ConfusionMatrix.ClassMetrics(c.get("label").asText(), c.get("precision").doubleValue(),
                        c.get("recall").doubleValue(), c.get("f1").doubleValue(), c.get("support").longValue(),
                        c.get("predicted").longValue()));
            }
            assertThat(perClass).isEqualTo(m.perClass());
        }
    }

    @Test
    void textHasAlignedTablesAtEveryGranularity() {
        String text = EvaluationReport.text(evaluation);

        assertThat(text).contains(
                "== class granularity: 5 labels (confusion-34.png) ==",
                "accuracy 0.6667   macro-F1 0.6970 over 4 actual labels   weighted-F1 0.7040",
                "1 DDoS-SYN_Flood    0.7500    0.7500    0.7500         4         4",
                "5 C2-Beaconing      0.0000    0.0000    0.0000         0         1",
                "== group granularity: 4 labels (confusion-8.png) ==",
                "== binary granularity: 2 labels (confusion-2.png) ==");
        for (String section : text.split("\n\n")) {
            // The rows of a table, and the column numbers heading a matrix.
            List<Integer> widths = section.lines().filter(l -> l.matches(" *\\d+ .*")).map(String::length).toList();
            assertThat(widths.stream().distinct()).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(text).contains("1 DDoS-SYN_Flood 3 1 . . .\n");
    }
}
