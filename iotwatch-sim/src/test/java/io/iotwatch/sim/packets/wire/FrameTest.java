package io.iotwatch.sim.packets.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameTest {

    private static final long MAC_A = 0x02_00_00_00_00_0AL;
    private static final long MAC_B = 0x02_00_00_00_00_0BL;
    private static final int A = Ip.of(192, 168, 50, 10);
    private static final int B = Ip.of(203, 0, 113, 7);

    private final Frame frame = new Frame();
    private final Random rnd = new Random(11);

    @Test
    void checksumsOfRandomSegmentsDatagramsAndEchoesHoldAndABrokenOneIsCaught() {
        Verify verify = new Verify();
        for (int i = 0; i < 300; i++) {
            byte[] payload = new byte[rnd.nextInt(1400)];
            rnd.nextBytes(payload);
            frame.start().ethernet(MAC_B, MAC_A, Frame.ETHERTYPE_IPV4).ipv4(A, B, protocol(i), 1 + rnd.nextInt(255), rnd.nextInt(65536), 0);
            switch (i % 3) {
                case 0 -> frame.tcp(rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt() & 0xFFFF_FFFFL, rnd.nextInt() & 0xFFFF_FFFFL,
                        Frame.ACK | Frame.PSH, rnd.nextInt(65536));
                case 1 -> frame.udp(rnd.nextInt(65536), rnd.nextInt(65536));
                default -> frame.icmp(Frame.ICMP_ECHO, 0, rnd.nextInt());
            }
            frame.bytes(payload).finish();
            assertThat(verify.frame(frame.buffer(), 0, frame.length())).as("frame %d", i).isEmpty();

            byte[] broken = Arrays.copyOf(frame.buffer(), frame.length());
            broken[Frame.ETHERNET + Frame.IPV4 + 2 + rnd.nextInt(4)] ^= 0x10;
            assertThat(new Verify().frame(broken, 0, broken.length)).as("broken frame %d", i).isNotEmpty();
        }
        assertThat(verify.transportsChecked()).isEqualTo(300);
    }

    @Test
    void shortFramesArePaddedAndTheirLengthsLeaveThePaddingOut() {
        frame.start().ethernet(MAC_B, MAC_A, Frame.ETHERTYPE_IPV4).ipv4(A, B, Frame.PROTO_UDP, 64, 1, 0).udp(1000, 2000).u8(7).finish();

        assertThat(frame.length()).isEqualTo(Frame.MIN_LENGTH);
        byte[] b = frame.buffer();
        assertThat(Verify.u16(b, Frame.ETHERNET + 2)).isEqualTo(Frame.IPV4 + Frame.UDP + 1);
        assertThat(Verify.u16(b, Frame.ETHERNET + Frame.IPV4 + 4)).isEqualTo(Frame.UDP + 1);
        assertThat(new Verify().frame(b, 0, frame.length())).isEmpty();

        frame.finish();
        assertThat(frame.length()).isEqualTo(Frame.MIN_LENGTH);
        assertThat(new Verify().frame(frame.buffer(), 0, frame.length())).as("a second finish changes nothing").isEmpty();
    }

    @Test
    void arpPacketsDecodeAsWhatTheySay() {
        frame.start().ethernet(Ip.BROADCAST_MAC, MAC_A, Frame.ETHERTYPE_ARP).arp(Frame.ARP_REQUEST, MAC_A, A, 0, B).finish();
        PacketDecoder p = new PacketDecoder();

        assertThat(p.decode(frame.buffer(), 0, frame.length(), Protocols.LINK_ETHERNET)).isTrue();
        assertThat(p.arp()).isTrue();
        assertThat(p.arpOperation()).isEqualTo(Frame.ARP_REQUEST);
        assertThat(p.arpSenderIp()).isEqualTo(A);
        assertThat(p.arpTargetIp()).isEqualTo(B);
        assertThat(p.arpSenderMac()).isEqualTo(MAC_A);
        assertThat(p.malformedReason()).isNull();
    }

    @Test
    void fragmentsCutAtEightByteBoundariesAndReassembleToTheDatagram() {
        byte[] payload = new byte[3000];
        rnd.nextBytes(payload);
        Frame datagram = new Frame();
        datagram.start().ethernet(MAC_B, MAC_A, Frame.ETHERTYPE_IPV4).ipv4(A, B, Frame.PROTO_UDP, 64, 0x1234, 0).udp(5, 6)
                .bytes(payload).finish();
        int count = Frame.fragments(Frame.UDP + payload.length, 1500);
        assertThat(count).isEqualTo(3);

        Verify verify = new Verify();
        List<Integer> offsets = new ArrayList<>();
        PacketDecoder p = new PacketDecoder();
        for (int i = count - 1; i >= 0; i--) {
            frame.fragment(datagram, i, 1500);
            byte[] b = frame.buffer();
            assertThat(frame.length()).isLessThanOrEqualTo(Frame.ETHERNET + 1500);
            int flags = Verify.u16(b, Frame.ETHERNET + 6);
            assertThat(flags & Frame.MORE_FRAGMENTS).isEqualTo(i < count - 1 ? Frame.MORE_FRAGMENTS : 0);
            assertThat(Verify.u16(b, Frame.ETHERNET + 4)).isEqualTo(0x1234);
            offsets.add((flags & 0x1FFF) * 8);
            assertThat(verify.frame(b, 0, frame.length())).isEmpty();
            assertThat(p.decode(b, 0, frame.length(), Protocols.LINK_ETHERNET)).isTrue();
            assertThat(p.fragmented()).isTrue();
            assertThat(p.malformedReason()).isNull();
        }
        assertThat(offsets).containsExactly(2960, 1480, 0);
        assertThat(verify.incompleteDatagrams()).isZero();
        assertThat(verify.transportsChecked()).as("the reassembled datagram's UDP checksum").isEqualTo(1);
        assertThatThrownBy(() -> frame.fragment(datagram, 3, 1500)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void greCarriesAnEthernetFrameOrAnIpPacketWithTheirOwnChecksums() {
        PacketDecoder p = new PacketDecoder();
        for (boolean ethernet : new boolean[] {true, false}) {
            frame.start().ethernet(MAC_B, MAC_A, Frame.ETHERTYPE_IPV4).ipv4(A, B, Frame.PROTO_GRE, 64, 9, Frame.DONT_FRAGMENT);
            if (ethernet) {
                frame.gre(Frame.ETHERTYPE_TRANSPARENT_ETHERNET).ethernet(MAC_A, MAC_B, Frame.ETHERTYPE_IPV4);
            } else {
                frame.gre(Frame.ETHERTYPE_IPV4);
            }
            frame.ipv4(A, B, Frame.PROTO_UDP, 64, 10, 0).udp(4444, 5555).fill(0xAB, 512).finish();

            assertThat(new Verify().frame(frame.buffer(), 0, frame.length())).isEmpty();
            assertThat(p.decode(frame.buffer(), 0, frame.length(), Protocols.LINK_ETHERNET)).isTrue();
            assertThat(p.malformedReason()).isNull();
            assertThat(p.tunnelDepth()).isEqualTo(1);
            assertThat(p.outerIpProtocol()).isEqualTo(Protocols.IP_GRE);
            assertThat(p.greProtocol()).isEqualTo(ethernet ? Frame.ETHERTYPE_TRANSPARENT_ETHERNET : Frame.ETHERTYPE_IPV4);
            assertThat(p.transportProtocol()).isEqualTo(Protocols.IP_UDP);
            assertThat(p.destinationPort()).isEqualTo(5555);
            assertThat(p.payloadLength()).isEqualTo(512);
        }
    }

    @Test
    void tcpOptionsMustBeWholeWords() {
        frame.start().ethernet(MAC_B, MAC_A, Frame.ETHERTYPE_IPV4).ipv4(A, B, Frame.PROTO_TCP, 64, 1, 0);
        assertThatThrownBy(() -> frame.tcp(1, 2, 0, 0, Frame.SYN, 1024, new byte[3], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Frame().start().tcp(1, 2, 0, 0, Frame.SYN, 1024)).isInstanceOf(IllegalStateException.class);
    }

    private static int protocol(int i) {
        return switch (i % 3) {
            case 0 -> Frame.PROTO_TCP;
            case 1 -> Frame.PROTO_UDP;
            default -> Frame.PROTO_ICMP;
        };
    }
}
