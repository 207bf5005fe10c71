package io.iotwatch.sim.packets.net;

/** Where packets are planned ahead of time, as a TCP connection plans its segments and the peer's ACKs. */
public interface Planner {

    /** Plans {@code packet} at {@code micros}; packets planned for the same time are written in planning order. */
    Planned at(long micros, Packet packet);

    /** Keeps a planned packet from being written, if it was not written yet. */
    void cancel(Planned planned);
}
