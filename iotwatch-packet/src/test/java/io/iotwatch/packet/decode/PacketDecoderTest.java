package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.Packets.IP_A;
import static io.iotwatch.packet.decode.Packets.IP_B;
import static io.iotwatch.packet.decode.Packets.MAC_A;
import static io.iotwatch.packet.decode.Packets.MAC_B;
import static io.iotwatch.packet.decode.Packets.V6_A_HI;
import static io.iotwatch.packet.decode.Packets.V6_A_LO;
import static io.iotwatch.packet.decode.Packets.V6_B_LO;
import static io.iotwatch.packet.decode.Packets.ascii;
import static io.iotwatch.packet.decode.Packets.concat;
import static io.iotwatch.packet.decode.Packets.icmp;
import static io.iotwatch.packet.decode.Packets.ipv4;
import static io.iotwatch.packet.decode.Packets.ipv6;
import static io.iotwatch.packet.decode.Packets.packet;
import static io.iotwatch.packet.decode.Packets.tcp;
import static io.iotwatch.packet.decode.Packets.udp;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_ARP;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV4;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_IPV6;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_QINQ_OLD;
import static io.iotwatch.packet.decode.Protocols.ETHERTYPE_VLAN;
import static io.iotwatch.packet.decode.Protocols.IP_FRAGMENT;
import static io.iotwatch.packet.decode.Protocols.IP_GRE;
import static io.iotwatch.packet.decode.Protocols.IP_HOP_BY_HOP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;
import static io.iotwatch.packet.decode.Protocols.LINK_BSD_LOOPBACK;
import static io.iotwatch.packet.decode.Protocols.LINK_ETHERNET;
import static io.iotwatch.packet.decode.Protocols.LINK_LINUX_SLL;
import static io.iotwatch.packet.decode.Protocols.LINK_LINUX_SLL2;
import static io.iotwatch.packet.decode.Protocols.LINK_RAW_IP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderTest {

    private static final int SYN_ACK = 0x12;
    private static final byte[] MSS_AND_NOPS = {2, 4, 0x05, (byte) 0xB4, 1, 1, 1, 0};

    private final PacketDecoder d = new PacketDecoder();

    private static byte[] ethernetIpv4Tcp() {
        byte[] ip = ipv4(IP_TCP, tcp(SYN_ACK, MSS_AND_NOPS, ascii("hello")));
        return concat(packet().ethernet(ETHERTYPE_IPV4).build(), ip);
    }

    @Test
    void ethernetIpv4TcpWithOptions() {
        byte[] p = ethernetIpv4Tcp();
        // An offset inside a larger buffer, as capture readers hand packets over.
        byte[] buffer = concat(new byte[7], p, new byte[3]);
        assertThat(d.decode(buffer, 7, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.linkType()).isEqualTo(LINK_ETHERNET);
        assertThat(d.sourceMac()).isEqualTo(MAC_A);
        assertThat(d.destinationMac()).isEqualTo(MAC_B);
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.vlanCount()).isZero();
        assertThat(d.networkOffset()).isEqualTo(7 + 14);
        assertThat(d.ipVersion()).isEqualTo(4);
        assertThat(d.ipv4Source()).isEqualTo(IP_A);
        assertThat(d.ipv4Destination()).isEqualTo(IP_B);
        assertThat(d.ipv4TotalLength()).isEqualTo(20 + 28 + 5);
        assertThat(d.ttl()).isEqualTo(64);
        assertThat(d.ipProtocol()).isEqualTo(IP_TCP);
        assertThat(d.fragmented()).isFalse();
        assertThat(d.transportProtocol()).isEqualTo(IP_TCP);
        assertThat(d.sourcePort()).isEqualTo(49152);
        assertThat(d.destinationPort()).isEqualTo(443);
        assertThat(d.tcpSequence()).isEqualTo(0xF0000001L);
        assertThat(d.tcpAcknowledgement()).isEqualTo(2L);
        assertThat(d.tcpFlags()).isEqualTo(SYN_ACK);
        assertThat(d.tcpHeaderLength()).isEqualTo(28);
        assertThat(d.payloadOffset()).isEqualTo(7 + 14 + 20 + 28);
        assertThat(d.payloadLength()).isEqualTo(5);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformed()).isFalse();
        assertThat(d.malformedReason()).isNull();
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] p = concat(packet().ethernet(ETHERTYPE_IPV4).build(), ipv4(IP_UDP, udp(1, 2, new byte[2])), new byte[16]);
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.payloadLength()).isEqualTo(2);
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void oneVlanTagIpv4Udp() {
        byte[] p = concat(packet().ethernet(ETHERTYPE_VLAN).vlan(ETHERTYPE_IPV4, 0x2000 | 42).build(),
                ipv4(IP_UDP, udp(5353, 53, ascii("query"))));
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.vlanCount()).isEqualTo(1);
        assertThat(d.outerVlanId()).isEqualTo(42);
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.sourcePort()).isEqualTo(5353);
        assertThat(d.destinationPort()).isEqualTo(53);
        assertThat(d.udpLength()).isEqualTo(13);
        assertThat(d.payloadOffset()).isEqualTo(18 + 20 + 8);
        assertThat(d.payloadLength()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {ETHERTYPE_QINQ, ETHERTYPE_QINQ_OLD})
    void qinq(int outerTpid) {
        byte[] p = concat(packet().ethernet(outerTpid).vlan(ETHERTYPE_VLAN, 100).vlan(ETHERTYPE_IPV6, 200).build(),
                ipv6(IP_UDP, udp(1, 2, new byte[0])));
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.vlanCount()).isEqualTo(2);
        assertThat(d.outerVlanId()).isEqualTo(100);
        assertThat(d.innerVlanId()).isEqualTo(200);
        assertThat(d.extraVlanTags()).isFalse();
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV6);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
    }

    @Test
    void tagsBeyondTwoAreSkippedAndFlagged() {
        byte[] p = concat(packet().ethernet(ETHERTYPE_QINQ).vlan(ETHERTYPE_VLAN, 1).vlan(ETHERTYPE_VLAN, 2)
                .vlan(ETHERTYPE_IPV4, 3).build(), ipv4(IP_UDP, udp(1, 2, new byte[0])));
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.vlanCount()).isEqualTo(2);
        assertThat(d.outerVlanId()).isEqualTo(1);
        assertThat(d.innerVlanId()).isEqualTo(2);
        assertThat(d.extraVlanTags()).isTrue();
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
    }

    private static byte[] sll(int protocol, byte[] network) {
        return concat(packet().u16(0).u16(1).u16(6).u48(MAC_A).u16(0).u16(protocol).build(), network);
    }

    private static byte[] sll2(int protocol, byte[] network) {
        return concat(packet().u16(protocol).u16(0).u32(2).u16(1).u8(0).u8(6).u48(MAC_A).u16(0).build(), network);
    }

    private static byte[] loopback(int family, boolean littleEndian, byte[] network) {
        return concat(packet().u32(littleEndian ? Integer.reverseBytes(family) : family).build(), network);
    }

    private void assertIpv4Udp(byte[] p, int linkType, int networkOffset) {
        assertThat(d.decode(p, 0, p.length, linkType)).isTrue();
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.networkOffset()).isEqualTo(networkOffset);
        assertThat(d.ipv4Source()).isEqualTo(IP_A);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.payloadLength()).isEqualTo(3);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformed()).isFalse();
    }

    private void assertIpv6Udp(byte[] p, int linkType, int networkOffset) {
        assertThat(d.decode(p, 0, p.length, linkType)).isTrue();
        assertThat(d.etherType()).isEqualTo(ETHERTYPE_IPV6);
        assertThat(d.networkOffset()).isEqualTo(networkOffset);
        assertThat(d.ipVersion()).isEqualTo(6);
        assertThat(d.ipv6SourceHi()).isEqualTo(V6_A_HI);
        assertThat(d.ipv6SourceLo()).isEqualTo(V6_A_LO);
        assertThat(d.ipv6DestinationLo()).isEqualTo(V6_B_LO);
        assertThat(d.ttl()).isEqualTo(255);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.payloadLength()).isEqualTo(3);
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformed()).isFalse();
    }

    private static final byte[] V4 = ipv4(IP_UDP, udp(1, 2, new byte[3]));
    private static final byte[] V6 = ipv6(IP_UDP, udp(1, 2, new byte[3]));

    @Test
    void linuxCookedCaptures() {
        assertIpv4Udp(sll(ETHERTYPE_IPV4, V4), LINK_LINUX_SLL, 16);
        assertIpv6Udp(sll(ETHERTYPE_IPV6, V6), LINK_LINUX_SLL, 16);
        assertIpv4Udp(sll2(ETHERTYPE_IPV4, V4), LINK_LINUX_SLL2, 20);
        assertIpv6Udp(sll2(ETHERTYPE_IPV6, V6), LINK_LINUX_SLL2, 20);
    }

    @Test
    void rawIp() {
        assertIpv4Udp(V4, LINK_RAW_IP, 0);
        assertIpv6Udp(V6, LINK_RAW_IP, 0);
        byte[] p = {0x55, 0, 0};
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_IP_VERSION);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bsdLoopbackInEitherByteOrder(boolean littleEndian) {
        assertIpv4Udp(loopback(2, littleEndian, V4), LINK_BSD_LOOPBACK, 4);
        for (int family : new int[] {24, 28, 30}) {
            assertIpv6Udp(loopback(family, littleEndian, V6), LINK_BSD_LOOPBACK, 4);
        }
        byte[] unknown = loopback(7, littleEndian, V4);
        assertThat(d.decode(unknown, 0, unknown.length, LINK_BSD_LOOPBACK)).isTrue();
        assertThat(d.etherType()).isZero();
        assertThat(d.ipVersion()).isZero();
        assertThat(d.payloadOffset()).isEqualTo(4);
    }

    @Test
    void ipVersionContradictingTheLinkIsMalformed() {
        byte[] p = sll(ETHERTYPE_IPV4, V6);
        assertThat(d.decode(p, 0, p.length, LINK_LINUX_SLL)).isTrue();
        assertThat(d.ipVersion()).isZero();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_IP_VERSION);
    }

    @Test
    void unknownLinkTypeAndShortLinkHeadersAreRejected() {
        byte[] p = ethernetIpv4Tcp();
        assertThat(d.decode(p, 0, p.length, 228)).isFalse();
        assertThat(d.decode(p, 0, 13, LINK_ETHERNET)).isFalse();
        assertThat(d.decode(p, 0, 15, LINK_LINUX_SLL)).isFalse();
        assertThat(d.decode(p, 0, 19, LINK_LINUX_SLL2)).isFalse();
        assertThat(d.decode(p, 0, 3, LINK_BSD_LOOPBACK)).isFalse();
        assertThat(d.decode(p, 0, 0, LINK_RAW_IP)).isFalse();
        assertThat(d.decode(p, 5, p.length, LINK_ETHERNET)).isFalse();
        assertThat(d.decode(p, -1, 20, LINK_ETHERNET)).isFalse();
        assertThat(d.decode(null, 0, 20, LINK_ETHERNET)).isFalse();
        assertThat(d.payloadLength()).isZero();
    }

    @Test
    void ipv6HopByHopAndFirstFragment() {
        byte[] hopByHop = packet().u8(IP_FRAGMENT).u8(0).u8(1).u8(4).zeros(4).build();
        byte[] fragment = packet().u8(IP_TCP).u8(0).u16(1).u32(0xABCD).build();
        byte[] p = concat(packet().ethernet(ETHERTYPE_IPV6).build(),
                ipv6(IP_HOP_BY_HOP, concat(hopByHop, fragment, tcp(0x02, new byte[0], new byte[0]))));
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.ipProtocol()).isEqualTo(IP_TCP);
        assertThat(d.fragmented()).isTrue();
        assertThat(d.fragmentOffset()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_TCP);
        assertThat(d.destinationPort()).isEqualTo(443);
        assertThat(d.payloadOffset()).isEqualTo(p.length);
        assertThat(d.payloadLength()).isZero();
    }

    @Test
    void ipv6LaterFragmentHasNoTransportHeader() {
        byte[] fragment = packet().u8(IP_UDP).u8(0).u16(185 * 8).u32(0xABCD).build();
        byte[] p = ipv6(IP_FRAGMENT, concat(fragment, new byte[24]));
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.fragmented()).isTrue();
        assertThat(d.fragmentOffset()).isEqualTo(1480);
        assertThat(d.ipProtocol()).isEqualTo(IP_UDP);
        assertThat(d.transportProtocol()).isEqualTo(-1);
        assertThat(d.payloadOffset()).isEqualTo(48);
        assertThat(d.payloadLength()).isEqualTo(24);
    }

    @Test
    void ipv6ExtensionBeyondPayloadLengthIsMalformed() {
        byte[] hopByHop = packet().u8(IP_TCP).u8(3).zeros(6).build();
        byte[] p = ipv6(IP_HOP_BY_HOP, hopByHop);
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.IPV6_EXTENSION_BEYOND_IP);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void ipv6StopsAtEsp() {
        byte[] p = ipv6(Protocols.IP_ESP, new byte[16]);
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.ipProtocol()).isEqualTo(Protocols.IP_ESP);
        assertThat(d.transportProtocol()).isEqualTo(-1);
        assertThat(d.payloadOffset()).isEqualTo(40);
        assertThat(d.payloadLength()).isEqualTo(16);
    }

    @Test
    void ipv4FirstFragmentDecodesTransport() {
        byte[] p = ipv4(IP_UDP, 0x2000, udp(1000, 2000, new byte[8]));
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.fragmented()).isTrue();
        assertThat(d.fragmentOffset()).isZero();
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.destinationPort()).isEqualTo(2000);
    }

    @Test
    void ipv4FirstFragmentOfALargerDatagramIsNotMalformed() {
        byte[] whole = udp(1000, 2000, new byte[2000]);
        byte[] first = ipv4(IP_UDP, 0x2000, Arrays.copyOf(whole, 1480));
        assertThat(d.decode(first, 0, first.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isNull();
        assertThat(d.udpLength()).isEqualTo(2008);
        assertThat(d.payloadLength()).isEqualTo(1472);

        byte[] unfragmented = ipv4(IP_UDP, 0, Arrays.copyOf(whole, 1480));
        assertThat(d.decode(unfragmented, 0, unfragmented.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.UDP_LENGTH_BEYOND_IP);
    }

    @Test
    void ipv4LaterFragmentHasNoTransportHeader() {
        byte[] p = ipv4(IP_UDP, 185, new byte[12]);
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.fragmented()).isTrue();
        assertThat(d.fragmentOffset()).isEqualTo(1480);
        assertThat(d.transportProtocol()).isEqualTo(-1);
        assertThat(d.sourcePort()).isZero();
        assertThat(d.payloadOffset()).isEqualTo(20);
        assertThat(d.payloadLength()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void arp(int operation) {
        byte[] p = packet().ethernet(ETHERTYPE_ARP).u16(1).u16(ETHERTYPE_IPV4).u8(6).u8(4).u16(operation)
                .u48(MAC_A).u32(IP_A).u48(operation == 1 ? 0 : MAC_B).u32(IP_B).zeros(18).build();
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.arp()).isTrue();
        assertThat(d.arpOperation()).isEqualTo(operation);
        assertThat(d.arpSenderMac()).isEqualTo(MAC_A);
        assertThat(d.arpSenderIp()).isEqualTo(IP_A);
        assertThat(d.arpTargetMac()).isEqualTo(operation == 1 ? 0 : MAC_B);
        assertThat(d.arpTargetIp()).isEqualTo(IP_B);
        assertThat(d.ipVersion()).isZero();
        assertThat(d.payloadLength()).isZero();
        assertThat(d.decode(p, 0, 14 + 27, LINK_ETHERNET)).isTrue();
        assertThat(d.arp()).isFalse();
        assertThat(d.truncated()).isTrue();
    }

    @Test
    void icmpEcho() {
        byte[] p = ipv4(IP_ICMP, icmp(8, 0, ascii("ping")));
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.transportProtocol()).isEqualTo(IP_ICMP);
        assertThat(d.icmpType()).isEqualTo(8);
        assertThat(d.icmpCode()).isZero();
        assertThat(d.payloadOffset()).isEqualTo(28);
        assertThat(d.payloadLength()).isEqualTo(4);
    }

    @Test
    void icmpv6() {
        byte[] p = ipv6(IP_ICMPV6, icmp(1, 4, new byte[0]));
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.transportProtocol()).isEqualTo(IP_ICMPV6);
        assertThat(d.icmpType()).isEqualTo(1);
        assertThat(d.icmpCode()).isEqualTo(4);
    }

    @Test
    void greWithKeyIsOpened() {
        // More on tunnels in PacketDecoderTunnelTest.
        byte[] gre = packet().u16(0x2000).u16(Protocols.ETHERTYPE_IPV4).u32(77).bytes(V4).build();
        byte[] p = ipv4(IP_GRE, gre);
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.tunnelDepth()).isEqualTo(1);
        assertThat(d.outerIpProtocol()).isEqualTo(IP_GRE);
        assertThat(d.greProtocol()).isEqualTo(ETHERTYPE_IPV4);
        assertThat(d.networkOffset()).isEqualTo(28);
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.payloadOffset()).isEqualTo(28 + V4.length - 3);
        assertThat(d.payloadLength()).isEqualTo(3);
    }

    @Test
    void everyTruncationOfATcpPacketIsFlagged() {
        byte[] p = ethernetIpv4Tcp();
        for (int len = 14; len < p.length; len++) {
            byte[] cut = Arrays.copyOf(p, len);
            assertThat(d.decode(cut, 0, len, LINK_ETHERNET)).as("length %d", len).isTrue();
            assertThat(d.truncated()).as("length %d", len).isTrue();
            assertThat(d.malformed()).as("length %d", len).isFalse();
            assertThat(d.payloadOffset() + d.payloadLength()).as("length %d", len).isLessThanOrEqualTo(len);
            // The TCP header counts only once all its options are in.
            assertThat(d.transportProtocol()).as("length %d", len).isEqualTo(len >= 14 + 20 + 28 ? IP_TCP : -1);
        }
        assertThat(d.decode(p, 0, p.length, LINK_ETHERNET)).isTrue();
        assertThat(d.truncated()).isFalse();
    }

    @Test
    void ipv4HeaderLengthBelowFiveIsMalformed() {
        byte[] p = ipv4(IP_TCP, tcp(0, new byte[0], new byte[0]));
        p[0] = 0x44;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_IPV4_HEADER_LENGTH);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void ipv4TotalLengthBelowHeaderIsMalformed() {
        byte[] p = ipv4(IP_TCP, tcp(0, new byte[0], new byte[0]));
        p[2] = 0;
        p[3] = 19;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_IPV4_TOTAL_LENGTH);
    }

    @Test
    void tcpDataOffsetBelowFiveIsMalformed() {
        byte[] p = ipv4(IP_TCP, tcp(0, new byte[0], new byte[4]));
        p[20 + 12] = 0x40;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_TCP_DATA_OFFSET);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void tcpOptionsBeyondTheIpLengthAreMalformed() {
        byte[] p = ipv4(IP_TCP, tcp(0, new byte[0], new byte[4]));
        p[20 + 12] = (byte) 0xF0;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.TRANSPORT_BEYOND_IP);
    }

    @Test
    void udpLengthBeyondCapturedIsTruncated() {
        byte[] p = ipv4(IP_UDP, udp(1, 2, new byte[100]));
        assertThat(d.decode(p, 0, 20 + 8 + 10, LINK_RAW_IP)).isTrue();
        assertThat(d.truncated()).isTrue();
        assertThat(d.malformed()).isFalse();
        assertThat(d.transportProtocol()).isEqualTo(IP_UDP);
        assertThat(d.udpLength()).isEqualTo(108);
        assertThat(d.payloadLength()).isEqualTo(10);
    }

    @Test
    void udpLengthBeyondTheIpLengthIsMalformed() {
        byte[] p = ipv4(IP_UDP, udp(1, 2, new byte[10]));
        p[20 + 5] = 100;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.truncated()).isFalse();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.UDP_LENGTH_BEYOND_IP);
        assertThat(d.payloadLength()).isEqualTo(10);
    }

    @Test
    void udpLengthBelowHeaderIsMalformed() {
        byte[] p = ipv4(IP_UDP, udp(1, 2, new byte[10]));
        p[20 + 5] = 7;
        assertThat(d.decode(p, 0, p.length, LINK_RAW_IP)).isTrue();
        assertThat(d.malformedReason()).isEqualTo(PacketDecoder.BAD_UDP_LENGTH);
        assertThat(d.transportProtocol()).isEqualTo(-1);
    }

    @Test
    void decodingResetsThePreviousPacket() {
        byte[] tcp = ethernetIpv4Tcp();
        d.decode(tcp, 0, tcp.length, LINK_ETHERNET);
        byte[] bad = {0x55};
        d.decode(bad, 0, 1, LINK_RAW_IP);
        assertThat(d.transportProtocol()).isEqualTo(-1);
        assertThat(d.sourcePort()).isZero();
        assertThat(d.sourceMac()).isZero();
        assertThat(d.ipVersion()).isZero();
        assertThat(d.linkType()).isEqualTo(LINK_RAW_IP);
    }
}
