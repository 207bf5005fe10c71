package io.iotwatch.sim.packets.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte writer for the messages of application protocols. Lengths written before their
 * content are patched afterwards with {@link #mark()} and {@link #patch16}.
 */
public final class Bytes {

    private byte[] b;
    private int length;

    public Bytes() {
        this(256);
    }

    public Bytes(int capacity) {
        b = new byte[Math.max(16, capacity)];
    }

    public Bytes clear() {
        length = 0;
        return this;
    }

    public int length() {
        return length;
    }

    public byte[] array() {
        return b;
    }

    public byte[] toArray() {
        return Arrays.copyOf(b, length);
    }

    /** The current length, as a place to patch a length into later. */
    public int mark() {
        return length;
    }

    public Bytes u8(int v) {
        ensure(1);
        b[length++] = (byte) v;
        return this;
    }

    public Bytes u16(int v) {
        ensure(2);
        b[length++] = (byte) (v >>> 8);
        b[length++] = (byte) v;
        return this;
    }

    public Bytes u24(int v) {
        u8(v >>> 16);
        return u16(v);
    }

    public Bytes u32(int v) {
        u16(v >>> 16);
        return u16(v);
    }

    public Bytes u64(long v) {
        u32((int) (v >>> 32));
        return u32((int) v);
    }

    public Bytes bytes(byte[] source) {
        return bytes(source, 0, source.length);
    }

    public Bytes bytes(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, b, length, count);
        length += count;
        return this;
    }

    /** {@code count} bytes of {@code source} from {@code position} on, wrapping around at its end. */
    public Bytes cycle(byte[] source, int position, int count) {
        int from = Math.floorMod(position, source.length);
        while (count > 0) {
            int n = Math.min(count, source.length - from);
            bytes(source, from, n);
            count -= n;
            from = 0;
        }
        return this;
    }

    public Bytes ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    public Bytes fill(int value, int count) {
        ensure(count);
        Arrays.fill(b, length, length + count, (byte) value);
        length += count;
        return this;
    }

    /** Writes {@code v} as a 16-bit value at {@code at}. */
    public Bytes patch16(int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
        return this;
    }

    private void ensure(int more) {
        if (length + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, length + more));
        }
    }
}
