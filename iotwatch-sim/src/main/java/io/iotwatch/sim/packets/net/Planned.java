package io.iotwatch.sim.packets.net;

/** A packet planned for a time; a cancelled one (a delayed ACK made needless by data) is never written. */
public final class Planned implements Comparable<Planned> {

    final long time;
    final long order;
    final Packet packet;
    boolean cancelled;

    Planned(long time, long order, Packet packet) {
        this.time = time;
        this.order = order;
        this.packet = packet;
    }

    public long time() {
        return time;
    }

    @Override
    public int compareTo(Planned other) {
        int byTime = Long.compare(time, other.time);
        return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
}
