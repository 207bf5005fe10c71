package io.iotwatch.packet.flow;

/** Told of each flow as it leaves the table, while its slot still holds it: the place to make its record. */
@FunctionalInterface
public interface FlowEndListener {

    void flowEnded(FlowTable flows, int slot, FlowEnd reason);
}
