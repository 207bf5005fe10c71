package io.iotwatch.packet.features;

import io.iotwatch.packet.flow.FlowTable;

/**
 * Receives feature rows on the packet thread, as the extractors make them: one per window of packets in the
 * {@code ciciot2023} mode, one per ended flow in the {@code flow} mode.
 */
@FunctionalInterface
public interface FeatureRowSink {

    /**
     * One row.
     *
     * @param features   {@link FeatureColumns#COUNT} values in column order; the extractor reuses the array
     *                   after this call returns, so copy what must outlive it
     * @param flows      the flow table, whose accessors describe the row's flow during this call; null for a
     *                   row that mixes traffic (a {@code ciciot2023} window)
     * @param slot       the flow table slot of the flow the row describes; -1 for a row that mixes traffic
     * @param startNanos the time of the row's first packet, epoch nanoseconds
     * @param endNanos   the time of the row's last packet
     */
    void row(double[] features, FlowTable flows, int slot, long startNanos, long endNanos);
}
