package io.iotwatch.ml.model;

import io.iotwatch.core.taxonomy.Granularity;
import io.iotwatch.detect.model.Forest;
import io.iotwatch.packet.features.RowClassifier;
import java.util.List;

/**
 * A loaded model on the packet thread: each row's class probabilities from the pure-Java forest, and a verdict
 * when the likeliest class is an attack with at least the threshold's probability. One instance per packet
 * thread; nothing is allocated per row.
 */
public final class ModelRowClassifier implements RowClassifier {

    private final Forest forest;
    private final String name;
    private final int window;
    private final double threshold;
    private final String[] classes;
    private final String[] groups;
    private final boolean[] benign;
    private final double[] probabilities;
    private double confidence;

    /**
     * @param threshold the least probability that makes a verdict; 0 for the model's own
     */
    public ModelRowClassifier(ModelDirectory.Loaded model, double threshold) {
        ModelManifest manifest = model.manifest();
        this.forest = model.forest();
        this.name = model.name();
        this.window = manifest.window();
        this.threshold = threshold > 0 ? threshold : manifest.threshold();
        List<String> names = manifest.classes();
        this.classes = names.toArray(String[]::new);
        this.groups = names.stream().map(c -> manifest.groups().get(c)).toArray(String[]::new);
        this.benign = new boolean[classes.length];
        for (int c = 0; c < classes.length; c++) {
            benign[c] = Granularity.isBenign(classes[c]);
        }
        this.probabilities = new double[Math.max(forest.classes(), classes.length)];
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public int classify(double[] row) {
        forest.predict(row, probabilities);
        int best = 0;
        for (int c = 1; c < classes.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        confidence = probabilities[best];
        return benign[best] || confidence < threshold ? -1 : best;
    }

    @Override
    public double confidence() {
        return confidence;
    }

    @Override
    public String className(int index) {
        return classes[index];
    }

    @Override
    public String group(int index) {
        return groups[index];
    }

    @Override
    public String model() {
        return name;
    }

    /** The probability of a verdict, as configured or from the model. */
    public double threshold() {
        return threshold;
    }
}
