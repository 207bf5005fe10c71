package io.iotwatch.packet.flow;

/** Why a flow left the {@link FlowTable}. */
public enum FlowEnd {
    /** Reset or closed by both sides, and the grace after it passed (or the ports were reused by a new SYN). */
    CLOSED,
    /** No packet for its idle timeout. */
    IDLE,
    /** Active longer than the active timeout; its traffic goes on as a new flow. */
    ACTIVE,
    /** Ended early to make room in a full table. */
    EVICTED,
    /** The input ended with the flow still open. */
    END_OF_INPUT
}
