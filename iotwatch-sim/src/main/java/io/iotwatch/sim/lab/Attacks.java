package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.function.Predicate;

/** Every attack the lab knows, each planned by the small class of its family. */
public final class Attacks {

    /** The attacker's addresses the DDoS floods come from. */
    static final List<String> FLOOD_SOURCES = Topology.ATTACKER.addresses().subList(0, 3);

    private Attacks() {}

    /** The plan of {@code kind} in a run with these files and settings. */
    public static AttackPlan plan(AttackKind kind, LabFiles files, LabSettings settings) {
        return switch (kind) {
            case PING_SWEEP, HOST_DISCOVERY, PORT_SCAN, OS_SCAN, VULNERABILITY_SCAN -> ReconAttacks.plan(kind);
            case SYN_FLOOD, ACK_FRAGMENTATION, UDP_FLOOD, UDP_FRAGMENTATION, ICMP_FLOOD, ICMP_FRAGMENTATION,
                 PSHACK_FLOOD, RSTFIN_FLOOD, SYNONYMOUS_IP_FLOOD -> FloodAttacks.plan(kind, settings);
            case GREETH_FLOOD, GREIP_FLOOD, UDPPLAIN_FLOOD -> MiraiAttacks.plan(kind, files, settings);
            case HTTP_FLOOD, DDOS_HTTP_FLOOD, SLOWLORIS -> HttpAttacks.plan(kind, settings);
            case SSH_DICTIONARY, TELNET_DICTIONARY -> DictionaryAttacks.plan(kind, files);
            case ARP_SPOOFING, DNS_SPOOFING -> SpoofingAttacks.plan(kind, files);
            case SQL_INJECTION, XSS, COMMAND_INJECTION, UPLOADING -> WebAttacks.plan(kind, files);
            case DNS_TUNNEL -> TunnelAttack.plan(files);
            case C2_BEACON -> BeaconAttack.plan(settings);
        };
    }

    /** Packets from one of {@code attackers} to the victim. */
    static boolean fromTo(LabPacket p, List<String> attackers, String victim) {
        return p.from(attackers) && p.to(victim);
    }

    /**
     * What a flood from several addresses must show: at least {@code minimum} of its packets from them to the
     * victim, and every one of them sending.
     */
    static List<Criterion> fromEverySource(String what, long minimum, List<String> sources, String victim,
            Predicate<LabPacket> packet) {
        Predicate<LabPacket> flood = p -> fromTo(p, sources, victim) && packet.test(p);
        return List.of(Criterion.count(what + " from the attackers to " + victim, minimum, flood),
                Criterion.distinct("attacker addresses sending them", sources.size(), flood, LabPacket::source));
    }
}
