package io.iotwatch.packet.flow;

import io.iotwatch.packet.decode.PacketDecoder;

/**
 * Sees every packet after the flow table placed it, and every flow as it leaves the table: the hook
 * through which per-flow consumers (feature extractors) keep their state by the table's slots instead of
 * in maps of their own, either in arrays of their own or in words of the table's records. Called on the
 * packet thread; implementations must not allocate per packet.
 */
public interface FlowObserver {

    /**
     * Longs of per-flow state to keep in the table's record of each flow: they share its cache lines, so a
     * packet's flow is one place in memory rather than one per observer. 0 (the default) for none.
     */
    default int wordsPerFlow() {
        return 0;
    }

    /**
     * Called once by the table that will show this observer its packets, when {@link #wordsPerFlow()} is
     * not 0: this observer's words are {@code firstWord} onwards in each slot's record (see
     * {@link FlowTable#records()}).
     */
    default void attach(FlowTable table, int firstWord) {
    }

    /**
     * One packet, already decoded.
     *
     * @param slot          the flow's slot in the table, from 0 to the table's capacity - 1; -1 for a packet
     *                      that belongs to no flow (ARP, other non-IP, a fragment without ports)
     * @param fromInitiator true when the packet travels in the direction of the flow's first packet
     * @param newFlow       true when this packet opened the flow in this slot
     */
    void packet(PacketDecoder packet, long timeNanos, int wireLength, int slot, boolean fromInitiator,
            boolean newFlow);

    /**
     * The flow in {@code slot} left the table (ended, timed out or evicted); {@code flows} still describes it
     * during this call, and the slot may be reused next.
     */
    void flowEnded(FlowTable flows, int slot);
}
