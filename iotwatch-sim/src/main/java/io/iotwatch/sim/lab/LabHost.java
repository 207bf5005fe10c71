package io.iotwatch.sim.lab;

import java.util.List;

/**
 * One machine of the lab: a network namespace with one interface, {@code eth0}, on the lab's bridge.
 *
 * @param name      short name, also the bridge port's suffix ({@code p-NAME})
 * @param role      what it plays, for the docs and the run's log
 * @param namespace its network namespace
 * @param mac       the fixed, locally administered MAC of its {@code eth0}, so captures are reproducible
 * @param addresses its IPv4 addresses on the lab network, the first one its own; an attacker has several, the
 *                  switch none
 */
public record LabHost(String name, String role, String namespace, String mac, List<String> addresses) {

    public LabHost {
        addresses = List.copyOf(addresses);
    }

    /** Its first address; the switch has none. */
    public String address() {
        return addresses.getFirst();
    }

    /** The switch side of its veth pair. */
    public String bridgePort() {
        return "p-" + name;
    }
}
