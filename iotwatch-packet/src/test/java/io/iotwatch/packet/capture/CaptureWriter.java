package io.iotwatch.packet.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Writes small pcap and pcapng files byte by byte, in either byte order, for tests. */
final class CaptureWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private CaptureWriter(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    /** A classic pcap file header. */
    static CaptureWriter pcap(boolean bigEndian, boolean nanos, int snapLength, int linkType) {
        CaptureWriter w = new CaptureWriter(bigEndian);
        w.u32(nanos ? 0xA1B23C4D : 0xA1B2C3D4).u16(2).u16(4).u32(0).u32(0).u32(snapLength).u32(linkType);
        return w;
    }

    /** An empty pcapng stream; start it with {@link #section()}. */
    static CaptureWriter pcapng(boolean bigEndian) {
        return new CaptureWriter(bigEndian);
    }

    CaptureWriter record(long seconds, long fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    CaptureWriter record(long seconds, long fraction, int captured, int original, byte[] data) {
        return u32((int) seconds).u32((int) fraction).u32(captured).u32(original).raw(data);
    }

    CaptureWriter section() {
        return block(0x0A0D0D0A, body().u32(0x1A2B3C4D).u16(1).u16(0).u32(-1).u32(-1));
    }

    CaptureWriter interfaceBlock(int linkType, int snapLength) {
        return interfaceBlock(linkType, snapLength, -1, 0);
    }

    /** {@code tsresol} -1 leaves the option out; {@code tsoffset} 0 too. */
    CaptureWriter interfaceBlock(int linkType, int snapLength, int tsresol, long tsoffset) {
        CaptureWriter body = body().u16(linkType).u16(0).u32(snapLength);
        if (tsresol >= 0) {
            body.u16(9).u16(1).raw(new byte[] {(byte) tsresol, 0, 0, 0});
        }
        if (tsoffset != 0) {
            body.u16(14).u16(8).u64(tsoffset);
        }
        if (tsresol >= 0 || tsoffset != 0) {
            body.u16(0).u16(0);
        }
        return block(1, body);
    }

    CaptureWriter enhancedPacket(int interfaceId, long ticks, byte[] data) {
        return enhancedPacket(interfaceId, ticks, data.length, data.length, data);
    }

    CaptureWriter enhancedPacket(int interfaceId, long ticks, int captured, int original, byte[] data) {
        return block(6, body().u32(interfaceId).u32((int) (ticks >>> 32)).u32((int) ticks)
                .u32(captured).u32(original).raw(data).pad());
    }

    CaptureWriter simplePacket(int original, byte[] data) {
        return block(3, body().u32(original).raw(data).pad());
    }

    /** A block of any type, its body padded to 4 bytes. */
    CaptureWriter block(int type, byte[] content) {
        return block(type, body().raw(content).pad());
    }

    private CaptureWriter block(int type, CaptureWriter body) {
        byte[] b = body.bytes();
        return u32(type).u32(b.length + 12).raw(b).u32(b.length + 12);
    }

    private CaptureWriter body() {
        return new CaptureWriter(bigEndian);
    }

    private CaptureWriter pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    CaptureWriter u16(int v) {
        if (bigEndian) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    CaptureWriter u32(int v) {
        return bigEndian ? u16(v >>> 16).u16(v) : u16(v).u16(v >>> 16);
    }

    CaptureWriter u64(long v) {
        return bigEndian ? u32((int) (v >>> 32)).u32((int) v) : u32((int) v).u32((int) (v >>> 32));
    }

    CaptureWriter raw(byte[] data) {
        out.writeBytes(data);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** {@code length} bytes counting up from {@code first}, so that misplaced offsets show. */
    static byte[] payload(int first, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (first + i);
        }
        return data;
    }
}
