package io.iotwatch.packet.flow;

import io.iotwatch.packet.decode.PacketDecoder;

/**
 * Sees every packet after the flow table placed it, and every flow as it leaves the table: the hook
 * through which per-flow consumers (feature extractors) keep their state in arrays indexed by the table's
 * slots instead of maps of their own. Called on the packet thread; implementations must not allocate per
 * packet.
 */
public interface FlowObserver {

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
