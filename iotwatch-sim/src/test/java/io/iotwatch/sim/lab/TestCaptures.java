package io.iotwatch.sim.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small captures for the check tests: Ethernet frames built field by field (lengths filled in, checksums
 * zero, which nothing here checks) written as a nanosecond pcap file.
 */
final class TestCaptures {

    static final long OTHER_MAC = 0x02AABBCCDDEEL;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int URG = 0x20;

    private final List<Instant> times = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();

    TestCaptures add(Instant time, byte[] frame) {
        times.add(time);
        frames.add(frame);
        return this;
    }

    /** Writes the frames as a little-endian pcap with nanosecond timestamps. */
    Path write(Path file) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        for (int i = 0; i < frames.size(); i++) {
            Instant t = times.get(i);
            out.putInt((int) t.getEpochSecond()).putInt(t.getNano()).putInt(frames.get(i).length).putInt(frames.get(i).length)
                    .put(frames.get(i));
        }
        return Files.write(file, out.array());
    }

    static byte[] ethernet(long sourceMac, int etherType, byte[] payload) {
        return new Bytes().u48(OTHER_MAC).u48(sourceMac).u16(etherType).bytes(payload).build();
    }

    static byte[] ipv4(long sourceMac, String source, String destination, int protocol, byte[] payload) {
        return ipv4Fragment(sourceMac, source, destination, protocol, 0, payload);
    }

    /** {@code fragment}: the raw flags and offset field (0x2000 more fragments, offset in 8-byte units). */
    static byte[] ipv4Fragment(long sourceMac, String source, String destination, int protocol, int fragment, byte[] payload) {
        byte[] ip = new Bytes().u8(0x45).u8(0).u16(20 + payload.length).u16(1).u16(fragment).u8(64).u8(protocol).u16(0)
                .address(source).address(destination).bytes(payload).build();
        return ethernet(sourceMac, 0x0800, ip);
    }

    static byte[] tcp(int sourcePort, int destinationPort, int flags, byte[] payload) {
        return new Bytes().u16(sourcePort).u16(destinationPort).u32(1).u32(0).u8(5 << 4).u8(flags).u16(65535).u32(0)
                .bytes(payload).build();
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return new Bytes().u16(sourcePort).u16(destinationPort).u16(8 + payload.length).u16(0).bytes(payload).build();
    }

    static byte[] icmp(int type, byte[] payload) {
        return new Bytes().u8(type).u8(0).u16(0).u32(1).bytes(payload).build();
    }

    static byte[] gre(int protocol, byte[] inner) {
        return new Bytes().u16(0).u16(protocol).bytes(inner).build();
    }

    static byte[] arp(int operation, long senderMac, String sender, String target) {
        byte[] arp = new Bytes().u16(1).u16(0x0800).u8(6).u8(4).u16(operation).u48(senderMac).address(sender).u48(0)
                .address(target).build();
        return ethernet(senderMac, 0x0806, arp);
    }

    /** A DNS message for {@code name}: a query, or with {@code answer}, a response carrying that A record. */
    static byte[] dns(String name, String answer) {
        Bytes b = new Bytes().u16(0x1234).u16(answer == null ? 0x0100 : 0x8180).u16(1).u16(answer == null ? 0 : 1).u16(0).u16(0);
        for (String label : name.split("\\.")) {
            b.u8(label.length()).bytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        b.u8(0).u16(1).u16(1);
        if (answer != null) {
            b.u16(0xC00C).u16(1).u16(1).u32(60).u16(4).address(answer);
        }
        return b.build();
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Big-endian fields, appended in order. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Bytes u32(int v) {
            return u16(v >>> 16).u16(v);
        }

        Bytes u48(long v) {
            return u16((int) (v >>> 32)).u32((int) v);
        }

        Bytes address(String dotted) {
            for (String part : dotted.split("\\.")) {
                u8(Integer.parseInt(part));
            }
            return this;
        }

        Bytes bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }
    }
}
