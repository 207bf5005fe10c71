package io.iotwatch.sim.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's network: every host a network namespace of its own, joined by a bridge that lives in a namespace
 * of its own too ({@value #SWITCH}), so the machine's own namespace gets no interface, address or route. The
 * hosts share 10.77.0.0/24 and have no default route: a packet to any other address has nowhere to go. The
 * "Internet" the devices call (their vendor cloud, and the C2 server) is two documentation addresses
 * (RFC 5737) held by the gateway itself, reached through a route to those prefixes only.
 *
 * <pre>
 *                      iwlab-sw: bridge br0 (the sensor and tcpdump listen here)
 *        ┌──────────┬───────────┬──────────┼───────────┬───────────┬────────────┐
 *    gateway     victim      camera      plug        phone      attacker
 *    10.77.0.1   10.77.0.10  10.77.0.21  10.77.0.22  10.77.0.23  10.77.0.66-69
 * </pre>
 */
public final class Topology {

    /** Every namespace of the lab starts with this; cleaning up removes exactly these. */
    public static final String PREFIX = "iwlab-";
    public static final String SWITCH = PREFIX + "sw";
    public static final String BRIDGE = "br0";
    public static final String NETWORK = "10.77.0.0/24";
    static final int PREFIX_LENGTH = 24;

    /** The switch, as a place programs run: tcpdump and the sensor listen on its bridge. It has no address. */
    public static final LabHost SWITCH_HOST = new LabHost("switch", "the bridge joining the hosts", SWITCH, "", List.of());
    public static final LabHost GATEWAY = new LabHost("gw", "router and DNS server; holds the 'Internet' addresses",
            PREFIX + "gw", "02:1a:77:00:00:01", List.of("10.77.0.1"));
    public static final LabHost VICTIM = new LabHost("victim", "IoT hub: SSH, telnet, web admin, MQTT broker",
            PREFIX + "victim", "02:1a:77:00:00:0a", List.of("10.77.0.10"));
    public static final LabHost CAMERA = new LabHost("camera", "camera: telemetry to the hub; compromised for the DNS tunnel",
            PREFIX + "camera", "02:1a:77:00:00:15", List.of("10.77.0.21"));
    public static final LabHost PLUG = new LabHost("plug", "smart plug: MQTT readings; compromised for the C2 beacon",
            PREFIX + "plug", "02:1a:77:00:00:16", List.of("10.77.0.22"));
    public static final LabHost PHONE = new LabHost("phone", "a person's phone with the hub's app; DNS spoofing's target",
            PREFIX + "phone", "02:1a:77:00:00:17", List.of("10.77.0.23"));
    public static final LabHost ATTACKER = new LabHost("attacker", "the attacker, with several addresses for the DDoS floods",
            PREFIX + "atk", "02:1a:77:00:00:42", List.of("10.77.0.66", "10.77.0.67", "10.77.0.68", "10.77.0.69"));

    /** The vendor cloud the devices call, on the gateway (TEST-NET-2). */
    public static final String CLOUD = "198.51.100.20";
    /** The C2 server the compromised plug calls, on the gateway (TEST-NET-3). */
    public static final String C2 = "203.0.113.66";
    /** The prefixes the gateway stands in for; the devices route only these to it. */
    public static final List<String> INTERNET = List.of("198.51.100.0/24", "203.0.113.0/24");
    /** The DNS tunnel's own domain (RFC 2606's .example), served by iodined on the victim. */
    public static final String TUNNEL_DOMAIN = "tunnel.example";
    /** iodined's end of the tunnel; the client gets the next address. */
    public static final String TUNNEL_SERVER = "10.99.0.1";
    static final String TUNNEL_NETWORK = TUNNEL_SERVER + "/27";

    public static final List<LabHost> HOSTS = List.of(GATEWAY, VICTIM, CAMERA, PLUG, PHONE, ATTACKER);
    /** The devices that make benign traffic and call the Internet through the gateway. */
    public static final List<LabHost> CLIENTS = List.of(CAMERA, PLUG, PHONE);

    private Topology() {}

    /** Every namespace the lab creates, the switch first. */
    public static List<String> namespaces() {
        List<String> names = new ArrayList<>();
        names.add(SWITCH);
        HOSTS.forEach(h -> names.add(h.namespace()));
        return names;
    }

    /**
     * The commands that build the lab, in order. Each one either creates a lab namespace or runs inside one
     * ({@code ip -n NS}, {@code ip netns exec NS}); none touches the machine's own namespace.
     */
    public static List<List<String>> setupCommands() {
        List<List<String>> commands = new ArrayList<>();
        for (String namespace : namespaces()) {
            commands.add(List.of("ip", "netns", "add", namespace));
            // No IPv6: its autoconfiguration chatter would be traffic no ground truth explains.
            commands.add(List.of("ip", "netns", "exec", namespace, "sysctl", "-qw",
                    "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"));
            commands.add(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        }
        commands.add(List.of("ip", "-n", SWITCH, "link", "add", BRIDGE, "type", "bridge", "mcast_snooping", "0"));
        commands.add(List.of("ip", "-n", SWITCH, "link", "set", BRIDGE, "up"));
        for (LabHost host : HOSTS) {
            commands.add(List.of("ip", "-n", SWITCH, "link", "add", host.bridgePort(), "type", "veth", "peer", "name",
                    "eth0", "netns", host.namespace()));
            commands.add(List.of("ip", "-n", SWITCH, "link", "set", host.bridgePort(), "master", BRIDGE, "up"));
            commands.add(List.of("ip", "-n", host.namespace(), "link", "set", "eth0", "address", host.mac()));
            for (String address : host.addresses()) {
                commands.add(List.of("ip", "-n", host.namespace(), "addr", "add", address + "/" + PREFIX_LENGTH,
                        "dev", "eth0"));
            }
            commands.add(List.of("ip", "-n", host.namespace(), "link", "set", "eth0", "up"));
        }
        for (String address : List.of(CLOUD, C2)) {
            commands.add(List.of("ip", "-n", GATEWAY.namespace(), "addr", "add", address + "/32", "dev", "lo"));
        }
        for (LabHost client : CLIENTS) {
            for (String prefix : INTERNET) {
                commands.add(List.of("ip", "-n", client.namespace(), "route", "add", prefix, "via", GATEWAY.address()));
            }
        }
        return commands;
    }
}
