package io.iotwatch.logs.file;

import io.iotwatch.logs.Bytes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without allocating per line: each {@link #next()} exposes the line
 * as a range of a reused buffer, with its byte offset and number in the stream.
 *
 * <p>Lines end at LF; a CR before the LF is not part of the line. A last line without a terminator
 * is still a line. A line longer than the maximum is cut: its first {@code maxLineBytes} are exposed
 * with {@link #truncated()} set and the rest is skipped, so one absurd line cannot exhaust memory.
 */
public final class LineReader implements Closeable {

    /** How many leading bytes identify a stream, see {@link #fingerprint()}. */
    public static final int FINGERPRINT_BYTES = 64 * 1024;

    private static final int INITIAL_BUFFER = 1 << 20;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private boolean consumedAny;

    private int lineStart;
    private int lineLength;
    private boolean truncated;
    private long lineOffset;
    private long lineNumber;
    private long nextOffset;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 0, 0);
    }

    /**
     * Reads on in a stream from a line boundary: {@code in} holds its bytes from {@code startOffset}, where
     * {@code startLineNumber} lines lie before. Offsets and line numbers count from the stream's start; there is
     * no {@link #fingerprint()}, which needs the stream's first bytes.
     */
    public LineReader(InputStream in, int maxLineBytes, long startOffset, long startLineNumber) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        if (startOffset < 0 || startLineNumber < 0) {
            throw new IllegalArgumentException("negative start: " + startOffset + "/" + startLineNumber);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.max(INITIAL_BUFFER, FINGERPRINT_BYTES) + 1];
        this.nextOffset = startOffset;
        this.lineNumber = startLineNumber;
        this.consumedAny = startOffset > 0;
    }

    /**
     * A 64-bit FNV-1a hash of the stream's first {@link #FINGERPRINT_BYTES} bytes (fewer when the
     * stream is shorter). It names the stream so that reading the same content again, under any
     * file name or compressed or not, yields the same event ids. Call before the first {@link #next()}.
     */
    public long fingerprint() throws IOException {
        if (consumedAny) {
            throw new IllegalStateException("fingerprint must be taken before reading lines");
        }
        while (!eof && end < FINGERPRINT_BYTES) {
            fill();
        }
        long hash = 0xcbf29ce484222325L;
        int n = Math.min(end, FINGERPRINT_BYTES);
        for (int i = 0; i < n; i++) {
            hash ^= buf[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Advances to the next line. False at the end of the stream. */
    public boolean next() throws IOException {
        consumedAny = true;
        truncated = false;
        lineOffset = nextOffset;
        int scanned = 0;
        while (true) {
            int lf = Bytes.indexOfLf(buf, start + scanned, end);
            if (lf >= 0) {
                int length = withoutCr(start, lf - start);
                expose(start, Math.min(length, maxLineBytes));
                truncated = length > maxLineBytes;
                nextOffset += lf + 1 - start;
                start = lf + 1;
                return true;
            }
            // One byte of slack: a line of exactly the maximum may still be followed by CR before its LF.
            if (end - start > maxLineBytes + 1) {
                skipRestOfLongLine();
                return true;
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                int length = withoutCr(start, end - start);
                expose(start, Math.min(length, maxLineBytes));
                truncated = length > maxLineBytes;
                nextOffset += end - start;
                start = end;
                return true;
            }
            scanned = end - start;
            makeRoom();
            fill();
        }
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    public int lineStart() {
        return lineStart;
    }

    /** Length of the current line, without its terminator. */
    public int lineLength() {
        return lineLength;
    }

    /** Byte offset of the current line's first byte in the (decompressed) stream. */
    public long lineOffset() {
        return lineOffset;
    }

    /** Byte offset just past the current line and its terminator. */
    public long nextOffset() {
        return nextOffset;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line was longer than the maximum and has been cut. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void expose(int from, int length) {
        lineStart = from;
        lineLength = length;
        lineNumber++;
    }

    private int withoutCr(int from, int length) {
        return length > 0 && buf[from + length - 1] == '\r' ? length - 1 : length;
    }

    private void skipRestOfLongLine() throws IOException {
        // Keep the line's first maxLineBytes at the front of the buffer; read the rest after them and drop it.
        System.arraycopy(buf, start, buf, 0, maxLineBytes);
        long skipped = end - start - maxLineBytes;
        if (buf.length < maxLineBytes + INITIAL_BUFFER) {
            buf = Arrays.copyOf(buf, maxLineBytes + INITIAL_BUFFER);
        }
        start = 0;
        end = maxLineBytes;
        int lf = -1;
        while (lf < 0 && !eof) {
            fill();
            lf = Bytes.indexOfLf(buf, maxLineBytes, end);
            if (lf < 0) {
                skipped += end - maxLineBytes;
                end = maxLineBytes;
            }
        }
        expose(0, maxLineBytes);
        truncated = true;
        if (lf >= 0) {
            skipped += lf - maxLineBytes + 1;
            start = lf + 1;
        } else {
            start = end;
        }
        nextOffset += maxLineBytes + skipped;
    }

    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) maxLineBytes + INITIAL_BUFFER));
        }
    }

    private void fill() throws IOException {
        if (end == buf.length) {
            makeRoom();
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
