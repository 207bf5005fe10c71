package io.iotwatch.packet.testing;

import io.iotwatch.packet.decode.Protocols;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Ethernet frames for tests of what sits on the decoder (flows, events, features), built field by field with
 * the lengths filled in and checksums left zero (nothing here checks them). Unlike the decoder tests' builder,
 * endpoints, TTL, flags and payloads are parameters.
 */
public final class Frames {

    public static final int A = 0xC0A80001; // 192.168.0.1
    public static final int B = 0xC0A80002;
    public static final int C = 0xC0A80003;
    public static final int IPV4 = 20;
    public static final int TCP = 20;
    public static final int UDP = 8;
    public static final int ICMP = 8;
    public static final int TTL = 64;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    public static final long MAC_A = 0x001122334455L;
    public static final long MAC_B = 0x00667788_99AAL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Frames() {}

    /** Dotted decimal to the address as an int. */
    public static int ip(String dotted) {
        int ip = 0;
        for (String part : dotted.split("\\.")) {
            ip = ip << 8 | Integer.parseInt(part);
        }
        return ip;
    }

    /** An Ethernet, IPv4 and 20-byte TCP frame with {@code payload} zero bytes. */
    public static byte[] tcp(int source, int sourcePort, int destination, int destinationPort, int flags, int payload,
            int ttl) {
        return tcp(source, sourcePort, destination, destinationPort, flags, new byte[payload], ttl);
    }

    public static byte[] tcp(int source, int sourcePort, int destination, int destinationPort, int flags, int payload) {
        return tcp(source, sourcePort, destination, destinationPort, flags, payload, TTL);
    }

    public static byte[] tcp(int source, int sourcePort, int destination, int destinationPort, int flags,
            byte[] payload, int ttl) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4)
                .ipv4(Protocols.IP_TCP, ttl, source, destination, TCP + payload.length)
                .u16(sourcePort).u16(destinationPort).u32(1).u32(0).u8(5 << 4).u8(flags).u16(65535).u32(0)
                .bytes(payload).build();
    }

    public static byte[] udp(int source, int sourcePort, int destination, int destinationPort, int payload, int ttl) {
        return udp(source, sourcePort, destination, destinationPort, new byte[payload], ttl);
    }

    public static byte[] udp(int source, int sourcePort, int destination, int destinationPort, int payload) {
        return udp(source, sourcePort, destination, destinationPort, payload, TTL);
    }

    public static byte[] udp(int source, int sourcePort, int destination, int destinationPort, byte[] payload, int ttl) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4)
                .ipv4(Protocols.IP_UDP, ttl, source, destination, UDP + payload.length)
                .u16(sourcePort).u16(destinationPort).u16(UDP + payload.length).u16(0).bytes(payload).build();
    }

    public static byte[] icmpEcho(int source, int destination, int payload, int ttl) {
        return icmp(source, destination, 8, 0, payload, ttl);
    }

    public static byte[] icmp(int source, int destination, int type, int code, int payload, int ttl) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4)
                .ipv4(Protocols.IP_ICMP, ttl, source, destination, ICMP + payload)
                .u8(type).u8(code).u16(0).u16(1).u16(1).zeros(payload).build();
    }

    /** An IPv4 packet of any other protocol, e.g. GRE, with {@code payload} zero bytes after the IP header. */
    public static byte[] ipv4Other(int protocol, int source, int destination, int payload, int ttl) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4).ipv4(protocol, ttl, source, destination, payload)
                .zeros(payload).build();
    }

    /** An IPv4 packet of any protocol carrying {@code payload} after the IP header. */
    public static byte[] ipv4Payload(int protocol, int source, int destination, byte[] payload, int ttl) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4).ipv4(protocol, ttl, source, destination, payload.length)
                .bytes(payload).build();
    }

    /** An IPv4 packet with a raw fragment field (flags and offset in 8-byte units) and {@code payload} bytes. */
    public static byte[] ipv4Fragment(int protocol, int source, int destination, int fragment, int payload) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV4).u8(0x45).u8(0).u16(IPV4 + payload).u16(1)
                .u16(fragment).u8(TTL).u8(protocol).u16(0).u32(source).u32(destination).zeros(payload).build();
    }

    /** An ARP request padded to the 60-byte Ethernet minimum, as it is on the wire. */
    public static byte[] arp(int sender, int target) {
        return arp(1, MAC_B, sender, 0, target);
    }

    /** An ARP packet: operation 1 request or 2 reply, padded to 60 bytes. */
    public static byte[] arp(int operation, long senderMac, int sender, long targetMac, int target) {
        return new Frames().ethernet(Protocols.ETHERTYPE_ARP).u16(1).u16(Protocols.ETHERTYPE_IPV4).u8(6).u8(4)
                .u16(operation).u48(senderMac).u32(sender).u48(targetMac).u32(target).zeros(18).build();
    }

    public static byte[] ipv6Udp(int sourcePort, int destinationPort, int payload) {
        return new Frames().ethernet(Protocols.ETHERTYPE_IPV6).u32(0x60000000).u16(UDP + payload)
                .u8(Protocols.IP_UDP).u8(64).zeros(32)
                .u16(sourcePort).u16(destinationPort).u16(UDP + payload).u16(0).zeros(payload).build();
    }

    /** {@code frame} with zero bytes appended up to {@code length}, like Ethernet padding. */
    public static byte[] padded(byte[] frame, int length) {
        return Arrays.copyOf(frame, Math.max(length, frame.length));
    }

    private Frames u8(int v) {
        out.write(v);
        return this;
    }

    private Frames u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    private Frames u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    private Frames u48(long v) {
        return u16((int) (v >>> 32)).u32((int) v);
    }

    private Frames zeros(int n) {
        return bytes(new byte[n]);
    }

    private Frames bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    private Frames ethernet(int etherType) {
        return u16(0x0011).u32(0x22334455).u16(0x0066).u32(0x778899AA).u16(etherType);
    }

    private Frames ipv4(int protocol, int ttl, int source, int destination, int payloadLength) {
        return u8(0x45).u8(0).u16(IPV4 + payloadLength).u16(1).u16(0).u8(ttl).u8(protocol).u16(0)
                .u32(source).u32(destination);
    }

    private byte[] build() {
        return out.toByteArray();
    }
}
