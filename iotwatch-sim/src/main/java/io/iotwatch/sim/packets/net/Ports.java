package io.iotwatch.sim.packets.net;

import java.util.random.RandomGenerator;

/**
 * A Linux host's ephemeral ports (32768 to 60999): from a random start, two apart, wrapping around, so that
 * the connections one machine opens in a burst never share a port.
 */
public final class Ports {

    private static final int FIRST = 32_768;
    private static final int COUNT = 28_232;

    private int next;

    public Ports(RandomGenerator rnd) {
        next = rnd.nextInt(COUNT);
    }

    public int next() {
        next = (next + 2) % COUNT;
        return FIRST + next;
    }
}
