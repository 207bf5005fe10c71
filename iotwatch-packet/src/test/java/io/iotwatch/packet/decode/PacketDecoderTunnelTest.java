package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.Packets.IP_A;
import static io.iotwatch.packet.decode.Packets.IP_B;
import static io.iotwatch.packet.decode.Packets.IP_C;
import static io.iotwatch.packet.decode.Packets.IP_D;
import static io.iotwatch.packet.decode.Packets.MAC_A;
import static io.iotwatch.packet.decode.Packets.MAC_C;
import static io.iotwatch.packet.decode.Packets.MAC_D;
import static io.iotwatch.packet.decode.Packets.V6_A_HI;
import static io.iotwatch.packet.decode.Packets.V6_A_LO;
import static io.iotwatch.packet.decode.Packets.V6_B_HI;
import static io.iotwatch.packet.decode.Packets.V6_B_LO;
import static io.iotwatch.packet.decode.Packets.V6_C_HI;
import static io.iotwatch.packet.decode.Packets.V6_C_LO;
import static io.iotwatch.packet.decode.Packets.V6_D_HI;
import static io.iotwatch.packet.decode.Packets.V6_D_LO;
import static io.iotwatch.packet.decode.Packets.ascii;
import static io.iotwatch.packet.decode.Packets.concat;
import static io.iotwatch.packet.decode.Packets.erspanII;
import static io.iotwatch.packet.decode.Packets.erspanIII;
import static io.iotwatch.packet.decode.Packets.gre;
import static io.iotwatch.packet.decode.Packets.ipv4;
import static io.iotwatch.packet.decode.Packets.ipv6;
import static io.iotwatch.packet.decode.Packets.packet;
import static io.iotwatch.packet.decode.Packets.tcp;
import static io.iotwatch.packet.decode.Packets.udp;
import static io.iotwatch.packet.decode.PacketDecoder.MAX_TUNNEL_DEPTH;
import static io.iotwatch.packet.decode.PacketDecoder.TUNNEL_ERSPAN_I;
import static io.iotwatch.packet.decode.PacketDecoder.TUNNEL_ERSPAN_II;
import static io.iotwatch.packet.decode.PacketDecoder.TUNNEL_ERSPAN_III;
import static io.iotwatch.packet.decode.PacketDecoder.TUNNEL_GRE;
import static io.iotwatch.packet.decode.PacketDecoder.TUNNEL_NONE;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ERSPAN;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ERSPAN_III;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV4;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV6;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_TRANSPARENT_ETHERNET;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_VLAN;
import static io.iotwatch.packet.decode.Protocols.IP_GRE;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;
import static io.iotwatch.packet.decode.Protocols.LINK_ETHERNET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GRE and ERSPAN tunnels: the layer getters describe the packet inside, the tunnel getters the way it came. */
class PacketDecoderTunnelTest {

    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int IPV6 = 40;
    private static final int VLAN = 4;
    private static final int TCP = 20;
    private static final int UDP = 8;
    private static final int PSH_ACK = 0x18;
    private static final int INNER_TTL = 30;
    private static final int CHECKSUM_KEY_SEQUENCE = 0xB000;
    private static final int SEQUENCE = 0x1000;
    private static final int ERSPAN_FRAME_ETHERNET = 0;
    private static final int ERSPAN_FRAME_IP = 2;

    private final PacketDecoder d = new PacketDecoder();

    private static byte[] innerTcp() {
        return ipv4(IP_C, IP_D, INNER_TTL, IP_TCP, 0, tcp(PSH_ACK, new byte[0], ascii("hello")));
    }

    private static byte[] innerUdp() {
        return ipv4(IP_C, IP_D, INNER_TTL, IP_UDP, 0, udp(1234, 53, ascii("query")));
    }

    private static byte[] innerUdpV6() {
        return ipv6(V6_C_HI, V6_C_LO, V6_D_HI, V6_D_LO, INNER_TTL, IP_UDP, udp(1234, 53, ascii("query")));
    }

    /** The bridged or mirrored frame: MAC_C to MAC_D, VLAN 42, IPv4/TCP. */
    private static byte[] taggedFrame() {
        return concat(packet().ethernet(MAC_D, MAC_C, ETHERTYPE_VLAN).vlan(ETHERTYPE_IPV4, 42).build(), innerTcp());
    }

    /** Ethernet (MAC_A to MAC_B), IPv4 (IP_A to IP_B, TTL 64), then the GRE packet. */
    private static byte[] overIpv4(byte[] gre) {
        return concat(packet().ethernet(ETHERTYPE_IPV4).build(), ipv4(IP_GRE, gre));
    }

    private static byte[] overIpv6(byte[] gre) {
        return concat(packet().ethernet(ETHERTYPE_IPV6).build(), ipv6(IP_GRE, gre));
    }

    private void decode(byte[] p) {
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
    }

    private void assertClean() {
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isNull();
    }

    private void assertOuterIpv4(int length) {
        assertThat(d.outerIpVersion()).isEqualTo(4);
        assertThat(d.outerIpProtocol()).isEqualTo(IP_GRE);
        assertThat(d.outerTtl()).isEqualTo(64);
        assertThat(d.outerIpv4Source()).isEqualTo(IP_A);
        assertThat(d.outerIpv4Destination()).isEqualTo(IP_B);
        assertThat(d.outerIpLength()).isEqualTo(length);
        assertThat(d.outerLinkLength()).isEqualTo(14);
    }

    private void assertInnerTcp(int packetLength) {
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.ipVersion()).isEqualTo(4);
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.ipv4Destination()).isEqualTo(IP_D);
        assertThat(d.ttl()).isEqualTo(INNER_TTL);
        assertThat(d.ipProtocol()).isEqualTo(IP_TCP);
        assertThat(d.ipv4TotalLength()).isEqualTo(IPV4 + TCP + 5);
        assertThat(d.transportProtocol()).isEqualTo(IP_TCP);
        assertThat(d.sourcePort()).isEqualTo(49152);
        assertThat(d.destinationPort()).isEqualTo(443);
        assertThat(d.tcpFlags()).isEqualTo(PSH_ACK);
        assertThat(d.payloadOffset()).isEqualTo(packetLength - 5);
        assertThat(d.payloadLength()).isEqualTo(5);
    }

    private void assertTaggedFrame(int packetLength) {
        assertThat(d.sourceMac()).isEqualTo(MAC_C);
        assertThat(d.destinationMac()).isEqualTo(MAC_D);
        assertThat(d.vlanCount()).isEqualTo(1);
        assertThat(d.outerVlanId()).isEqualTo(42);
        assertThat(d.networkOffset()).isEqualTo(packetLength - IPV4 - TCP - 5);
        assertInnerTcp(packetLength);
    }

    @Test
    void notTunneledTheOuterGettersEqualTheInnerOnes() {
        byte[] p = concat(packet().ethernet(ETHERTYPE_IPV4).build(), innerUdp());
        decode(p);
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_NONE);
        assertThat(d.tunnelDepthExceeded()).isFalse();
        assertThat(d.erspanSessionId()).isEqualTo(-1);
        assertThat(d.greProtocol()).isZero();
        assertThat(d.outerIpVersion()).isEqualTo(4);
        assertThat(d.outerIpProtocol()).isEqualTo(IP_UDP);
        assertThat(d.outerTtl()).isEqualTo(INNER_TTL);
        assertThat(d.outerIpv4Source()).isEqualTo(IP_C);
        assertThat(d.outerIpv4Destination()).isEqualTo(IP_D);
        assertThat(d.outerIpLength()).isEqualTo(IPV4 + UDP + 5);
        assertThat(d.outerLinkLength()).isEqualTo(14);

        byte[] tagged = concat(packet().ethernet(Protocols.ETHERTYPE_VLAN).vlan(ETHERTYPE_IPV4, 7).build(), innerUdp());
        decode(tagged);
        assertThat(d.outerLinkLength()).isEqualTo(18);

        byte[] v6 = concat(packet().ethernet(ETHERTYPE_IPV6).build(), innerUdpV6());
        decode(v6);
        assertThat(d.outerIpVersion()).isEqualTo(6);
        assertThat(d.outerIpv6SourceHi()).isEqualTo(V6_C_HI);
        assertThat(d.outerIpv6SourceLo()).isEqualTo(V6_C_LO);
        assertThat(d.outerIpv6DestinationHi()).isEqualTo(V6_D_HI);
        assertThat(d.outerIpv6DestinationLo()).isEqualTo(V6_D_LO);
        assertThat(d.outerIpLength()).isEqualTo(IPV6 + UDP + 5);

        byte[] arp = packet().ethernet(Protocols.ETHERTYPE_ARP).zeros(28).build();
        decode(arp);
        assertThat(d.outerIpVersion()).isZero();
        assertThat(d.outerIpLength()).isZero();
    }

    @Test
    void greCarryingIpv4TheGreipFlood() {
        byte[] p = overIpv4(gre(0, ETHERTYPE_IPV4, innerUdp()));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_GRE);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.erspanSessionId()).isEqualTo(-1);
        assertOuterIpv4(p.length - ETHERNET);
        // The tunnel carries no link header of its own.
        assertThat(d.sourceMac()).isZero();
        assertThat(d.destinationMac()).isZero();
        assertThat(d.linkType()).isEqualTo(LINK_ETHERNET);
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.networkOffset()).isEqualTo(ETHERNET + IPV4 + 4);
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.ipv4Destination()).isEqualTo(IP_D);
        assertThat(d.ttl()).isEqualTo(INNER_TTL);
        assertThat(d.ipProtocol()).isEqualTo(IP_UDP);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.sourcePort()).isEqualTo(1234);
        assertThat(d.destinationPort()).isEqualTo(53);
        assertThat(d.payloadOffset()).isEqualTo(p.length - 5);
        assertThat(d.payloadLength()).isEqualTo(5);
    }

    @Test
    void greCarryingEthernetTheGreethFlood() {
        byte[] frame = concat(packet().ethernet(MAC_D, MAC_C, ETHERTYPE_IPV4).build(), innerTcp());
        byte[] p = overIpv4(gre(0, ETHERTYPE_TRANSPARENT_ETHERNET, frame));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_GRE);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_TRANSPARENT_ETHERNET);
        assertOuterIpv4(p.length - ETHERNET);
        assertThat(d.sourceMac()).isEqualTo(MAC_C);
        assertThat(d.destinationMac()).isEqualTo(MAC_D);
        assertThat(d.vlanCount()).isZero();
        assertThat(d.networkOffset()).isEqualTo(ETHERNET + IPV4 + 4 + ETHERNET);
        assertInnerTcp(p.length);
    }

    @Test
    void checksumKeyAndSequenceNumberAreSteppedOver() {
        byte[] p = overIpv4(gre(CHECKSUM_KEY_SEQUENCE, ETHERTYPE_IPV4, innerTcp()));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.networkOffset()).isEqualTo(ETHERNET + IPV4 + 16);
        assertInnerTcp(p.length);
    }

    @Test
    void greVersion1IsPptpAndLeftUndecoded() {
        // Enhanced GRE: key (payload length and call id), sequence and acknowledgement numbers; PPP inside.
        byte[] ppp = {(byte) 0xFF, 0x03, 0x00, 0x21};
        byte[] p = overIpv4(gre(0x3081, 0x880B, concat(ppp, innerTcp())));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
        assertThat(d.greProtocol()).isEqualTo(0x880B);
        assertThat(d.ipv4Source()).isEqualTo(IP_A);
        assertThat(d.sourceMac()).isEqualTo(MAC_A);
        assertThat(d.payloadOffset()).isEqualTo(ETHERNET + IPV4 + 16);
        assertThat(d.payloadLength()).isEqualTo(ppp.length + innerTcp().length);

        byte[] ipInVersion1 = overIpv4(gre(0x0001, ETHERTYPE_IPV4, innerTcp()));
        decode(ipInVersion1);
        assertClean();
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
    }

    @Test
    void routingPresentIsLeftUndecoded() {
        // RFC 1701: the routing bit brings the checksum and offset word, then source route entries.
        byte[] p = overIpv4(gre(0x4000, ETHERTYPE_IPV4, innerTcp()));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.payloadOffset()).isEqualTo(ETHERNET + IPV4 + 8);
    }

    @Test
    void unknownProtocolTypeIsLeftUndecoded() {
        byte[] mpls = packet().u32(0x00001140).bytes(innerTcp()).build();
        byte[] p = overIpv4(gre(0, 0x8847, mpls));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
        assertThat(d.greProtocol()).isEqualTo(0x8847);
        assertThat(d.payloadLength()).isEqualTo(mpls.length);
    }

    @Test
    void greInAFirstFragmentIsLeftUndecoded() {
        byte[] p = concat(packet().ethernet(ETHERTYPE_IPV4).build(), ipv4(IP_GRE, 0x2000, gre(0, ETHERTYPE_IPV4, innerTcp())));
        decode(p);
        assertClean();
        assertThat(d.fragmented()).isTrue();
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
    }

    @Test
    void erspanTypeI() {
        byte[] p = overIpv4(gre(0, ETHERTYPE_ERSPAN, taggedFrame()));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_I);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_ERSPAN);
        assertThat(d.erspanSessionId()).isEqualTo(-1);
        assertOuterIpv4(p.length - ETHERNET);
        assertTaggedFrame(p.length);
    }

    @Test
    void erspanTypeII() {
        byte[] p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, false, taggedFrame())));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_II);
        assertThat(d.erspanSessionId()).isEqualTo(5);
        assertOuterIpv4(p.length - ETHERNET);
        assertTaggedFrame(p.length);
    }

    @Test
    void erspanTruncatedBitMakesACutFrameTruncation() {
        byte[] frame = taggedFrame();
        byte[] cut = Arrays.copyOf(frame, frame.length - 3);
        byte[] p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, true, cut)));
        decode(p);
        assertThat(d.truncated()).isTrue();
        assertThat(d.malformed()).isFalse();
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.transportProtocol()).isEqualTo(IP_TCP);

        // Without the T bit the same frame contradicts the inner IP length.
        p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, false, cut)));
        decode(p);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.TUNNEL_BEYOND_IP);
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void erspanTypeIII(boolean subheader) {
        byte[] p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III, erspanIII(9, ERSPAN_FRAME_ETHERNET, subheader, taggedFrame())));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_III);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_ERSPAN_III);
        assertThat(d.erspanSessionId()).isEqualTo(9);
        assertOuterIpv4(p.length - ETHERNET);
        assertTaggedFrame(p.length);
    }

    @Test
    void erspanTypeIIICarryingIp() {
        byte[] p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III, erspanIII(9, ERSPAN_FRAME_IP, false, innerUdpV6())));
        decode(p);
        assertClean();
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_III);
        assertThat(d.sourceMac()).isZero();
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV6);
        assertThat(d.ipVersion()).isEqualTo(6);
        assertThat(d.ipv6SourceLo()).isEqualTo(V6_C_LO);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);

        byte[] otherFrameType = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III, erspanIII(9, 3, false, innerUdpV6())));
        decode(otherFrameType);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.erspanSessionId()).isEqualTo(9);
        assertThat(d.etherType()).isZero();
        assertThat(d.ipVersion()).isZero();
        assertThat(d.payloadOffset()).isEqualTo(otherFrameType.length - innerUdpV6().length);
    }

    @Test
    void erspanVersionContradictingTheProtocolTypeIsMalformed() {
        byte[] typeIIIHeaderAs88be = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanIII(9, 0, false, taggedFrame())));
        decode(typeIIIHeaderAs88be);
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_ERSPAN_VERSION);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_II);
        assertThat(d.outerIpv4Source()).isEqualTo(IP_A);
        assertThat(d.ipVersion()).isZero();

        byte[] typeIIHeaderAs22eb = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III, erspanII(5, false, taggedFrame())));
        decode(typeIIHeaderAs22eb);
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_ERSPAN_VERSION);
        assertThat(d.erspanSessionId()).isEqualTo(-1);
    }

    @Test
    void ipv6OuterAndInner() {
        byte[] p = overIpv6(gre(0, ETHERTYPE_IPV6, innerUdpV6()));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.outerIpVersion()).isEqualTo(6);
        assertThat(d.outerIpProtocol()).isEqualTo(IP_GRE);
        assertThat(d.outerTtl()).isEqualTo(255);
        assertThat(d.outerIpv6SourceHi()).isEqualTo(V6_A_HI);
        assertThat(d.outerIpv6SourceLo()).isEqualTo(V6_A_LO);
        assertThat(d.outerIpv6DestinationHi()).isEqualTo(V6_B_HI);
        assertThat(d.outerIpv6DestinationLo()).isEqualTo(V6_B_LO);
        assertThat(d.outerIpLength()).isEqualTo(p.length - ETHERNET);
        assertThat(d.outerIpv4Source()).isZero();
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV6);
        assertThat(d.ipVersion()).isEqualTo(6);
        assertThat(d.ipv6SourceHi()).isEqualTo(V6_C_HI);
        assertThat(d.ipv6SourceLo()).isEqualTo(V6_C_LO);
        assertThat(d.ipv6DestinationLo()).isEqualTo(V6_D_LO);
        assertThat(d.ttl()).isEqualTo(INNER_TTL);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.payloadLength()).isEqualTo(5);

        byte[] v4InV6 = overIpv6(gre(0, ETHERTYPE_IPV4, innerTcp()));
        decode(v4InV6);
        assertClean();
        assertThat(d.outerIpVersion()).isEqualTo(6);
        assertThat(d.ipVersion()).isEqualTo(4);
        assertInnerTcp(v4InV6.length);

        byte[] v6InV4 = overIpv4(gre(0, ETHERTYPE_IPV6, innerUdpV6()));
        decode(v6InV4);
        assertClean();
        assertOuterIpv4(v6InV4.length - ETHERNET);
        assertThat(d.ipv6SourceLo()).isEqualTo(V6_C_LO);
        assertThat(d.ipv4Source()).isZero();
    }

    private static int nestedSource(int level) {
        return 0x0A000001 | level << 8;
    }

    /** {@code tunnels} GRE tunnels one in another; the IP header of level {@code tunnels} carries UDP. */
    private static byte[] nested(int tunnels) {
        byte[] p = ipv4(nestedSource(tunnels), IP_D, 64, IP_UDP, 0, udp(7, 9, ascii("deep")));
        for (int level = tunnels - 1; level >= 0; level--) {
            p = ipv4(nestedSource(level), IP_D, 64, IP_GRE, 0, gre(0, ETHERTYPE_IPV4, p));
        }
        return concat(packet().ethernet(ETHERTYPE_IPV4).build(), p);
    }

    @Test
    void nestedTunnelsUpToTheDepthLimitAreOpened() {
        byte[] p = nested(MAX_TUNNEL_DEPTH);
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(MAX_TUNNEL_DEPTH);
        assertThat(d.tunnelDepthExceeded()).isFalse();
        assertThat(d.outerIpv4Source()).isEqualTo(nestedSource(0));
        assertThat(d.outerIpLength()).isEqualTo(p.length - ETHERNET);
        assertThat(d.ipv4Source()).isEqualTo(nestedSource(MAX_TUNNEL_DEPTH));
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.destinationPort()).isEqualTo(9);
    }

    @Test
    void aTunnelBeyondTheDepthLimitIsLeftUndecodedAndFlagged() {
        byte[] p = nested(MAX_TUNNEL_DEPTH + 3);
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(MAX_TUNNEL_DEPTH);
        assertThat(d.tunnelDepthExceeded()).isTrue();
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_GRE);
        assertThat(d.outerIpv4Source()).isEqualTo(nestedSource(0));
        assertThat(d.ipv4Source()).isEqualTo(nestedSource(MAX_TUNNEL_DEPTH));
        assertThat(d.transportProtocol()).isEqualTo(IP_GRE);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_IPV4);
        // The payload is the undecoded GRE packet's: from the IP header of the next level to the end.
        assertThat(d.payloadOffset()).isEqualTo(ETHERNET + (MAX_TUNNEL_DEPTH + 1) * (IPV4 + 4));
        assertThat(d.payloadOffset() + d.payloadLength()).isEqualTo(p.length);
    }

    @Test
    void nestedTunnelsReportTheOutermostTunnelAndIpHeader() {
        byte[] mirroredErspan = concat(packet().ethernet(MAC_D, MAC_C, ETHERTYPE_IPV4).build(),
                ipv4(IP_B, IP_D, 64, IP_GRE, 0, gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(6, false, taggedFrame()))));
        byte[] p = overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, false, mirroredErspan)));
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(2);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_ERSPAN_II);
        assertThat(d.erspanSessionId()).isEqualTo(5);
        assertOuterIpv4(p.length - ETHERNET);
        assertTaggedFrame(p.length);

        byte[] erspanInGre = overIpv4(gre(0, ETHERTYPE_IPV4, ipv4(IP_B, IP_D, 64, IP_GRE, 0,
                gre(SEQUENCE, ETHERTYPE_ERSPAN_III, erspanIII(9, ERSPAN_FRAME_ETHERNET, false, taggedFrame())))));
        decode(erspanInGre);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(2);
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_GRE);
        assertThat(d.erspanSessionId()).isEqualTo(9);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_ERSPAN_III);
        assertOuterIpv4(erspanInGre.length - ETHERNET);
        assertTaggedFrame(erspanInGre.length);
    }

    @Test
    void innerIpLongerThanTheOuterPacketIsMalformed() {
        byte[] inner = innerTcp();
        inner[3] += 1;
        byte[] p = overIpv4(gre(0, ETHERTYPE_IPV4, inner));
        decode(p);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.TUNNEL_BEYOND_IP);
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertOuterIpv4(p.length - ETHERNET);
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void innerFrameShorterThanAnEthernetHeaderIsMalformed() {
        byte[] p = overIpv4(gre(0, ETHERTYPE_TRANSPARENT_ETHERNET, new byte[10]));
        decode(p);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.TUNNEL_BEYOND_IP);
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.sourceMac()).isZero();
        assertThat(d.payloadOffset()).isEqualTo(ETHERNET + IPV4 + 4);
        assertThat(d.payloadLength()).isEqualTo(10);
    }

    @Test
    void innerHeadersContradictingThemselvesAreFlaggedAsOutside() {
        byte[] p = overIpv4(gre(0, ETHERTYPE_IPV4, innerUdpV6()));
        decode(p);
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_IP_VERSION);
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.ipVersion()).isZero();

        byte[] inner = innerTcp();
        inner[IPV4 + 12] = 0x40;
        p = overIpv4(gre(0, ETHERTYPE_IPV4, inner));
        decode(p);
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_TCP_DATA_OFFSET);
        assertThat(d.ipv4Source()).isEqualTo(IP_C);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void decodingResetsTheTunnelOfThePreviousPacket() {
        decode(overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, false, taggedFrame()))));
        decode(nested(MAX_TUNNEL_DEPTH + 1));
        byte[] plain = concat(packet().ethernet(ETHERTYPE_IPV4).build(), innerUdp());
        decode(plain);
        assertThat(d.tunnelDepth()).isZero();
        assertThat(d.tunnelType()).isEqualTo(TUNNEL_NONE);
        assertThat(d.tunnelDepthExceeded()).isFalse();
        assertThat(d.erspanSessionId()).isEqualTo(-1);
        assertThat(d.greProtocol()).isZero();
        assertThat(d.outerIpv4Source()).isEqualTo(IP_C);
        assertThat(d.sourceMac()).isEqualTo(MAC_A);
    }

    /**
     * A tunneled packet and the lengths at which each of its layers is complete: the outer IP header, the
     * GRE header (the tunnel is entered), the ERSPAN header (-1 without), the inner Ethernet header (-1 when
     * the tunnel carries IP), the inner IP header and the inner transport header.
     */
    record Tunneled(String name, byte[] packet, int outerVersion, int tunnelType, int greProtocol, int session,
            int outerAt, int tunnelAt, int sessionAt, int linkAt, int ipAt, int transportAt, int innerVersion,
            int transport) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Tunneled> tunneled() {
        int v4 = ETHERNET + IPV4;
        int v6 = ETHERNET + IPV6;
        int erspanII = v4 + 8;
        int erspanIII = v4 + 8 + 12;
        return List.of(
                new Tunneled("greip", overIpv4(gre(0, ETHERTYPE_IPV4, innerUdp())), 4, TUNNEL_GRE, ETHERTYPE_IPV4, -1,
                        v4, v4 + 4, -1, -1, v4 + 4 + IPV4, v4 + 4 + IPV4 + UDP, 4, IP_UDP),
                new Tunneled("greeth", overIpv4(gre(0, ETHERTYPE_TRANSPARENT_ETHERNET,
                        concat(packet().ethernet(MAC_D, MAC_C, ETHERTYPE_IPV4).build(), innerTcp()))), 4, TUNNEL_GRE,
                        ETHERTYPE_TRANSPARENT_ETHERNET, -1, v4, v4 + 4, -1, v4 + 4 + ETHERNET,
                        v4 + 4 + ETHERNET + IPV4, v4 + 4 + ETHERNET + IPV4 + TCP, 4, IP_TCP),
                new Tunneled("gre with checksum, key and sequence", overIpv4(gre(CHECKSUM_KEY_SEQUENCE, ETHERTYPE_IPV4,
                        innerUdp())), 4, TUNNEL_GRE, ETHERTYPE_IPV4, -1, v4, v4 + 16, -1, -1, v4 + 16 + IPV4,
                        v4 + 16 + IPV4 + UDP, 4, IP_UDP),
                new Tunneled("erspan I", overIpv4(gre(0, ETHERTYPE_ERSPAN, taggedFrame())), 4, TUNNEL_ERSPAN_I,
                        ETHERTYPE_ERSPAN, -1, v4, v4 + 4, -1, v4 + 4 + ETHERNET, v4 + 4 + ETHERNET + VLAN + IPV4,
                        v4 + 4 + ETHERNET + VLAN + IPV4 + TCP, 4, IP_TCP),
                new Tunneled("erspan II", overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN, erspanII(5, false, taggedFrame()))),
                        4, TUNNEL_ERSPAN_II, ETHERTYPE_ERSPAN, 5, v4, v4 + 8, erspanII + 8, erspanII + 8 + ETHERNET,
                        erspanII + 8 + ETHERNET + VLAN + IPV4, erspanII + 8 + ETHERNET + VLAN + IPV4 + TCP, 4, IP_TCP),
                new Tunneled("erspan III", overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III,
                        erspanIII(9, ERSPAN_FRAME_ETHERNET, false, taggedFrame()))), 4, TUNNEL_ERSPAN_III,
                        ETHERTYPE_ERSPAN_III, 9, v4, v4 + 8, erspanIII, erspanIII + ETHERNET,
                        erspanIII + ETHERNET + VLAN + IPV4, erspanIII + ETHERNET + VLAN + IPV4 + TCP, 4, IP_TCP),
                new Tunneled("erspan III with subheader", overIpv4(gre(SEQUENCE, ETHERTYPE_ERSPAN_III,
                        erspanIII(9, ERSPAN_FRAME_ETHERNET, true, taggedFrame()))), 4, TUNNEL_ERSPAN_III,
                        ETHERTYPE_ERSPAN_III, 9, v4, v4 + 8, erspanIII, erspanIII + 8 + ETHERNET,
                        erspanIII + 8 + ETHERNET + VLAN + IPV4, erspanIII + 8 + ETHERNET + VLAN + IPV4 + TCP, 4, IP_TCP),
                new Tunneled("ipv6 in ipv6", overIpv6(gre(0, ETHERTYPE_IPV6, innerUdpV6())), 6, TUNNEL_GRE,
                        ETHERTYPE_IPV6, -1, v6, v6 + 4, -1, -1, v6 + 4 + IPV6, v6 + 4 + IPV6 + UDP, 6, IP_UDP));
    }

    @ParameterizedTest
    @MethodSource("tunneled")
    void everyTruncationKeepsWhatCameBeforeTheCut(Tunneled t) {
        byte[] p = t.packet();
        decode(p);
        assertClean();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        for (int len = ETHERNET; len < p.length; len++) {
            String at = t.name() + " cut at " + len;
            byte[] cut = Arrays.copyOf(p, len);
            assertThat(d.decode(cut, 0, len, LINK_ETHERNET)).as(at).isTrue();
            assertThat(d.truncated()).as(at).isTrue();
            assertThat(d.malformedReason()).as(at).isNull();
            assertThat(d.payloadOffset() + d.payloadLength()).as(at).isLessThanOrEqualTo(len);
            boolean inTunnel = len >= t.tunnelAt();
            assertThat(d.outerIpVersion()).as(at).isEqualTo(len >= t.outerAt() ? t.outerVersion() : 0);
            assertThat(d.outerIpProtocol()).as(at).isEqualTo(len >= t.outerAt() ? IP_GRE : 0);
            assertThat(d.tunnelDepth()).as(at).isEqualTo(inTunnel ? 1 : 0);
            assertThat(d.tunnelType()).as(at).isEqualTo(inTunnel ? t.tunnelType() : TUNNEL_NONE);
            assertThat(d.greProtocol()).as(at).isEqualTo(inTunnel ? t.greProtocol() : 0);
            assertThat(d.erspanSessionId()).as(at).isEqualTo(t.sessionAt() > 0 && len >= t.sessionAt() ? t.session() : -1);
            long mac = t.linkAt() > 0 && len >= t.linkAt() ? MAC_C : inTunnel ? 0 : MAC_A;
            assertThat(d.sourceMac()).as(at).isEqualTo(mac);
            int ipVersion = len >= t.ipAt() ? t.innerVersion() : inTunnel || len < t.outerAt() ? 0 : t.outerVersion();
            assertThat(d.ipVersion()).as(at).isEqualTo(ipVersion);
            if (len >= t.ipAt()) {
                if (t.innerVersion() == 4) {
                    assertThat(d.ipv4Source()).as(at).isEqualTo(IP_C);
                } else {
                    assertThat(d.ipv6SourceLo()).as(at).isEqualTo(V6_C_LO);
                }
            }
            assertThat(d.transportProtocol()).as(at).isEqualTo(len >= t.transportAt() ? t.transport() : -1);
        }
    }
}
