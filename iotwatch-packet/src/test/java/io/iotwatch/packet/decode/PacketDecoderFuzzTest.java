package io.iotwatch.packet.decode;

import static io.iotwatch.packet.decode.Packets.concat;
import static io.iotwatch.packet.decode.Packets.erspanII;
import static io.iotwatch.packet.decode.Packets.erspanIII;
import static io.iotwatch.packet.decode.Packets.gre;
import static io.iotwatch.packet.decode.Packets.icmp;
import static io.iotwatch.packet.decode.Packets.ipv4;
import static io.iotwatch.packet.decode.Packets.ipv6;
import static io.iotwatch.packet.decode.Packets.packet;
import static io.iotwatch.packet.decode.Packets.tcp;
import static io.iotwatch.packet.decode.Packets.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated packets on every link type: the decoder must neither throw nor point outside the packet. */
class PacketDecoderFuzzTest {

    private static final int PACKETS = 100_000;
    private static final int[] LINK_TYPES = {0, 1, 101, 113, 276};

    private static List<byte[]> networkTemplates() {
        byte[] hopAndFragment = concat(packet().u8(Protocols.IP_FRAGMENT).u8(0).zeros(6).build(),
                packet().u8(Protocols.IP_TCP).u8(0).u16(1).u32(7).build(), tcp(2, new byte[8], new byte[3]));
        byte[] frame = concat(packet().ethernet(Protocols.ETHERTYPE_VLAN).vlan(Protocols.ETHERTYPE_IPV4, 42).build(),
                ipv4(Protocols.IP_TCP, tcp(0x02, new byte[4], new byte[0])));
        byte[] nested = ipv4(Protocols.IP_UDP, udp(1, 2, new byte[2]));
        for (int level = 0; level <= PacketDecoder.MAX_TUNNEL_DEPTH; level++) {
            nested = ipv4(Protocols.IP_GRE, gre(0, Protocols.ETHERTYPE_IPV4, nested));
        }
        return List.of(
                ipv4(Protocols.IP_TCP, tcp(0x18, new byte[12], new byte[20])),
                ipv4(Protocols.IP_UDP, udp(53, 53, new byte[30])),
                ipv4(Protocols.IP_ICMP, icmp(8, 0, new byte[8])),
                ipv4(Protocols.IP_GRE, packet().u16(0xB000).u16(0x0800).zeros(12).build()),
                ipv4(Protocols.IP_UDP, 0x2001, new byte[16]),
                ipv6(Protocols.IP_HOP_BY_HOP, hopAndFragment),
                ipv6(Protocols.IP_ICMPV6, icmp(128, 0, new byte[4])),
                ipv6(Protocols.IP_UDP, udp(5683, 5683, new byte[9])),
                ipv4(Protocols.IP_GRE, gre(0, Protocols.ETHERTYPE_IPV4, ipv4(Protocols.IP_UDP, udp(1, 2, new byte[6])))),
                ipv4(Protocols.IP_GRE, gre(0x3000, Protocols.ETHERTYPE_TRANSPARENT_ETHERNET, frame)),
                ipv4(Protocols.IP_GRE, gre(0, Protocols.ETHERTYPE_ERSPAN, frame)),
                ipv4(Protocols.IP_GRE, gre(0x1000, Protocols.ETHERTYPE_ERSPAN, erspanII(5, false, frame))),
                ipv4(Protocols.IP_GRE, gre(0x1000, Protocols.ETHERTYPE_ERSPAN_III, erspanIII(9, 0, true, frame))),
                ipv4(Protocols.IP_GRE, gre(0x1000, Protocols.ETHERTYPE_ERSPAN_III,
                        erspanIII(9, 2, false, ipv6(Protocols.IP_ICMPV6, icmp(128, 0, new byte[4]))))),
                ipv6(Protocols.IP_GRE, gre(0x8000, Protocols.ETHERTYPE_IPV6, ipv6(Protocols.IP_UDP, udp(1, 2, new byte[3])))),
                nested);
    }

    private static byte[] withLink(int linkType, byte[] network, Random random) {
        boolean v6 = (network[0] & 0xF0) == 0x60;
        int etherType = v6 ? Protocols.ETHERTYPE_IPV6 : Protocols.ETHERTYPE_IPV4;
        return switch (linkType) {
            case 0 -> concat(packet().u32(random.nextBoolean() ? (v6 ? 30 : 2) : Integer.reverseBytes(v6 ? 24 : 2)).build(), network);
            case 1 -> {
                Packets link = packet().ethernet(random.nextInt(4) == 0 ? Protocols.ETHERTYPE_VLAN : etherType);
                if (random.nextInt(4) == 0) {
                    link = packet().ethernet(Protocols.ETHERTYPE_QINQ).vlan(Protocols.ETHERTYPE_VLAN, 1).vlan(etherType, 2);
                } else if (random.nextInt(8) == 0) {
                    link = packet().ethernet(Protocols.ETHERTYPE_ARP);
                }
                yield concat(link.build(), network);
            }
            case 113 -> concat(packet().zeros(14).u16(etherType).build(), network);
            case 276 -> concat(packet().u16(etherType).zeros(18).build(), network);
            // A copy: the mutations below must not wear the templates down for the packets after.
            default -> network.clone();
        };
    }

    @Test
    void neverThrowsAndStaysWithinThePacket() {
        Random random = new Random(0x10_7_0A7C4L);
        List<byte[]> templates = networkTemplates();
        PacketDecoder decoder = new PacketDecoder();
        int decoded = 0;
        int tunneled = 0;
        for (int i = 0; i < PACKETS; i++) {
            int linkType = random.nextInt(20) == 0 ? random.nextInt(300) : LINK_TYPES[random.nextInt(LINK_TYPES.length)];
            byte[] packet;
            if (random.nextInt(5) == 0) {
                packet = new byte[random.nextInt(120)];
                random.nextBytes(packet);
            } else {
                packet = withLink(linkType, templates.get(random.nextInt(templates.size())), random);
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations && packet.length > 0; m++) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    packet = java.util.Arrays.copyOf(packet, random.nextInt(packet.length + 1));
                }
            }
            // The packet ends exactly at the end of the buffer, so any read past it throws.
            int off = random.nextInt(8);
            byte[] buffer = new byte[off + packet.length];
            System.arraycopy(packet, 0, buffer, off, packet.length);
            boolean ok;
            try {
                ok = decoder.decode(buffer, off, packet.length, linkType);
            } catch (RuntimeException e) {
                throw new AssertionError("packet " + i + " on link " + linkType + " threw", e);
            }
            if (ok) {
                decoded++;
            }
            int start = decoder.payloadOffset();
            int length = decoder.payloadLength();
            if (start < off || length < 0 || start + length > off + packet.length
                    || decoder.networkOffset() > off + packet.length) {
                fail("packet %d on link %d: payload %d+%d outside %d+%d", i, linkType, start, length, off, packet.length);
            }
            if (decoder.tunnelDepth() > PacketDecoder.MAX_TUNNEL_DEPTH) {
                fail("packet %d on link %d: %d tunnels deep", i, linkType, decoder.tunnelDepth());
            }
            if (decoder.tunnelDepth() > 0) {
                tunneled++;
            }
        }
        assertThat(decoded).isGreaterThan(PACKETS / 2);
        // The mutations leave most tunnel seeds openable, so the fuzzing reaches inside tunnels.
        assertThat(tunneled).isGreaterThan(PACKETS / 10);
    }
}
