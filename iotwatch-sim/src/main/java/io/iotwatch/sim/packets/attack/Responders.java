package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Lan;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Stack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The live hosts of the office network, as a sweep finds them: the gateway's interface there and the office hosts. */
final class Responders {

    private final Map<Integer, Lan.OfficeHost> hosts = new HashMap<>();

    Responders(Lan lan) {
        Host router = new Host(Lan.OFFICE | 1, lan.gateway().mac(), Stack.LINUX, Stack.LINUX.ttl, 250, 1_000_000_000L);
        hosts.put(router.ip(), new Lan.OfficeHost(router, List.of(443)));
        for (Lan.OfficeHost h : lan.office()) {
            hosts.put(h.host().ip(), h);
        }
    }

    /** The live host at {@code ip}, or null. */
    Host at(int ip) {
        Lan.OfficeHost h = hosts.get(ip);
        return h == null ? null : h.host();
    }

    boolean open(int ip, int port) {
        Lan.OfficeHost h = hosts.get(ip);
        return h != null && h.openPorts().contains(port);
    }
}
