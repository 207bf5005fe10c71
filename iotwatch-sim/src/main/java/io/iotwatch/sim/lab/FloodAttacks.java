package io.iotwatch.sim.lab;

import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.sim.truth.AttackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * hping3's floods at the victim: each from the attacker's three flood addresses at once (DDoS, as the dataset
 * ran them from several machines), one hping3 per address, bounded by a packet count ({@code -c}), a rate
 * ({@code -i u100}: 10,000 packets/s each) and {@link LabSettings#FLOOD_SECONDS}. The fragmentation floods send
 * 1,200 to 1,400 bytes of data through a 400 or 500 byte "MTU" ({@code -m}), so every packet leaves in 3 or 4
 * IP fragments. The SynonymousIP flood forges the victim's own address as its source.
 */
final class FloodAttacks {

    private static final String HPING3 = "hping3";
    private static final String RATE = "u100";

    private FloodAttacks() {}

    static AttackPlan plan(AttackKind kind, LabSettings settings) {
        return switch (kind) {
            case SYN_FLOOD -> ddos(kind, settings, List.of("-S", "-p", "80"), "SYNs", LabPacket::syn);
            case ACK_FRAGMENTATION -> ddos(kind, settings, List.of("-A", "-p", "80", "-d", "1200", "-m", "400"),
                    "TCP fragments", fragmentOf(Protocols.IP_TCP));
            case UDP_FLOOD -> ddos(kind, settings, List.of("-2", "-p", "5683", "-d", "64"), "UDP datagrams",
                    p -> p.udp() && p.destinationPort() == 5683);
            case UDP_FRAGMENTATION -> ddos(kind, settings, List.of("-2", "-p", "5683", "-d", "1400", "-m", "500"),
                    "UDP fragments", fragmentOf(Protocols.IP_UDP));
            case ICMP_FLOOD -> ddos(kind, settings, List.of("-1", "-d", "64"), "ICMP echo requests",
                    p -> p.icmp() && p.icmpType() == 8);
            case ICMP_FRAGMENTATION -> ddos(kind, settings, List.of("-1", "-d", "1400", "-m", "500"), "ICMP fragments",
                    fragmentOf(Protocols.IP_ICMP));
            case PSHACK_FLOOD -> ddos(kind, settings, List.of("-P", "-A", "-p", "80", "-d", "64"), "PSH+ACK segments",
                    p -> p.tcpFlags(0xff, LabPacket.PSH | LabPacket.ACK));
            case RSTFIN_FLOOD -> ddos(kind, settings, List.of("-R", "-F", "-p", "80"), "RST+FIN segments",
                    p -> p.tcpFlags(LabPacket.RST | LabPacket.FIN, LabPacket.RST | LabPacket.FIN));
            case SYNONYMOUS_IP_FLOOD -> synonymous(settings);
            default -> throw new IllegalArgumentException(kind.id + " is no hping3 flood");
        };
    }

    private static Predicate<LabPacket> fragmentOf(int protocol) {
        return p -> p.fragment() && p.protocol() == protocol;
    }

    private static AttackPlan ddos(AttackKind kind, LabSettings settings, List<String> mode, String what,
            Predicate<LabPacket> packet) {
        String victim = Topology.VICTIM.address();
        List<String> sources = Attacks.FLOOD_SOURCES;
        int each = settings.floodPackets() / sources.size();
        List<NsCommand> commands = new ArrayList<>();
        for (String source : sources) {
            commands.add(hping3(mode, each, source, victim));
        }
        return AttackPlan.simple(kind, sources, victim, List.of(HPING3), commands,
                Attacks.fromEverySource(what, settings.floodPackets() / 2, sources, victim, packet));
    }

    private static AttackPlan synonymous(LabSettings settings) {
        String victim = Topology.VICTIM.address();
        int count = settings.floodPackets();
        // The source is forged: the ground truth names the one address used, as a prefix.
        return AttackPlan.simple(AttackKind.SYNONYMOUS_IP_FLOOD, List.of(victim + "/32"), victim, List.of(HPING3),
                List.of(hping3(List.of("-S", "-p", "80"), count, victim, victim)),
                List.of(Criterion.count("SYNs to " + victim + " with its own address as the source", count / 2,
                        p -> p.from(victim) && p.to(victim) && p.syn())));
    }

    private static NsCommand hping3(List<String> mode, int count, String source, String victim) {
        List<String> argv = new ArrayList<>(List.of(HPING3, "-q"));
        argv.addAll(mode);
        argv.addAll(List.of("-c", Integer.toString(count), "-i", RATE, "-a", source, victim));
        return new NsCommand(Topology.ATTACKER, argv, LabSettings.FLOOD_SECONDS, "INT");
    }
}
