package io.iotwatch.ml.data;

import io.iotwatch.core.taxonomy.Granularity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Labeled feature rows in memory, as training and evaluation read them: row-major floats (what LightGBM
 * trains on; 4 bytes a value lets a few tens of millions of rows fit), a label per row, and where the rows
 * came from. Not thread-safe.
 */
public final class Dataset {

    private final List<String> features;
    private final List<String> classes = new ArrayList<>();
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final Map<String, Long> sources = new LinkedHashMap<>();
    private float[] values;
    private int[] labels;
    private int rows;

    /** An empty dataset whose rows have these columns, in this order. */
    public Dataset(List<String> features) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one feature");
        }
        this.features = List.copyOf(features);
        this.values = new float[features.size() * 1024];
        this.labels = new int[1024];
    }

    public List<String> features() {
        return features;
    }

    public int rows() {
        return rows;
    }

    /** The labels present, in the order they first appeared. */
    public List<String> classes() {
        return List.copyOf(classes);
    }

    /** Rows read from each source (file name), in the order the sources were read. */
    public Map<String, Long> sources() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Rows of each label, in the order of {@link #classes()}. */
    public Map<String, Long> countsByClass() {
        long[] counts = new long[classes.size()];
        for (int i = 0; i < rows; i++) {
            counts[labels[i]]++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            out.put(classes.get(c), counts[c]);
        }
        return out;
    }

    /**
     * Adds a row.
     *
     * @param row    {@link #features()}.size() values in column order; copied
     * @param label  its class
     * @param source where it came from, counted in {@link #sources()}
     */
    public void add(double[] row, String label, String source) {
        if (row.length != features.size()) {
            throw new IllegalArgumentException("a row needs " + features.size() + " values, has " + row.length);
        }
        Objects.requireNonNull(label, "label");
        grow();
        int base = rows * features.size();
        for (int j = 0; j < row.length; j++) {
            values[base + j] = (float) row[j];
        }
        labels[rows++] = indexOf(label);
        sources.merge(source, 1L, Long::sum);
    }

    /** Copies row {@code i} into {@code out}. */
    public void row(int i, double[] out) {
        check(i);
        int base = i * features.size();
        for (int j = 0; j < features.size(); j++) {
            out[j] = values[base + j];
        }
    }

    public String label(int i) {
        check(i);
        return classes.get(labels[i]);
    }

    /** The label of row {@code i} as an index into {@link #classes()}. */
    public int labelIndex(int i) {
        check(i);
        return labels[i];
    }

    /** Rows {@code indices} as a new dataset with the same features and sources. */
    public Dataset subset(int[] indices) {
        Dataset out = new Dataset(features);
        double[] row = new double[features.size()];
        for (int i : indices) {
            row(i, row);
            out.add(row, label(i), "");
        }
        out.sources.clear();
        out.sources.putAll(sources);
        return out;
    }

    /** The same rows with each label replaced by its label at {@code granularity}. */
    public Dataset relabel(Granularity granularity) {
        Dataset out = new Dataset(features);
        out.values = Arrays.copyOf(values, rows * features.size());
        out.labels = new int[Math.max(rows, 1)];
        out.rows = rows;
        for (int i = 0; i < rows; i++) {
            out.labels[i] = out.indexOf(granularity.labelOf(label(i)));
        }
        out.sources.putAll(sources);
        return out;
    }

    /** The rows as one row-major array of {@code rows() * features().size()} values. */
    public float[] matrix() {
        return Arrays.copyOf(values, rows * features.size());
    }

    private int indexOf(String label) {
        Integer index = classIndex.get(label);
        if (index == null) {
            index = classes.size();
            classes.add(label);
            classIndex.put(label, index);
        }
        return index;
    }

    private void grow() {
        if (rows == labels.length) {
            int capacity = Math.multiplyExact(labels.length, 2);
            labels = Arrays.copyOf(labels, capacity);
            values = Arrays.copyOf(values, Math.multiplyExact(capacity, features.size()));
        }
    }

    private void check(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " of " + rows);
        }
    }
}
