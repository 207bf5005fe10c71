package io.iotwatch.sim.packets.lan;

import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Packets;
import io.iotwatch.sim.packets.net.Planner;
import io.iotwatch.sim.packets.net.Stack;
import io.iotwatch.sim.packets.proto.Dns;
import io.iotwatch.sim.packets.wire.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A device's DNS stub: asks the gateway for a name when its cached answer has expired, A only on lwIP, A and
 * AAAA from the same port on Linux, and keeps the answer for its TTL.
 */
public final class Resolver {

    private final Device device;
    private final Map<String, Long> cachedUntil = new HashMap<>();

    Resolver(Device device) {
        this.device = device;
    }

    /** Plans the lookup of {@code endpoint} at {@code now} if needed; returns when its address is known. */
    public long lookup(Planner planner, long now, Endpoint endpoint, RandomGenerator rnd) {
        Long until = cachedUntil.get(endpoint.name());
        if (until != null && until > now) {
            return now;
        }
        int port = device.ephemeralPort();
        // The gateway answers from its cache within a millisecond, else after asking upstream.
        long resolve = rnd.nextInt(10) < 7 ? 300 + rnd.nextLong(700) : Micros.millis(15 + rnd.nextInt(45));
        int ttl = Math.max(1, endpoint.ttl() - rnd.nextInt(Math.max(1, endpoint.ttl() / 2)));
        long answered = query(planner, now, port, endpoint, Dns.TYPE_A, resolve, ttl, rnd);
        if (device.host().stack() != Stack.LWIP) {
            answered = Math.max(answered, query(planner, now + 60, port, endpoint, Dns.TYPE_AAAA, resolve + 40, ttl, rnd));
        }
        cachedUntil.put(endpoint.name(), answered + ttl * Micros.SECOND);
        return answered + 150;
    }

    private long query(Planner planner, long now, int port, Endpoint endpoint, int type, long resolve, int ttl,
            RandomGenerator rnd) {
        int id = rnd.nextInt(1 << 16);
        Bytes q = new Bytes(64);
        Dns.query(q, id, endpoint.name(), type);
        planner.at(now, Packets.udp(device.host(), port, device.gateway(), 53, device.nextIpId(), q.toArray()));
        Bytes r = new Bytes(128);
        Dns answer = Dns.response(r, id, endpoint.name(), type, Dns.NOERROR);
        if (endpoint.alias() != null) {
            answer.cname(ttl, endpoint.alias());
        }
        if (type == Dns.TYPE_A) {
            endpoint.hosts().forEach(h -> answer.a(ttl, h.ip()));
        }
        answer.finish();
        long at = now + device.host().rtt() + resolve;
        planner.at(at, Packets.udp(device.gateway(), 53, device.host(), port, rnd.nextInt(1 << 16), r.toArray()));
        return at;
    }
}
