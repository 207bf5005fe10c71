package io.iotwatch.ml.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotwatch.core.taxonomy.Granularity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link Evaluation} as files and as text: {@value #METRICS_JSON} for programs, {@value #METRICS_TXT} for people
 * (the very text {@link #text(Evaluation)} gives the console), and a PNG heatmap per granularity named by its
 * CICIoT2023 label count ({@code confusion-34.png}, {@code confusion-8.png}, {@code confusion-2.png}).
 *
 * <p>The shape of {@value #METRICS_JSON}, version {@value #VERSION}; doubles are written in full, so they read back
 * exactly:
 * <pre>{@code
 * {
 *   "version": 1,
 *   "rows": 12345,                       // rows evaluated
 *   "granularities": {
 *     "class": {                         // then "group", then "binary"
 *       "image": "confusion-34.png",
 *       "rows": 12345,
 *       "accuracy": 0.98,
 *       "macroF1": 0.91,                 // mean F1 of the labels with support > 0
 *       "actualLabels": 34,              // how many labels that is
 *       "weightedF1": 0.97,              // mean F1 weighted by support
 *       "labels": ["DDoS-ICMP_Flood", ...],                // in taxonomy order
 *       "matrix": [[120, 0, ...], ...],                    // matrix[actual][predicted], indexed as labels
 *       "perClass": [{"label": "DDoS-ICMP_Flood", "precision": 0.99, "recall": 0.98, "f1": 0.985,
 *                     "support": 122, "predicted": 121}, ...]   // as labels
 *     },
 *     ...
 *   }
 * }
 * }</pre>
 * Scores follow {@link ConfusionMatrix}'s conventions: precision 0 for a label never predicted, recall 0 for one
 * never actual.
 */
public final class EvaluationReport {

    public static final String METRICS_JSON = "metrics.json";
    public static final String METRICS_TXT = "metrics.txt";
    /** The version of the {@value #METRICS_JSON} shape, raised when a field changes meaning or goes. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {}

    /** The file name of the heatmap at {@code granularity}, e.g. {@code confusion-34.png}. */
    public static String imageName(Granularity granularity) {
        return "confusion-" + granularity.cicIot2023Classes() + ".png";
    }

    /**
     * Writes {@value #METRICS_JSON}, {@value #METRICS_TXT} and the three heatmaps into {@code directory}, creating it
     * if need be and replacing files of those names.
     *
     * @return the files written, in that order
     */
    public static List<Path> write(Evaluation evaluation, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(directory.resolve(METRICS_JSON), json(evaluation), StandardCharsets.UTF_8));
        written.add(Files.writeString(directory.resolve(METRICS_TXT), text(evaluation), StandardCharsets.UTF_8));
        for (Granularity granularity : Granularity.values()) {
            Path png = directory.resolve(imageName(granularity));
            ConfusionImage.write(evaluation.at(granularity), granularity, png);
            written.add(png);
        }
        return written;
    }

    /** The {@value #METRICS_JSON} document, indented. */
    public static String json(Evaluation evaluation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("rows", evaluation.rows());
        ObjectNode granularities = root.putObject("granularities");
        for (Granularity granularity : Granularity.values()) {
            ConfusionMatrix matrix = evaluation.at(granularity);
            ObjectNode node = granularities.putObject(name(granularity));
            node.put("image", imageName(granularity));
            node.put("rows", matrix.total());
            node.put("accuracy", matrix.accuracy());
            node.put("macroF1", matrix.macroF1());
            node.put("actualLabels", matrix.actualLabels());
            node.put("weightedF1", matrix.weightedF1());
            ArrayNode labels = node.putArray("labels");
            matrix.labels().forEach(labels::add);
            ArrayNode rows = node.putArray("matrix");
            for (long[] counts : matrix.counts()) {
                ArrayNode row = rows.addArray();
                for (long count : counts) {
                    row.add(count);
                }
            }
            ArrayNode perClass = node.putArray("perClass");
            for (ConfusionMatrix.ClassMetrics m : matrix.perClass()) {
                perClass.addObject()
                        .put("label", m.label())
                        .put("precision", m.precision())
                        .put("recall", m.recall())
                        .put("f1", m.f1())
                        .put("support", m.support())
                        .put("predicted", m.predicted());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }

    /** The report as aligned text tables: scores per label and the confusion matrix at each granularity. */
    public static String text(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation of ").append(evaluation.rows()).append(" rows.\n")
                .append("Precision is 0 for a label never predicted, recall 0 for a label never actual (as scikit-learn's\n")
                .append("zero_division=0); macro-F1 is the mean F1 of the labels present among the actual labels,\n")
                .append("weighted-F1 the mean weighted by their support.\n");
        for (Granularity granularity : Granularity.values()) {
            out.append('\n');
            appendGranularity(out, granularity, evaluation.at(granularity));
        }
        return out.toString();
    }

    private static void appendGranularity(StringBuilder out, Granularity granularity, ConfusionMatrix matrix) {
        List<String> labels = matrix.labels();
        int numberWidth = digits(labels.size());
        int labelWidth = Math.max("label".length(), labels.stream().mapToInt(String::length).max().orElse(0));
        int countWidth = Math.max("predicted".length(), digits(matrix.total()));
        out.append("== %s granularity: %d labels (%s) ==\n".formatted(
                name(granularity), labels.size(), imageName(granularity)));
        out.append(String.format(Locale.ROOT, "accuracy %.4f   macro-F1 %.4f over %d actual labels   weighted-F1 %.4f\n\n",
                matrix.accuracy(), matrix.macroF1(), matrix.actualLabels(), matrix.weightedF1()));

        String scoreRow = "%" + numberWidth + "s %-" + labelWidth + "s %9s %9s %9s %" + countWidth + "s %" + countWidth + "s\n";
        out.append(scoreRow.formatted("#", "label", "precision", "recall", "f1", "support", "predicted"));
        for (int i = 0; i < labels.size(); i++) {
            ConfusionMatrix.ClassMetrics m = matrix.metrics(i);
            out.append(scoreRow.formatted(i + 1, m.label(), score(m.precision()), score(m.recall()), score(m.f1()),
                    m.support(), m.predicted()));
        }

        long largest = 0;
        for (long[] row : matrix.counts()) {
            for (long count : row) {
                largest = Math.max(largest, count);
            }
        }
        int cellWidth = Math.max(digits(largest), numberWidth);
        String cell = " %" + cellWidth + "s";
        out.append("\nconfusion matrix: rows actual, columns predicted, numbered as the labels above; . is 0\n");
        out.append(("%" + numberWidth + "s %-" + labelWidth + "s").formatted("", ""));
        for (int p = 0; p < labels.size(); p++) {
            out.append(cell.formatted(p + 1));
        }
        out.append('\n');
        for (int a = 0; a < labels.size(); a++) {
            out.append(("%" + numberWidth + "d %-" + labelWidth + "s").formatted(a + 1, labels.get(a)));
            for (int p = 0; p < labels.size(); p++) {
                long count = matrix.count(a, p);
                out.append(cell.formatted(count == 0 ? "." : Long.toString(count)));
            }
            out.append('\n');
        }
    }

    private static String name(Granularity granularity) {
        return granularity.name().toLowerCase(Locale.ROOT);
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static int digits(long value) {
        return Long.toString(value).length();
    }
}
