package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;

/** One planned packet: writes itself into a started frame and finishes it. */
@FunctionalInterface
public interface Packet {
    void write(Frame frame);
}
