package io.iotwatch.ml.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON file beside a model's LightGBM text ({@code model.json}): what the model reads, what it tells apart,
 * when it alerts, and where it came from. docs/MODEL.md documents every field.
 *
 * @param format      {@link #FORMAT}
 * @param modelFile   the LightGBM text model, relative to the directory
 * @param featureMode the extractor mode whose rows the model reads: {@code flow} (one row per flow) or
 *                    {@code ciciot2023} (the dataset's windows of packets, as in its published CSVs)
 * @param window      packets per row in {@code ciciot2023} mode; 0 in {@code flow} mode
 * @param features    the model's features in its own order, as CICIoT2023 column names
 * @param classes     the class of each model output, in order
 * @param groups      the group of each class (CICIoT2023's groups where the class has one)
 * @param granularity {@code 34}, {@code 8} or {@code 2}: classes, groups, or attack against benign
 * @param threshold   the least probability of an attack class that raises an alert
 * @param training    where the model came from: rows by class and source, rounds, parameters; for an
 *                    imported model, the file it came from
 * @param metrics     macro-F1 and accuracy on the validation rows at each granularity, when trained here
 */
public record ModelManifest(
        int format,
        String modelFile,
        String featureMode,
        int window,
        List<String> features,
        List<String> classes,
        Map<String, String> groups,
        int granularity,
        double threshold,
        Map<String, Object> training,
        Map<String, Object> metrics) {

    public static final int FORMAT = 1;
    public static final String FLOW_MODE = "flow";
    public static final String CICIOT2023_MODE = "ciciot2023";
    public static final double DEFAULT_THRESHOLD = 0.7;

    public ModelManifest {
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(featureMode, "featureMode");
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        groups = ordered(groups);
        training = ordered(training);
        metrics = ordered(metrics);
        if (format != FORMAT) {
            throw new IllegalArgumentException("model.json format " + format + " is not " + FORMAT
                    + ", the one this iotwatch reads");
        }
        if (!featureMode.equals(FLOW_MODE) && !featureMode.equals(CICIOT2023_MODE)) {
            throw new IllegalArgumentException("featureMode must be flow or ciciot2023: " + featureMode);
        }
        if (featureMode.equals(CICIOT2023_MODE) ? window < 1 : window != 0) {
            throw new IllegalArgumentException("window must be at least 1 packet in ciciot2023 mode and 0 in flow mode: "
                    + window);
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a model tells at least two classes apart: " + classes);
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("classes must be distinct: " + classes);
        }
        if (!groups.keySet().containsAll(classes)) {
            throw new IllegalArgumentException("every class needs a group: " + classes + " against " + groups.keySet());
        }
        if (granularity != 34 && granularity != 8 && granularity != 2) {
            throw new IllegalArgumentException("granularity must be 34, 8 or 2: " + granularity);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1]: " + threshold);
        }
    }

    /** An unmodifiable copy that keeps the order given, so that model.json reads in a stable order. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
