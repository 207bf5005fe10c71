package io.iotwatch.sim.lab;

import io.iotwatch.packet.dns.DnsMessage;
import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;

/**
 * dsniff's arpspoof and dnsspoof. ARP spoofing tells the victim, every 2 s, that the gateway's address is at the
 * attacker's MAC. DNS spoofing poisons the phone the same way, so its DNS queries to the gateway reach the
 * attacker, where dnsspoof answers the name it was given with the attacker's address; the attacker does not
 * forward packets, so the real answer never races the forged one. The phone asks six times while it is poisoned.
 */
final class SpoofingAttacks {

    /** The name dnsspoof forges, one the devices really use (their vendor cloud). */
    static final String SPOOFED_NAME = "cloud.iot.example";

    private SpoofingAttacks() {}

    static AttackPlan plan(AttackKind kind, LabFiles files) {
        String attacker = Topology.ATTACKER.address();
        String gateway = Topology.GATEWAY.address();
        long attackerMac = mac(Topology.ATTACKER.mac());
        return switch (kind) {
            case ARP_SPOOFING -> {
                String victim = Topology.VICTIM.address();
                yield AttackPlan.simple(kind, List.of(attacker), victim, List.of("dsniff"),
                        // SIGINT: arpspoof then re-announces the real MAC before it leaves, as it does on Ctrl-C.
                        List.of(NsCommand.bounded(Topology.ATTACKER, Duration.ofSeconds(20), "arpspoof", "-i", "eth0",
                                "-t", victim, gateway).withSignal("INT")),
                        List.of(Criterion.count("ARP replies claiming " + gateway + " is at the attacker's MAC", 5,
                                p -> p.arp() && p.arpOperation() == 2 && gateway.equals(p.arpSenderIp())
                                        && p.arpSenderMac() == attackerMac)));
            }
            case DNS_SPOOFING -> {
                String phone = Topology.PHONE.address();
                NsCommand poison = NsCommand.unbounded(Topology.ATTACKER, "arpspoof", "-i", "eth0", "-t", phone, gateway);
                NsCommand spoof = NsCommand.unbounded(Topology.ATTACKER, "dnsspoof", "-i", "eth0", "-f",
                        files.spoofedHosts().toString(), "udp dst port 53 and src host " + phone);
                // +noedns: dnsspoof leaves queries with an EDNS record alone; small IoT resolvers send none.
                NsCommand lure = NsCommand.script(Topology.PHONE, Duration.ofSeconds(40),
                        "for i in 1 2 3 4 5 6; do dig +short +noedns +time=2 +tries=1 @" + gateway + " " + SPOOFED_NAME
                                + "; sleep 1; done");
                // The gateway as a /32 beside the attacker: the forged answers carry its address as their source.
                yield new AttackPlan(kind, List.of(attacker, gateway + "/32"), phone, List.of("dsniff", "dnsutils"), List.of(poison, spoof),
                        Duration.ofSeconds(5), List.of(lure), List.of(
                                Criterion.count("DNS answers to " + phone + " 'from' " + gateway + " saying " + SPOOFED_NAME
                                        + " is " + attacker + ", sent from the attacker's MAC", 1,
                                        p -> p.to(phone) && p.from(gateway) && p.sourceMac() == attackerMac
                                                && answers(p, attacker))));
            }
            default -> throw new IllegalArgumentException(kind.id + " is no spoofing attack");
        };
    }

    private static boolean answers(LabPacket p, String address) {
        DnsMessage dns = p.dns();
        if (dns == null || !dns.response() || !SPOOFED_NAME.equals(dns.queryName())) {
            return false;
        }
        for (int i = 0; i < dns.answerCount(); i++) {
            if (dns.answerType(i) == DnsMessage.TYPE_A && address.equals(dns.answerText(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code 02:1a:77:00:00:42} as the decoder's 48-bit number. */
    static long mac(String text) {
        return Long.parseLong(text.replace(":", ""), 16);
    }
}
