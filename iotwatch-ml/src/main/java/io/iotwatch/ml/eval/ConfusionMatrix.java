package io.iotwatch.ml.eval;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.AttackGroup;
import io.iotwatch.core.taxonomy.Granularity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Counts of actual against predicted labels, and the scores derived from them. Immutable.
 *
 * <p>Labels are in taxonomy order: the classes in {@link AttackClass} order, then the groups in {@link AttackGroup}
 * order, then {@link Granularity#ATTACK} (so {@code Benign} precedes it at binary granularity), then any other
 * label alphabetically. A label only ever predicted has a row of zeros.
 *
 * <p>Conventions, those of scikit-learn's {@code zero_division=0}: the precision of a label never predicted is 0,
 * the recall of a label absent from the actual labels is 0, and F1 is {@code 2·tp / (actual + predicted)}, the
 * harmonic mean of the two, 0 when both are. {@link #macroF1()} averages F1 over the labels present in the actual
 * labels only, as scikit-learn's {@code f1_score(average="macro", labels=unique(y_true))}: a label the data does
 * not have cannot be recalled, and its false positives already cost the labels they were taken from their recall.
 */
public final class ConfusionMatrix {

    /** One label's scores. {@code support} counts it among the actual labels, {@code predicted} among predictions. */
    public record ClassMetrics(String label, double precision, double recall, double f1, long support, long predicted) {}

    private static final Comparator<String> TAXONOMY_ORDER =
            Comparator.comparingInt(ConfusionMatrix::taxonomyRank).thenComparing(Comparator.naturalOrder());

    private final List<String> labels;
    private final long[][] counts;
    private final long total;

    private ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = labels;
        this.counts = counts;
        long sum = 0;
        for (long[] row : counts) {
            for (long count : row) {
                sum += count;
            }
        }
        this.total = sum;
    }

    /**
     * The matrix of parallel lists: {@code predicted.get(i)} is the prediction for the row labelled
     * {@code actual.get(i)}.
     *
     * @throws IllegalArgumentException if the lists differ in size or are empty
     */
    public static ConfusionMatrix of(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "actual and predicted labels differ in count: " + actual.size() + " and " + predicted.size());
        }
        if (actual.isEmpty()) {
            throw new IllegalArgumentException("no labels to evaluate");
        }
        Collection<String> distinct = new HashSet<>();
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i) == null || predicted.get(i) == null) {
                throw new NullPointerException("row " + i + " lacks a label");
            }
            distinct.add(actual.get(i));
            distinct.add(predicted.get(i));
        }
        List<String> labels = inTaxonomyOrder(distinct);
        Map<String, Integer> index = indexOf(labels);
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < actual.size(); i++) {
            counts[index.get(actual.get(i))][index.get(predicted.get(i))]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    /**
     * This matrix with every label renamed by {@code relabel}, the counts of labels given the same name summed:
     * e.g. {@code relabel(Granularity.GROUP::labelOf)} is the matrix at group granularity.
     */
    public ConfusionMatrix relabel(UnaryOperator<String> relabel) {
        List<String> renamed = labels.stream().map(relabel).toList();
        List<String> merged = inTaxonomyOrder(new HashSet<>(renamed));
        Map<String, Integer> index = indexOf(merged);
        int[] target = renamed.stream().mapToInt(index::get).toArray();
        long[][] sums = new long[merged.size()][merged.size()];
        for (int a = 0; a < labels.size(); a++) {
            for (int p = 0; p < labels.size(); p++) {
                sums[target[a]][target[p]] += counts[a][p];
            }
        }
        return new ConfusionMatrix(merged, sums);
    }

    /** The labels of the rows (actual) and columns (predicted), in taxonomy order. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    /** Rows labelled {@code labels().get(actual)} predicted as {@code labels().get(predicted)}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Rows labelled {@code actual} predicted as {@code predicted}; 0 for a label not in {@link #labels()}. */
    public long count(String actual, String predicted) {
        int a = labels.indexOf(actual);
        int p = labels.indexOf(predicted);
        return a < 0 || p < 0 ? 0 : counts[a][p];
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    /** All rows counted. */
    public long total() {
        return total;
    }

    /** Rows actually labelled {@code labels().get(label)}: the row's sum. */
    public long support(int label) {
        long sum = 0;
        for (long count : counts[label]) {
            sum += count;
        }
        return sum;
    }

    /** Rows predicted as {@code labels().get(label)}: the column's sum. */
    public long predicted(int label) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[label];
        }
        return sum;
    }

    /** The scores of {@code labels().get(label)}, under the conventions of the class comment. */
    public ClassMetrics metrics(int label) {
        long truePositives = counts[label][label];
        long support = support(label);
        long predicted = predicted(label);
        return new ClassMetrics(
                labels.get(label),
                ratio(truePositives, predicted),
                ratio(truePositives, support),
                ratio(2 * truePositives, support + predicted),
                support,
                predicted);
    }

    /** {@link #metrics(int)} of every label, in {@link #labels()} order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> all = new ArrayList<>(labels.size());
        for (int label = 0; label < labels.size(); label++) {
            all.add(metrics(label));
        }
        return all;
    }

    /** How many labels occur among the actual labels: those {@link #macroF1()} averages over. */
    public int actualLabels() {
        int present = 0;
        for (int label = 0; label < labels.size(); label++) {
            if (support(label) > 0) {
                present++;
            }
        }
        return present;
    }

    /** The unweighted mean F1 of the labels present among the actual labels. */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (ClassMetrics m : perClass()) {
            if (m.support() > 0) {
                sum += m.f1();
                present++;
            }
        }
        return sum / present;
    }

    /** The mean F1 of the labels weighted by their support. */
    public double weightedF1() {
        double sum = 0;
        for (ClassMetrics m : perClass()) {
            sum += m.f1() * m.support();
        }
        return sum / total;
    }

    /** The share of rows predicted right: the diagonal's sum over the total. */
    public double accuracy() {
        long right = 0;
        for (int label = 0; label < labels.size(); label++) {
            right += counts[label][label];
        }
        return (double) right / total;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static List<String> inTaxonomyOrder(Collection<String> labels) {
        return labels.stream().sorted(TAXONOMY_ORDER).toList();
    }

    private static Map<String, Integer> indexOf(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return index;
    }

    private static int taxonomyRank(String label) {
        int classes = AttackClass.values().length;
        int groups = AttackGroup.values().length;
        if (label.equals(Granularity.ATTACK)) {
            return classes + groups;
        }
        return AttackClass.byLabel(label).map(Enum::ordinal)
                .or(() -> AttackGroup.byLabel(label).map(g -> classes + g.ordinal()))
                .orElse(Integer.MAX_VALUE);
    }
}
