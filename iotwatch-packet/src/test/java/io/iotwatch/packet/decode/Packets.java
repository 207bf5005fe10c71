package io.iotwatch.packet.decode;

import java.io.ByteArrayOutputStream;

/** Builds test packets layer by layer, big-endian, with lengths filled in from what follows. */
final class Packets {

    static final long MAC_A = 0x001122334455L;
    static final long MAC_B = 0x66778899AABBL;
    static final int IP_A = 0xC0000201; // 192.0.2.1
    static final int IP_B = 0xC6336402; // 198.51.100.2
    static final long V6_A_HI = 0x20010DB800000000L; // 2001:db8::1
    static final long V6_A_LO = 1L;
    static final long V6_B_HI = 0x20010DB800000000L; // 2001:db8::2
    static final long V6_B_LO = 2L;
    // Addresses inside tunnels, distinct from the outer ones.
    static final long MAC_C = 0x02000000000CL;
    static final long MAC_D = 0x02000000000DL;
    static final int IP_C = 0x0A000003; // 10.0.0.3
    static final int IP_D = 0x0A000004; // 10.0.0.4
    static final long V6_C_HI = 0xFD00000000000000L; // fd00::3
    static final long V6_C_LO = 3L;
    static final long V6_D_HI = 0xFD00000000000000L; // fd00::4
    static final long V6_D_LO = 4L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Packets packet() {
        return new Packets();
    }

    Packets u8(int v) {
        out.write(v);
        return this;
    }

    Packets u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    Packets u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    Packets u48(long v) {
        return u16((int) (v >>> 32)).u32((int) v);
    }

    Packets u64(long v) {
        return u32((int) (v >>> 32)).u32((int) v);
    }

    Packets bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Packets zeros(int n) {
        return bytes(new byte[n]);
    }

    Packets ethernet(int etherType) {
        return ethernet(MAC_B, MAC_A, etherType);
    }

    Packets ethernet(long destination, long source, int etherType) {
        return u48(destination).u48(source).u16(etherType);
    }

    Packets vlan(int tpid, int vlanId) {
        return u16(vlanId).u16(tpid);
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] ipv4(int protocol, byte[] payload) {
        return ipv4(protocol, 0, payload);
    }

    /** An IPv4 header without options; {@code fragment} is the flags and offset field. */
    static byte[] ipv4(int protocol, int fragment, byte[] payload) {
        return ipv4(IP_A, IP_B, 64, protocol, fragment, payload);
    }

    static byte[] ipv4(int source, int destination, int ttl, int protocol, int fragment, byte[] payload) {
        return packet().u8(0x45).u8(0).u16(20 + payload.length).u16(0x1234).u16(fragment)
                .u8(ttl).u8(protocol).u16(0).u32(source).u32(destination).bytes(payload).build();
    }

    /** An IPv6 header whose next header is {@code next}; {@code payload} includes any extension headers. */
    static byte[] ipv6(int next, byte[] payload) {
        return ipv6(V6_A_HI, V6_A_LO, V6_B_HI, V6_B_LO, 255, next, payload);
    }

    static byte[] ipv6(long sourceHi, long sourceLo, long destinationHi, long destinationLo, int hopLimit, int next,
            byte[] payload) {
        return packet().u32(0x60000000).u16(payload.length).u8(next).u8(hopLimit)
                .u64(sourceHi).u64(sourceLo).u64(destinationHi).u64(destinationLo).bytes(payload).build();
    }

    /** A TCP header with {@code options} (a multiple of 4 bytes) and the given payload. */
    static byte[] tcp(int flags, byte[] options, byte[] payload) {
        int dataOffset = (20 + options.length) / 4;
        return packet().u16(49152).u16(443).u32(0xF0000001).u32(0x00000002)
                .u8(dataOffset << 4).u8(flags).u16(65535).u16(0).u16(0).bytes(options).bytes(payload).build();
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return packet().u16(sourcePort).u16(destinationPort).u16(8 + payload.length).u16(0).bytes(payload).build();
    }

    static byte[] icmp(int type, int code, byte[] payload) {
        return packet().u8(type).u8(code).u16(0).u16(1).u16(1).bytes(payload).build();
    }

    /**
     * A GRE header: {@code flags} holds the C, R, K and S bits (and PPTP's A bit) and the version; the
     * optional fields they announce follow, filled with arbitrary values, then {@code payload}.
     */
    static byte[] gre(int flags, int protocol, byte[] payload) {
        Packets p = packet().u16(flags).u16(protocol);
        if ((flags & 0xC000) != 0) {
            p.u16(0xBEEF).u16(0);
        }
        if ((flags & 0x2000) != 0) {
            p.u32(0x4B455900);
        }
        if ((flags & 0x1000) != 0) {
            p.u32(7);
        }
        if ((flags & 0x0007) == 1 && (flags & 0x0080) != 0) {
            p.u32(6);
        }
        return p.bytes(payload).build();
    }

    /** An ERSPAN type II header (original VLAN 7, index 18) with {@code truncated} its T bit, then {@code frame}. */
    static byte[] erspanII(int sessionId, boolean truncated, byte[] frame) {
        return packet().u16(0x1000 | 7).u16((truncated ? 0x0400 : 0) | sessionId).u32(18).bytes(frame).build();
    }

    /**
     * An ERSPAN type III header (VLAN 7, timestamp 123456, security group tag 42, hardware id 5) with
     * {@code frameType} (0 Ethernet, 2 IP) and, when {@code subheader}, the O bit and an 8-byte
     * platform-specific subheader; then {@code frame}.
     */
    static byte[] erspanIII(int sessionId, int frameType, boolean subheader, byte[] frame) {
        Packets p = packet().u16(0x2000 | 7).u16(sessionId).u32(123456).u16(42)
                .u16(frameType << 10 | 5 << 4 | (subheader ? 1 : 0));
        if (subheader) {
            p.u64(0x1C00_0000_0000_0001L);
        }
        return p.bytes(frame).build();
    }

    static byte[] concat(byte[]... parts) {
        Packets p = packet();
        for (byte[] part : parts) {
            p.bytes(part);
        }
        return p.build();
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
