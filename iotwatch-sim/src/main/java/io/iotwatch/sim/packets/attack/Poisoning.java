package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Planner;
import java.util.random.RandomGenerator;

/**
 * What {@code arpspoof -t VICTIM GATEWAY} puts on the wire: it looks up both MAC addresses from its own address,
 * then tells the victim every two seconds, unasked, that the gateway's address is at the attacker's MAC, and on
 * exit tells it three times, a second apart, the gateway's real MAC.
 */
final class Poisoning {

    static final long INTERVAL = Micros.seconds(2);
    private static final int CLEANUP = 3;

    private Poisoning() {
    }

    /** Plans the poisoning from {@code t} to {@code until}; returns the time of the first lie. */
    static long plan(Planner planner, long t, long until, Host attacker, Host victim, Host gateway, RandomGenerator rnd) {
        planner.at(t, Packets.arpRequest(attacker, victim.ip()));
        planner.at(t + victim.rtt() + 60, Packets.arpReply(victim.mac(), victim.mac(), victim.ip(), attacker));
        long g = t + Micros.millis(1);
        planner.at(g, Packets.arpRequest(attacker, gateway.ip()));
        planner.at(g + gateway.rtt() + 60, Packets.arpReply(gateway.mac(), gateway.mac(), gateway.ip(), attacker));
        long first = g + Micros.millis(2);
        long lie = first;
        for (; lie < until; lie += INTERVAL + rnd.nextLong(2_000)) {
            planner.at(lie, Packets.arpReply(attacker.mac(), attacker.mac(), gateway.ip(), victim));
        }
        for (int i = 0; i < CLEANUP; i++) {
            planner.at(lie + i * Micros.SECOND, Packets.arpReply(attacker.mac(), gateway.mac(), gateway.ip(), victim));
        }
        return first;
    }
}
