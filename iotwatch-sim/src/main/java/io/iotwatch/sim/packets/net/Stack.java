package io.iotwatch.sim.packets.net;

/**
 * The TCP/IP stack of a host, as far as its packets show it: initial TTL, the MSS and receive window it
 * advertises, the TCP options it offers in a SYN, and how long it delays a lone ACK.
 */
public enum Stack {
    /** Linux (servers, cameras, hubs, Android): every option, window scale 7, 40 ms delayed ACK. */
    LINUX(64, 1460, 64_240, 7, true, true, 40),
    /** lwIP as in ESP-IDF (sensors, plugs): MSS only, a small window, ACKs delayed by its 100 ms timer. */
    LWIP(64, 1440, 5_744, -1, false, false, 100),
    /** Windows 10 and 11: no timestamps, window scale 8. */
    WINDOWS(128, 1460, 64_240, 8, false, true, 100),
    /** Apple's iOS and macOS: every option, window scale 6. */
    DARWIN(64, 1460, 65_535, 6, true, true, 100);

    public final int ttl;
    public final int mss;
    /** Receive window in bytes. */
    public final int window;
    /** Window scale shift it offers, or -1 for none. */
    public final int windowScale;
    public final boolean timestamps;
    public final boolean sack;
    public final long delayedAck;

    Stack(int ttl, int mss, int window, int windowScale, boolean timestamps, boolean sack, long delayedAckMillis) {
        this.ttl = ttl;
        this.mss = mss;
        this.window = window;
        this.windowScale = windowScale;
        this.timestamps = timestamps;
        this.sack = sack;
        this.delayedAck = delayedAckMillis * Micros.MILLI;
    }
}
