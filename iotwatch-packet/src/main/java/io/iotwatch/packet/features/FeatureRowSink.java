package io.iotwatch.packet.features;

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
     * @param slot       the flow table slot of the flow the row describes, still holding that flow during
     *                   this call; -1 for a row that mixes traffic (a {@code ciciot2023} window)
     * @param startNanos the time of the row's first packet, epoch nanoseconds
     * @param endNanos   the time of the row's last packet
     */
    void row(double[] features, int slot, long startNanos, long endNanos);
}
