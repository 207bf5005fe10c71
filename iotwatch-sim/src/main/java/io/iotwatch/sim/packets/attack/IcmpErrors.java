package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Micros;

/**
 * Linux's rate limit on the ICMP errors it sends to one host (icmp_ratelimit, 1000 ms, with a burst of 6): a
 * flood of datagrams to a closed port draws a handful of unreachables, then one a second.
 */
final class IcmpErrors {

    private static final int BURST = 6;

    private double tokens = BURST;
    private long last = Long.MIN_VALUE;

    /** Whether an error may be sent at {@code t}, taking a token if so. */
    boolean allow(long t) {
        if (last != Long.MIN_VALUE) {
            tokens = Math.min(BURST, tokens + (t - last) / (double) Micros.SECOND);
        }
        last = t;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
