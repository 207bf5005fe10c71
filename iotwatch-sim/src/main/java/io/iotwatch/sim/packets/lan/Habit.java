package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.PlanningSource;
import io.iotwatch.sim.packets.net.TcpFlow;
import java.util.SplittableRandom;

/** One habit of one device (its MQTT session, its NTP polls, its ARP refreshes ...): a benign source of packets. */
abstract class Habit extends PlanningSource {

    protected final Device device;
    protected final SplittableRandom rnd;

    Habit(Device device, SplittableRandom rnd, long firstWake) {
        super(null, firstWake);
        this.device = device;
        this.rnd = rnd;
    }

    /** {@code base} microseconds, give or take {@code fraction} of it. */
    protected long jitter(long base, double fraction) {
        long spread = (long) (base * fraction);
        return spread <= 0 ? base : base - spread + rnd.nextLong(2 * spread + 1);
    }

    /** A new TCP connection from the device to {@code server}. */
    protected TcpFlow connection(Host server, int port) {
        return new TcpFlow(this, device.host(), device.ephemeralPort(), server, port, rnd);
    }
}
