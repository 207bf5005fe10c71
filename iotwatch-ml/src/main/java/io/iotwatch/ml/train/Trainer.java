package io.iotwatch.ml.train;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.AttackGroup;
import io.iotwatch.core.taxonomy.Granularity;
import io.iotwatch.ml.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains a multiclass LightGBM model on a {@link Dataset}: a stratified split into training and validation rows,
 * class weights against imbalance, and early stopping on the validation loss. Only the model text leaves this
 * class; prediction is iotwatch's pure-Java forest.
 */
public final class Trainer {

    /** Told after each round. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param validationLoss multi-class log loss on the validation rows, NaN without them
         */
        void round(int round, int maxRounds, double validationLoss);
    }

    /**
     * A trained model.
     *
     * @param modelText      LightGBM's text model, cut at the best round
     * @param classes        the class of each output, in order
     * @param bestRound      the round the model ends at
     * @param roundsRun      rounds trained before stopping
     * @param validationLoss validation log loss at the best round, NaN without validation rows
     * @param training       the rows trained on
     * @param validation     the rows held out (possibly none)
     * @param parameters     LightGBM's parameters as given to it
     */
    public record Result(String modelText, List<String> classes, int bestRound, int roundsRun, double validationLoss,
            Dataset training, Dataset validation, String parameters) {}

    private final TrainingOptions options;

    public Trainer(TrainingOptions options) {
        this.options = options;
    }

    /** Trains on {@code data}; its labels are the classes the model tells apart. */
    public Result train(Dataset data, Progress progress) {
        List<String> classes = ordered(data.classes());
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs at least two classes; the data has "
                    + (classes.isEmpty() ? "none" : "only " + classes.getFirst()));
        }
        int[][] split = split(data);
        Dataset training = data.subset(split[0]);
        Dataset validation = data.subset(split[1]);
        String parameters = options.lightGbmParameters(classes.size());
        NativeLightGbm.loadLibrary();
        try (LGBMDataset train = lightGbmData(training, classes, parameters, null)) {
            train.setFeatureNames(lightGbmNames(data.features()));
            if (options.balanced()) {
                train.setField("weight", balancedWeights(training, classes));
            }
            try (LGBMDataset valid = validation.rows() > 0 ? lightGbmData(validation, classes, parameters, train) : null;
                    LGBMBooster booster = LGBMBooster.create(train, parameters)) {
                if (valid != null) {
                    booster.addValidData(valid);
                }
                return boost(booster, valid != null, classes, training, validation, parameters, progress);
            }
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM failed: " + e.getMessage(), e);
        }
    }

    private Result boost(LGBMBooster booster, boolean validating, List<String> classes, Dataset training,
            Dataset validation, String parameters, Progress progress) throws LGBMException {
        double best = Double.POSITIVE_INFINITY;
        int bestRound = 0;
        int round = 0;
        while (round < options.rounds()) {
            boolean cannotImprove = booster.updateOneIter();
            round++;
            double loss = validating ? booster.getEval(1)[0] : Double.NaN;
            progress.round(round, options.rounds(), loss);
            if (!validating || loss < best) {
                best = loss;
                bestRound = round;
            }
            if (cannotImprove || validating && round - bestRound >= options.earlyStopping()) {
                break;
            }
        }
        String text = booster.saveModelToString(0, bestRound, LGBMBooster.FeatureImportanceType.SPLIT);
        return new Result(text, classes, bestRound, round, validating ? best : Double.NaN, training, validation,
                parameters);
    }

    /** Training and validation row indices: each class shuffled and cut at the validation share. */
    int[][] split(Dataset data) {
        Random random = new Random(options.seed());
        List<List<Integer>> byClass = new ArrayList<>();
        data.classes().forEach(c -> byClass.add(new ArrayList<>()));
        for (int i = 0; i < data.rows(); i++) {
            byClass.get(data.labelIndex(i)).add(i);
        }
        List<Integer> training = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            Collections.shuffle(rows, random);
            int held = rows.size() < 2 ? 0 : (int) Math.min(rows.size() - 1, Math.round(rows.size() * options.validationShare()));
            validation.addAll(rows.subList(0, held));
            training.addAll(rows.subList(held, rows.size()));
        }
        return new int[][] {
            training.stream().mapToInt(Integer::intValue).sorted().toArray(),
            validation.stream().mapToInt(Integer::intValue).sorted().toArray()
        };
    }

    private static LGBMDataset lightGbmData(Dataset data, List<String> classes, String parameters,
            LGBMDataset reference) throws LGBMException {
        LGBMDataset out = LGBMDataset.createFromMat(data.matrix(), data.rows(), data.features().size(), true,
                parameters, reference);
        float[] labels = new float[data.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = classes.indexOf(data.label(i));
        }
        out.setField("label", labels);
        return out;
    }

    private static float[] balancedWeights(Dataset data, List<String> classes) {
        long[] counts = new long[classes.size()];
        int[] label = new int[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            label[i] = classes.indexOf(data.label(i));
            counts[label[i]]++;
        }
        long present = IntStream.range(0, counts.length).filter(c -> counts[c] > 0).count();
        float[] weights = new float[data.rows()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) Math.sqrt((double) data.rows() / (present * counts[label[i]]));
        }
        return weights;
    }

    /**
     * LightGBM writes feature names space-separated in its model file, so names with spaces ({@code Tot sum})
     * are given with underscores; {@code ModelColumns} maps them back.
     */
    static String[] lightGbmNames(List<String> features) {
        return features.stream().map(n -> n.replace(' ', '_')).toArray(String[]::new);
    }

    /**
     * Classes in the taxonomy's order (CICIoT2023's classes, its groups, then benign against attack), and labels
     * the taxonomy does not know after them by name, so that the same labels always give the same outputs.
     */
    static List<String> ordered(List<String> labels) {
        return labels.stream().sorted(Comparator.comparingInt(Trainer::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static int rank(String label) {
        int classes = AttackClass.values().length;
        int groups = AttackGroup.values().length;
        return AttackClass.byLabel(label).map(Enum::ordinal)
                .or(() -> AttackGroup.byLabel(label).map(g -> classes + g.ordinal()))
                .orElse(label.equals(Granularity.ATTACK) ? classes + groups : classes + groups + 1);
    }
}
