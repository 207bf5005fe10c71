package io.iotwatch.sim.packets.net;

/** Simulated time is microseconds since the epoch, the resolution of the pcap file. */
public final class Micros {

    public static final long MILLI = 1_000L;
    public static final long SECOND = 1_000_000L;
    public static final long MINUTE = 60 * SECOND;

    private Micros() {
    }

    public static long seconds(double seconds) {
        return Math.round(seconds * SECOND);
    }

    public static long millis(double millis) {
        return Math.round(millis * MILLI);
    }
}
