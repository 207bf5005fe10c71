package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.truth.AttackKind;

/** The attack of each kind, and the length of the slot it needs. */
public final class Attacks {

    private Attacks() {
    }

    /** Microseconds from an attack's start within which all its packets fall. */
    public static long slot(AttackKind kind) {
        return switch (kind) {
            case PING_SWEEP -> PingSweep.SLOT;
            case HOST_DISCOVERY -> HostDiscovery.SLOT;
            case PORT_SCAN -> PortScan.SLOT;
            case OS_SCAN -> OsScan.SLOT;
            case VULNERABILITY_SCAN -> VulnerabilityScan.SLOT;
            case SYN_FLOOD, PSHACK_FLOOD, RSTFIN_FLOOD, SYNONYMOUS_IP_FLOOD -> TcpFlood.SLOT;
            case UDP_FLOOD, UDPPLAIN_FLOOD -> UdpFlood.SLOT;
            case ICMP_FLOOD -> IcmpFlood.SLOT;
            case ACK_FRAGMENTATION, UDP_FRAGMENTATION, ICMP_FRAGMENTATION -> FragmentFlood.SLOT;
            case GREETH_FLOOD, GREIP_FLOOD -> GreFlood.SLOT;
            case HTTP_FLOOD, DDOS_HTTP_FLOOD -> HttpFlood.SLOT;
            case SLOWLORIS -> Slowloris.SLOT;
            case SSH_DICTIONARY -> SshDictionary.SLOT;
            case TELNET_DICTIONARY -> TelnetDictionary.SLOT;
            case ARP_SPOOFING -> ArpSpoof.SLOT;
            case DNS_SPOOFING -> DnsSpoof.SLOT;
            case SQL_INJECTION, XSS, COMMAND_INJECTION, UPLOADING -> WebAttack.SLOT;
            case DNS_TUNNEL -> DnsTunnel.SLOT;
            case C2_BEACON -> C2Beacon.SLOT;
        };
    }

    /** The attack of {@code kind}, with its machines and victim taken from {@code ctx}. */
    public static Attack create(AttackKind kind, AttackContext ctx) {
        return switch (kind) {
            case PING_SWEEP -> new PingSweep(ctx);
            case HOST_DISCOVERY -> new HostDiscovery(ctx);
            case PORT_SCAN -> new PortScan(ctx);
            case OS_SCAN -> new OsScan(ctx);
            case VULNERABILITY_SCAN -> new VulnerabilityScan(ctx);
            case SYN_FLOOD, PSHACK_FLOOD, RSTFIN_FLOOD, SYNONYMOUS_IP_FLOOD -> new TcpFlood(kind, ctx);
            case UDP_FLOOD, UDPPLAIN_FLOOD -> new UdpFlood(kind, ctx);
            case ICMP_FLOOD -> new IcmpFlood(ctx);
            case ACK_FRAGMENTATION, UDP_FRAGMENTATION, ICMP_FRAGMENTATION -> new FragmentFlood(kind, ctx);
            case GREETH_FLOOD, GREIP_FLOOD -> new GreFlood(kind, ctx);
            case HTTP_FLOOD, DDOS_HTTP_FLOOD -> new HttpFlood(kind, ctx);
            case SLOWLORIS -> new Slowloris(ctx);
            case SSH_DICTIONARY -> new SshDictionary(ctx);
            case TELNET_DICTIONARY -> new TelnetDictionary(ctx);
            case ARP_SPOOFING -> new ArpSpoof(ctx);
            case DNS_SPOOFING -> new DnsSpoof(ctx);
            case SQL_INJECTION, XSS, COMMAND_INJECTION, UPLOADING -> new WebAttack(kind, ctx);
            case DNS_TUNNEL -> new DnsTunnel(ctx);
            case C2_BEACON -> new C2Beacon(ctx);
        };
    }
}
