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
        return u48(MAC_B).u48(MAC_A).u16(etherType);
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
        return packet().u8(0x45).u8(0).u16(20 + payload.length).u16(0x1234).u16(fragment)
                .u8(64).u8(protocol).u16(0).u32(IP_A).u32(IP_B).bytes(payload).build();
    }

    /** An IPv6 header whose next header is {@code next}; {@code payload} includes any extension headers. */
    static byte[] ipv6(int next, byte[] payload) {
        return packet().u32(0x60000000).u16(payload.length).u8(next).u8(255)
                .u64(V6_A_HI).u64(V6_A_LO).u64(V6_B_HI).u64(V6_B_LO).bytes(payload).build();
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
