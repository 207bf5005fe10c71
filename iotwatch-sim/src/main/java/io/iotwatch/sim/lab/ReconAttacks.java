package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;

/** nmap's sweeps and scans, from the attacker's first address, at nmap's aggressive timing (-T4). */
final class ReconAttacks {

    private static final String NMAP = "nmap";

    /**
     * The lab's hosts other than the attacker. A probe to an address nobody has never reaches the wire on a
     * LAN: the attacker's kernel asks for its MAC by ARP, gets no answer and drops it. So a sweep shows as ARP
     * requests for the whole subnet and probes to the live hosts only.
     */
    private static final int LIVE_HOSTS = Topology.HOSTS.size() - 1;

    private ReconAttacks() {}

    private static Criterion addressesAsked(String attacker) {
        return Criterion.distinct("ARP requests from " + attacker + ", distinct addresses asked for", 200,
                p -> p.arp() && p.arpOperation() == 1 && attacker.equals(p.arpSenderIp()), LabPacket::arpTargetIp);
    }

    static AttackPlan plan(AttackKind kind) {
        String attacker = Topology.ATTACKER.address();
        String victim = Topology.VICTIM.address();
        List<String> from = List.of(attacker);
        Duration bound = Duration.ofSeconds(90);
        return switch (kind) {
            case PING_SWEEP -> AttackPlan.simple(kind, from, Topology.NETWORK, List.of(NMAP),
                    // --send-ip: on a LAN nmap would ask by ARP; the ping sweep is ICMP echo.
                    List.of(NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-sn", "-PE", "--send-ip", "-T4",
                            "--max-retries", "1", Topology.NETWORK)),
                    List.of(addressesAsked(attacker),
                            Criterion.distinct("ICMP echo requests from " + attacker + ", distinct hosts", LIVE_HOSTS,
                                    p -> p.from(attacker) && p.icmp() && p.icmpType() == 8, LabPacket::destination)));
            case HOST_DISCOVERY -> AttackPlan.simple(kind, from, Topology.NETWORK, List.of(NMAP),
                    List.of(NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-sn", "-PR", "-T4", Topology.NETWORK),
                            NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-sn", "--disable-arp-ping",
                                    "-PS22,23,80,443,1883", "-PA80", "-T4", "--max-retries", "1", Topology.NETWORK)),
                    List.of(addressesAsked(attacker),
                            Criterion.distinct("TCP probes (SYN or ACK) from " + attacker + ", distinct hosts", LIVE_HOSTS,
                                    p -> p.from(attacker) && (p.syn() || p.tcpFlags(0xff, LabPacket.ACK)),
                                    LabPacket::destination)));
            case PORT_SCAN -> AttackPlan.simple(kind, from, victim, List.of(NMAP),
                    List.of(NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-Pn", "-sS", "-p", "1-1024", "-T4",
                            "--max-retries", "1", victim)),
                    List.of(Criterion.distinct("SYNs from " + attacker + " to " + victim + ", distinct ports", 1000,
                            p -> p.from(attacker) && p.to(victim) && p.syn(), LabPacket::destinationPort)));
            case OS_SCAN -> AttackPlan.simple(kind, from, victim, List.of(NMAP),
                    // One open and one closed port are all -O needs; more ports would make it a port scan too.
                    List.of(NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-Pn", "-O", "--osscan-guess",
                            "-p", "22,80,443", "-T4", victim)),
                    List.of(Criterion.count("TCP probes from " + attacker + " with no flags or FIN+PSH+URG (nmap's T2, T3,"
                                    + " T7)", 2, p -> p.from(attacker) && p.to(victim)
                                    && (p.tcpFlags(0xff, 0) || p.tcpFlags(LabPacket.FIN | LabPacket.PSH | LabPacket.URG,
                                            LabPacket.FIN | LabPacket.PSH | LabPacket.URG))),
                            Criterion.count("UDP probes from " + attacker + " to " + victim + " (nmap's U1)", 1,
                                    p -> p.from(attacker) && p.to(victim) && p.udp())));
            case VULNERABILITY_SCAN -> AttackPlan.simple(kind, from, victim, List.of(NMAP),
                    List.of(NsCommand.bounded(Topology.ATTACKER, bound, NMAP, "-n", "-Pn", "-sV", "--version-light",
                            "--script", "banner,http-enum,http-headers,http-methods,http-sql-injection,http-shellshock,"
                                    + "http-passwd,ssh2-enum-algos",
                            "--script-timeout", "40s", "--host-timeout", "80s", "-p", "22,23,80,1883", victim)),
                    List.of(Criterion.count("HTTP requests from " + attacker + " to " + victim + ":80", 500,
                                    p -> p.from(attacker) && p.to(victim) && p.destinationPort() == 80
                                            && (p.payloadContains("GET /") || p.payloadContains("HEAD /"))),
                            Criterion.distinct("ports of " + victim + " connected to", 4,
                                    p -> p.from(attacker) && p.to(victim) && p.syn(), LabPacket::destinationPort)));
            default -> throw new IllegalArgumentException(kind.id + " is no reconnaissance");
        };
    }
}
