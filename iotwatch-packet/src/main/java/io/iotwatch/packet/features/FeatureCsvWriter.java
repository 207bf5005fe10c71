package io.iotwatch.packet.features;

import io.iotwatch.packet.flow.FlowTable;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes feature rows as CSV in the published CICIoT2023 layout: the header of {@link FeatureColumns}, then
 * one line per row with numbers as pandas writes them ({@code 0.0}, {@code 23.67185756150695},
 * {@code 83340575.04624039}; see {@link PythonFloats}), which read back as the same doubles. With a label, a
 * last {@code label} column holds it on every line, as in the dataset's files.
 */
public final class FeatureCsvWriter implements FeatureRowSink, Flushable, Closeable {

    private final Writer out;
    private final String label;
    private final StringBuilder line = new StringBuilder(1024);
    private char[] chars = new char[1024];
    private long rows;

    /** Writes the header to {@code out} now; rows follow as they come. */
    public FeatureCsvWriter(Writer out) throws IOException {
        this(out, null);
    }

    /**
     * Writes the header with a {@code label} column to {@code out} now; every row then ends with
     * {@code label}, which must not need CSV quoting (no comma, quote or line break).
     */
    public FeatureCsvWriter(Writer out, String label) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        if (label != null && (label.isEmpty() || label.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n'
                || c == '\r'))) {
            throw new IllegalArgumentException("label must be non-empty, without commas, quotes or line breaks: "
                    + label);
        }
        this.label = label;
        out.write(FeatureColumns.header());
        out.write(label != null ? ",label\n" : "\n");
    }

    @Override
    public void row(double[] features, FlowTable flows, int slot, long startNanos, long endNanos) {
        line.setLength(0);
        for (int column = 0; column < FeatureColumns.COUNT; column++) {
            if (column > 0) {
                line.append(',');
            }
            PythonFloats.appendRepr(line, features[column]);
        }
        if (label != null) {
            line.append(',').append(label);
        }
        line.append('\n');
        if (chars.length < line.length()) {
            chars = new char[line.length() * 2];
        }
        line.getChars(0, line.length(), chars, 0);
        try {
            out.write(chars, 0, line.length());
        } catch (IOException e) {
            throw new UncheckedIOException("writing feature row " + (rows + 1), e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
