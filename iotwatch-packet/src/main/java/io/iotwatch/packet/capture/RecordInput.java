package io.iotwatch.packet.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A window over a stream, so that a whole record sits contiguously in one reused array. The array grows
 * only when a record is larger than it and only as far as the stream actually delivers bytes, so a
 * corrupt length field cannot make the reader allocate memory the file does not back.
 */
final class RecordInput implements AutoCloseable {

    static final int INITIAL_SIZE = 1 << 20;
    /** No record may be larger: beyond this a length field is taken as damage, not as data. */
    static final int MAX_RECORD = 256 << 20;

    private final InputStream in;
    private byte[] buf;
    private int start;
    private int end;
    private long startOffset;
    private boolean eof;

    RecordInput(InputStream in) {
        this(in, INITIAL_SIZE);
    }

    RecordInput(InputStream in, int initialSize) {
        this.in = in;
        this.buf = new byte[initialSize];
    }

    /** Tries to have {@code n} bytes (at most MAX_RECORD) buffered from the current position; returns how many are. */
    int request(int n) throws IOException {
        while (end - start < n && !eof) {
            if (end == buf.length) {
                makeRoom(n);
            }
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
        return Math.min(end - start, n);
    }

    /** Called with the array full and fewer than {@code n} bytes buffered. */
    private void makeRoom(int n) {
        int buffered = end - start;
        if (start > 0 && buf.length >= n) {
            System.arraycopy(buf, start, buf, 0, buffered);
        } else {
            // Doubling, not jumping to n: a length field may promise more than the stream holds.
            byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, n)];
            System.arraycopy(buf, start, bigger, 0, buffered);
            buf = bigger;
        }
        end = buffered;
        start = 0;
    }

    /** Discards {@code n} bytes from the current position, reading past the buffer when needed; returns how many were. */
    long skip(long n) throws IOException {
        int buffered = (int) Math.min(n, end - start);
        consume(buffered);
        long skipped = buffered;
        while (skipped < n && !eof) {
            int read = in.read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (read < 0) {
                eof = true;
            } else {
                skipped += read;
                startOffset += read;
            }
        }
        return skipped;
    }

    void consume(int n) {
        start += n;
        startOffset += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the current position. */
    int position() {
        return start;
    }

    /** Offset in the stream of the current position. */
    long streamOffset() {
        return startOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
