package io.iotwatch.ml.eval;

import io.iotwatch.core.taxonomy.Granularity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One model's predictions over a dataset scored at every {@link Granularity}: the class-level matrix, and the
 * group and binary matrices it folds into. Immutable.
 */
public final class Evaluation {

    private final Map<Granularity, ConfusionMatrix> matrices;

    private Evaluation(Map<Granularity, ConfusionMatrix> matrices) {
        this.matrices = matrices;
    }

    /**
     * The evaluation of {@code predicted} against {@code actual}, parallel lists of class labels. A model trained
     * at group or binary granularity predicts group or binary labels: {@link Granularity#labelOf(String)} keeps
     * those as they are, so its coarser matrices are right, and its class-level matrix has its coarse labels as
     * columns beside the actual classes.
     *
     * @throws IllegalArgumentException if the lists differ in size or are empty
     */
    public static Evaluation of(List<String> actual, List<String> predicted) {
        ConfusionMatrix classes = ConfusionMatrix.of(actual, predicted);
        Map<Granularity, ConfusionMatrix> matrices = new EnumMap<>(Granularity.class);
        for (Granularity granularity : Granularity.values()) {
            // Folding the class-level counts is exact: labelOf maps each class label the same way on every row.
            matrices.put(granularity, classes.relabel(granularity::labelOf));
        }
        return new Evaluation(matrices);
    }

    /** The matrix at {@code granularity}. */
    public ConfusionMatrix at(Granularity granularity) {
        return matrices.get(granularity);
    }

    /** Rows evaluated. */
    public long rows() {
        return matrices.get(Granularity.CLASS).total();
    }
}
