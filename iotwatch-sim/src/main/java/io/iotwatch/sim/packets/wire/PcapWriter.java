package io.iotwatch.sim.packets.wire;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a classic pcap file (the libpcap format every tool reads, tcpreplay included): little-endian,
 * microsecond timestamps, link type Ethernet, each frame whole. Records go through a buffer of its own;
 * {@link #flush()} hands them on, and the stream is never closed here.
 */
public final class PcapWriter implements Flushable {

    /** The magic number of a microsecond-resolution pcap file. */
    public static final int MAGIC = 0xA1B2C3D4;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    /** LINKTYPE_ETHERNET. */
    public static final int LINKTYPE_ETHERNET = 1;
    /** Snapshot length: every frame fits whole. */
    public static final int SNAPLEN = 262_144;
    public static final int FILE_HEADER = 24;
    public static final int RECORD_HEADER = 16;

    private static final int BUFFER = 1 << 17;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private long packets;
    private long bytes;

    /** Writes the file header to {@code out}. */
    public PcapWriter(OutputStream out) throws IOException {
        this.out = out;
        i32(MAGIC);
        i16(VERSION_MAJOR);
        i16(VERSION_MINOR);
        i32(0);
        i32(0);
        i32(SNAPLEN);
        i32(LINKTYPE_ETHERNET);
        bytes += FILE_HEADER;
    }

    /** Appends {@code frame} captured at {@code micros}, microseconds since the epoch. */
    public void write(long micros, Frame frame) throws IOException {
        int length = frame.length();
        if (used + RECORD_HEADER + length > BUFFER) {
            drain();
        }
        i32((int) Math.floorDiv(micros, 1_000_000L));
        i32((int) Math.floorMod(micros, 1_000_000L));
        i32(length);
        i32(length);
        if (length > BUFFER - used) {
            drain();
            out.write(frame.buffer(), 0, length);
        } else {
            System.arraycopy(frame.buffer(), 0, buffer, used, length);
            used += length;
        }
        packets++;
        bytes += RECORD_HEADER + length;
    }

    /** Packets written so far. */
    public long packets() {
        return packets;
    }

    /** Bytes of the file so far, headers included. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private void i16(int v) {
        buffer[used++] = (byte) v;
        buffer[used++] = (byte) (v >>> 8);
    }

    private void i32(int v) {
        i16(v);
        i16(v >>> 16);
    }
}
