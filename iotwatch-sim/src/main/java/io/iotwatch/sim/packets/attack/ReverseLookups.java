package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Planner;
import io.iotwatch.sim.packets.proto.Dns;
import io.iotwatch.sim.packets.wire.Bytes;
import io.iotwatch.sim.packets.wire.Ip;
import java.util.List;
import java.util.random.RandomGenerator;

/** nmap's reverse lookups of the hosts it found up: PTR queries to the resolver, which knows none of them. */
final class ReverseLookups {

    private ReverseLookups() {
    }

    /** Plans one PTR query per address from {@code t} on; returns when the last answer passes. */
    static long plan(Planner planner, long t, Host scanner, Host resolver, List<Integer> addresses, RandomGenerator rnd) {
        int port = 40_000 + rnd.nextInt(20_000);
        long last = t;
        for (int i = 0; i < addresses.size(); i++) {
            String name = Ip.reverseName(addresses.get(i));
            int id = rnd.nextInt(1 << 16);
            Bytes query = new Bytes(64);
            Dns.query(query, id, name, Dns.TYPE_PTR);
            long sent = t + i * 300L;
            planner.at(sent, Packets.udp(scanner, port, resolver, 53, rnd.nextInt(1 << 16), query.toArray()));
            Bytes answer = new Bytes(64);
            Dns.response(answer, id, name, Dns.TYPE_PTR, Dns.NXDOMAIN).finish();
            last = sent + resolver.rtt() + Micros.millis(2 + rnd.nextInt(30));
            planner.at(last, Packets.udp(resolver, 53, scanner, port, rnd.nextInt(1 << 16), answer.toArray()));
        }
        return last;
    }
}
