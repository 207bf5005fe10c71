package io.iotwatch.packet.features;

import io.iotwatch.packet.flow.FlowTable;
import java.util.ArrayList;
import java.util.List;

/** Keeps copies of the rows an extractor emits, with their slots and times. */
final class RowCollector implements FeatureRowSink {

    record Row(double[] features, int slot, long startNanos, long endNanos) {
        double get(int column) {
            return features[column];
        }
    }

    final List<Row> rows = new ArrayList<>();

    @Override
    public void row(double[] features, FlowTable flows, int slot, long startNanos, long endNanos) {
        rows.add(new Row(features.clone(), slot, startNanos, endNanos));
    }

    Row last() {
        return rows.getLast();
    }
}
