package io.iotwatch.sim.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The servers the attacks aim at and the benign devices use. On the victim: sshd (a weak account), the telnet
 * login, the vulnerable web endpoint, the MQTT broker and iodined, the DNS tunnel's server. On the gateway: the
 * lab's DNS server, the vendor cloud and the C2 server (BusyBox httpd on the two "Internet" addresses).
 */
final class Services {

    static final String PYTHON = "/usr/bin/python3";

    /** A socket that must be listening before traffic starts. */
    record Listening(LabHost host, String protocol, String address, int port) {
        String socket() {
            return address + ":" + port;
        }
    }

    /** Names the lab's DNS server answers, and their addresses. */
    static final List<String> RECORDS = List.of(
            SpoofingAttacks.SPOOFED_NAME + "=" + Topology.CLOUD,
            "mqtt.iot.example=" + Topology.VICTIM.address(),
            "app.iot.example=" + Topology.VICTIM.address(),
            "hub.iot.example=" + Topology.VICTIM.address());

    private Services() {}

    static List<NsCommand> commands(LabFiles files) {
        String victim = Topology.VICTIM.address();
        List<NsCommand> commands = new ArrayList<>();
        commands.add(files.sshd());
        commands.add(NsCommand.unbounded(Topology.VICTIM, PYTHON, "-u", files.script("telnetd.py").toString(),
                "--address", victim, "--user", LabFiles.LAB_USER, "--password", LabFiles.LAB_PASSWORD));
        commands.add(NsCommand.unbounded(Topology.VICTIM, PYTHON, "-u", files.script("vulnweb.py").toString(),
                "--address", victim, "--uploads", files.uploads().toString()));
        commands.add(NsCommand.unbounded(Topology.VICTIM, "mosquitto", "-c", files.mosquittoConfig().toString()));
        commands.add(NsCommand.unbounded(Topology.VICTIM, "iodined", "-f", "-c", "-P", LabFiles.TUNNEL_PASSWORD,
                "-l", victim, "-p", "53", Topology.TUNNEL_NETWORK, Topology.TUNNEL_DOMAIN));
        List<String> dns = new ArrayList<>(List.of(PYTHON, "-u", files.script("dnsd.py").toString(),
                "--address", Topology.GATEWAY.address()));
        RECORDS.forEach(r -> dns.addAll(List.of("--record", r)));
        commands.add(new NsCommand(Topology.GATEWAY, dns, null, "TERM"));
        commands.add(NsCommand.unbounded(Topology.GATEWAY, "busybox", "httpd", "-f", "-p", Topology.CLOUD + ":80",
                "-h", files.www("cloud").toString()));
        commands.add(NsCommand.unbounded(Topology.GATEWAY, "busybox", "httpd", "-f", "-p", Topology.C2 + ":80",
                "-h", files.www("c2").toString()));
        return commands;
    }

    static List<Listening> expected() {
        String victim = Topology.VICTIM.address();
        return List.of(
                new Listening(Topology.VICTIM, "tcp", victim, 22),
                new Listening(Topology.VICTIM, "tcp", victim, 23),
                new Listening(Topology.VICTIM, "tcp", victim, 80),
                new Listening(Topology.VICTIM, "tcp", victim, 1883),
                new Listening(Topology.VICTIM, "udp", victim, 53),
                new Listening(Topology.GATEWAY, "udp", Topology.GATEWAY.address(), 53),
                new Listening(Topology.GATEWAY, "tcp", Topology.CLOUD, 80),
                new Listening(Topology.GATEWAY, "tcp", Topology.C2, 80));
    }

    /** The command that lists a host's listening sockets of {@code protocol}, without headers. */
    static NsCommand socketsCommand(LabHost host, String protocol) {
        return NsCommand.bounded(host, Duration.ofSeconds(10), "ss", "-Hln", protocol.equals("udp") ? "-u" : "-t");
    }

    /** The local {@code address:port} of every socket in {@code ss -Hln} output. */
    static Set<String> listening(String ssOutput) {
        Set<String> sockets = new LinkedHashSet<>();
        for (String line : ssOutput.lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 5) {
                sockets.add(fields[3]);
            }
        }
        return sockets;
    }

    /** The benign devices' traffic generators, each seeded from the run's seed. */
    static List<NsCommand> benign(LabFiles files, long seed) {
        List<NsCommand> commands = new ArrayList<>();
        for (int i = 0; i < Topology.CLIENTS.size(); i++) {
            LabHost client = Topology.CLIENTS.get(i);
            commands.add(NsCommand.unbounded(client, PYTHON, "-u", files.script("benign.py").toString(),
                    "--role", client.name(), "--seed", Long.toString(seed + i), "--hub", Topology.VICTIM.address(),
                    "--dns", Topology.GATEWAY.address(), "--cloud", Topology.CLOUD));
        }
        return commands;
    }
}
