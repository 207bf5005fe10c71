package io.iotwatch.sim.lab;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.dns.DnsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * What the capture checks look at in one packet of {@code all.pcap}: an immutable copy of the decoder's fields,
 * made only for packets inside some attack's window. Addresses are the outermost IPv4 header's (a GRE flood's
 * own), ports, flags and payload the innermost packet's.
 *
 * @param payload the transport payload, at most {@link #MAX_PAYLOAD} bytes of it
 */
public record LabPacket(long timeNanos, long sourceMac, boolean arp, int arpOperation, String arpSenderIp,
        long arpSenderMac, String arpTargetIp, String source, String destination, int protocol, boolean fragment,
        int sourcePort, int destinationPort, int tcpFlags, int icmpType, int greProtocol, byte[] payload) {

    static final int MAX_PAYLOAD = 4096;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;

    /** The packet the decoder has just decoded. */
    static LabPacket of(PacketDecoder d, long timeNanos, byte[] buffer) {
        boolean ipv4 = d.outerIpVersion() == 4;
        int length = Math.min(d.payloadLength(), MAX_PAYLOAD);
        byte[] payload = length > 0 ? Arrays.copyOfRange(buffer, d.payloadOffset(), d.payloadOffset() + length) : new byte[0];
        return new LabPacket(timeNanos, d.sourceMac(), d.arp(), d.arpOperation(),
                d.arp() ? PacketDecoder.ipv4ToString(d.arpSenderIp()) : null, d.arpSenderMac(),
                d.arp() ? PacketDecoder.ipv4ToString(d.arpTargetIp()) : null,
                ipv4 ? PacketDecoder.ipv4ToString(d.outerIpv4Source()) : null,
                ipv4 ? PacketDecoder.ipv4ToString(d.outerIpv4Destination()) : null,
                ipv4 ? d.outerIpProtocol() : -1, d.fragmented(), d.sourcePort(), d.destinationPort(), d.tcpFlags(),
                d.icmpType(), d.greProtocol(), payload);
    }

    boolean from(Collection<String> addresses) {
        return source != null && addresses.contains(source);
    }

    boolean from(String address) {
        return address.equals(source);
    }

    boolean to(String address) {
        return address.equals(destination);
    }

    boolean tcp() {
        return protocol == Protocols.IP_TCP && !fragment;
    }

    boolean udp() {
        return protocol == Protocols.IP_UDP && !fragment;
    }

    boolean icmp() {
        return protocol == Protocols.IP_ICMP && !fragment;
    }

    /** A TCP segment whose flags, among {@code mask}, are exactly {@code flags}. */
    boolean tcpFlags(int mask, int flags) {
        return tcp() && (tcpFlags & mask) == flags;
    }

    /** A connection's first segment: SYN without ACK. */
    boolean syn() {
        return tcpFlags(SYN | ACK | RST | FIN, SYN);
    }

    /** Whether the payload holds {@code text}, ignoring ASCII case. */
    boolean payloadContains(String text) {
        return new String(payload, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                .contains(text.toLowerCase(Locale.ROOT));
    }

    /** The payload parsed as a DNS message (UDP port 53 either way), or null. */
    DnsMessage dns() {
        if (!udp() || sourcePort != 53 && destinationPort != 53) {
            return null;
        }
        DnsMessage message = new DnsMessage();
        return message.parse(payload, 0, payload.length) ? message : null;
    }
}
