package io.iotwatch.ml.model;

import io.iotwatch.packet.features.FeatureColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a model's feature names onto the extractor's columns. Names match the CICIoT2023 header ignoring case
 * and with spaces and underscores the same, since LightGBM's files and Python's pandas write {@code Tot sum}
 * as {@code Tot_sum}.
 */
public final class ModelColumns {

    private ModelColumns() {}

    /**
     * The extractor column of each name, in order.
     *
     * @throws IllegalArgumentException naming the names that are no column, and {@code IAT}, which no model
     *                                  may use
     */
    public static int[] resolve(List<String> names) {
        List<String> unknown = new ArrayList<>();
        int[] columns = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            columns[i] = column(names.get(i));
            if (columns[i] < 0) {
                unknown.add(names.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not CICIoT2023 feature columns: " + String.join(", ", unknown)
                    + "; the columns are " + String.join(", ", FeatureColumns.names()));
        }
        for (int column : columns) {
            if (column == FeatureColumns.IAT) {
                throw new IllegalArgumentException("the model uses IAT, which carries the capture's clock time in "
                        + "CICIoT2023's extractor; retrain it without that column");
            }
        }
        return columns;
    }

    /** The column names of {@code names}, spelled as the CICIoT2023 header spells them. */
    public static List<String> canonical(List<String> names) {
        int[] columns = resolve(names);
        List<String> out = new ArrayList<>();
        for (int column : columns) {
            out.add(FeatureColumns.names().get(column));
        }
        return out;
    }

    private static int column(String name) {
        String wanted = normal(name);
        List<String> all = FeatureColumns.names();
        for (int c = 0; c < all.size(); c++) {
            if (normal(all.get(c)).equals(wanted)) {
                return c;
            }
        }
        return -1;
    }

    private static String normal(String name) {
        return name.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
