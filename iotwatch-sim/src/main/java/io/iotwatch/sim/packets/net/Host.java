package io.iotwatch.sim.packets.net;

/**
 * One end of traffic as the capture point sees it.
 *
 * @param ip            its IPv4 address
 * @param mac           the MAC address its frames carry on the captured LAN: its own, or the gateway's for a
 *                      host beyond the gateway
 * @param stack         its TCP/IP stack
 * @param ttl           the TTL of its packets when they pass the capture point
 * @param rtt           microseconds from the capture point to the host and back
 * @param bitsPerSecond the rate at which its back-to-back packets pass the capture point
 */
public record Host(int ip, long mac, Stack stack, int ttl, long rtt, long bitsPerSecond) {

    /** A host on the captured LAN. */
    public static Host lan(int ip, long mac, Stack stack, long rtt, long bitsPerSecond) {
        return new Host(ip, mac, stack, stack.ttl, rtt, bitsPerSecond);
    }

    /** A host {@code hops} routers beyond the gateway, whose frames come from and go to the gateway's MAC. */
    public static Host beyond(int ip, long gatewayMac, Stack stack, int hops, long rtt, long bitsPerSecond) {
        return new Host(ip, gatewayMac, stack, stack.ttl - hops, rtt, bitsPerSecond);
    }

    /** Microseconds a frame of {@code bytes} takes to pass at this host's rate, at least one. */
    public long transmit(int bytes) {
        return Math.max(1, bytes * 8L * Micros.SECOND / bitsPerSecond);
    }
}
