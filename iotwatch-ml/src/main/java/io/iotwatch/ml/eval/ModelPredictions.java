package io.iotwatch.ml.eval;

import io.iotwatch.detect.model.Forest;
import io.iotwatch.ml.data.Dataset;
import io.iotwatch.ml.model.ModelColumns;
import io.iotwatch.ml.model.ModelDirectory;
import io.iotwatch.packet.features.FeatureColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model says about labeled rows, for evaluation: the likeliest class of each row, with the pure-Java
 * forest the packet path runs. The alert threshold plays no part here: evaluation measures the classifier,
 * the threshold is a separate trade-off (docs/MODEL.md).
 */
public final class ModelPredictions {

    private ModelPredictions() {}

    /** The likeliest class of every row of {@code data}, in row order. */
    public static List<String> predict(ModelDirectory.Loaded model, Dataset data) {
        Forest forest = model.forest();
        List<String> classes = model.manifest().classes();
        int[] columns = ModelColumns.resolve(data.features());
        double[] values = new double[data.features().size()];
        double[] row = new double[FeatureColumns.COUNT];
        double[] probabilities = new double[forest.classes()];
        List<String> out = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            data.row(i, values);
            for (int j = 0; j < values.length; j++) {
                row[columns[j]] = values[j];
            }
            forest.predict(row, probabilities);
            int best = 0;
            for (int c = 1; c < probabilities.length; c++) {
                if (probabilities[c] > probabilities[best]) {
                    best = c;
                }
            }
            out.add(classes.get(best));
        }
        return out;
    }

    /** The label of every row of {@code data}, in row order. */
    public static List<String> actual(Dataset data) {
        List<String> out = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            out.add(data.label(i));
        }
        return out;
    }
}
