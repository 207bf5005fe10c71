package io.iotwatch.sim.lab;

import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.sim.truth.AttackKind;
import java.util.List;
import java.util.function.Predicate;

/**
 * Mirai's GRE floods and its udpplain flood, as its attack code builds them (the lab's {@code mirai.py}: GRE
 * with scapy, udpplain through ordinary sockets), from the attacker's three flood addresses, a quarter of the
 * flood packet budget each time, at most 3,000 packets/s.
 */
final class MiraiAttacks {

    static final int UDPPLAIN_PORT = 5683;
    private static final int PAYLOAD = 512;

    private MiraiAttacks() {}

    static AttackPlan plan(AttackKind kind, LabFiles files, LabSettings settings) {
        String victim = Topology.VICTIM.address();
        List<String> sources = Attacks.FLOOD_SOURCES;
        int count = settings.floodPackets() / 4;
        String mode = switch (kind) {
            case GREETH_FLOOD -> "greeth";
            case GREIP_FLOOD -> "greip";
            case UDPPLAIN_FLOOD -> "udpplain";
            default -> throw new IllegalArgumentException(kind.id + " is no Mirai flood");
        };
        NsCommand command = NsCommand.bounded(Topology.ATTACKER, LabSettings.FLOOD_SECONDS.plusSeconds(15), Services.PYTHON,
                files.script("mirai.py").toString(), mode, "--target", victim, "--sources", String.join(",", sources),
                "--port", Integer.toString(UDPPLAIN_PORT), "--count", Integer.toString(count), "--rate", "3000",
                "--seconds", Long.toString(LabSettings.FLOOD_SECONDS.toSeconds()), "--seed",
                Long.toString(settings.seed()));
        Predicate<LabPacket> packet = switch (kind) {
            case GREETH_FLOOD -> p -> p.protocol() == Protocols.IP_GRE && p.greProtocol() == Protocols.ETHERTYPE_TRANSPARENT_ETHERNET;
            case GREIP_FLOOD -> p -> p.protocol() == Protocols.IP_GRE && p.greProtocol() == Protocols.ETHERTYPE_IPV4;
            default -> p -> p.udp() && p.destinationPort() == UDPPLAIN_PORT && p.payload().length == PAYLOAD;
        };
        List<String> packages = kind == AttackKind.UDPPLAIN_FLOOD ? List.of("python3") : List.of("python3-scapy");
        return AttackPlan.simple(kind, sources, victim, packages, List.of(command),
                Attacks.fromEverySource(mode + " packets", count / 2, sources, victim, packet));
    }
}
