package io.iotwatch.logs.syslog;

import io.iotwatch.logs.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a TCP syslog stream into messages (RFC 6587) without allocating per message: each message is
 * handed over as a range of a reused buffer.
 *
 * <p>The framing is detected for each message, so one connection may mix both. A message that starts with
 * a count of at most {@value #MAX_COUNT_DIGITS} digits without leading zero followed by a space is
 * octet-counted ({@code LEN SP MSG}); anything else is a line ended by LF (non-transparent framing). Syslog
 * messages start with {@code <PRI>}, FortiGate's bare and ISO-dated forms with a letter or a date, so a
 * line is taken for a count only when it is not syslog to begin with.
 *
 * <p>Trailing CR and NUL are stripped from every message, and a trailing LF from octet-counted ones;
 * empty lines between messages are skipped. A message longer than the maximum is rejected with its first
 * {@code maxMessageSize} bytes, and the stream resynchronised: past the announced count, or at the next
 * LF. When the stream ends inside a message, what arrived of it is rejected as truncated.
 */
final class SyslogFramer {

    /** Receives the framer's output. The ranges are valid only during the call. */
    interface Receiver {
        void message(byte[] buf, int off, int len) throws InterruptedException;

        void rejected(byte[] buf, int off, int len, String reason, boolean oversize) throws InterruptedException;
    }

    static final int MAX_COUNT_DIGITS = 9;

    /** Bytes of buffer beyond the longest message, so that reads stay large while a message is assembled. */
    private static final int READ_SPACE = 64 * 1024;

    private enum State { START, LINE, OCTETS, SKIP_LINE, SKIP_OCTETS }

    private final int maxMessageSize;
    private final int maxCapacity;
    private byte[] buf;
    /** The first byte not consumed yet: the start of the current message in LINE and OCTETS. */
    private int start;
    private int end;
    private State state = State.START;
    /** LINE: bytes after {@link #start} already known to hold no LF. */
    private int scanned;
    /** OCTETS: the announced length; SKIP_OCTETS: the bytes still to skip. */
    private long count;

    SyslogFramer(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        this.maxCapacity = maxMessageSize + READ_SPACE;
        this.buf = new byte[Math.min(READ_SPACE, maxCapacity)];
    }

    /**
     * Reads once from the stream (blocking as it does) and hands over every message completed by what it
     * read. Returns the number of bytes read, or -1 at the end of the stream; then call {@link #finish}.
     */
    int read(InputStream in, Receiver out) throws IOException, InterruptedException {
        makeRoom();
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            end += n;
            frame(out);
        }
        return n;
    }

    /** The stream has ended: rejects the message it ended in, if any, as truncated. */
    void finish(Receiver out) throws InterruptedException {
        int length = end - start;
        int from = start;
        State at = state;
        long announced = count;
        start = end;
        state = State.START;
        switch (at) {
            case START, LINE -> {
                if (Delivery.trimmedLength(buf, from, length) > 0) {
                    out.rejected(buf, from, Math.min(length, maxMessageSize),
                            "truncated: the connection closed before the LF that ends this message", false);
                }
            }
            case OCTETS -> out.rejected(buf, from, Math.min(length, maxMessageSize),
                    "truncated: the connection closed after " + length + " of the " + announced
                            + " bytes this octet-counted message announced", false);
            case SKIP_LINE, SKIP_OCTETS -> {
                // Its head was already rejected as oversize.
            }
        }
    }

    private void frame(Receiver out) throws InterruptedException {
        boolean progressed = true;
        while (progressed) {
            progressed = switch (state) {
                case START -> startMessage();
                case LINE -> line(out);
                case OCTETS -> octets(out);
                case SKIP_LINE -> skipLine();
                case SKIP_OCTETS -> skipOctets();
            };
        }
    }

    /** Decides the framing of the next message. False when more bytes are needed to tell. */
    private boolean startMessage() {
        if (start == end) {
            return false;
        }
        byte first = buf[start];
        if (first == '\n') {
            start++;
            return true;
        }
        if (first >= '1' && first <= '9') {
            long value = 0;
            int i = start;
            while (i < end && i - start < MAX_COUNT_DIGITS && isDigit(buf[i])) {
                value = value * 10 + (buf[i] - '0');
                i++;
            }
            if (i == end) {
                return false;
            }
            if (buf[i] == ' ') {
                state = State.OCTETS;
                count = value;
                start = i + 1;
                return true;
            }
        }
        state = State.LINE;
        scanned = 0;
        return true;
    }

    private boolean line(Receiver out) throws InterruptedException {
        int lf = Bytes.indexOfLf(buf, start + scanned, end);
        if (lf < 0) {
            scanned = end - start;
            // Two bytes of slack: a message of exactly the maximum may still be followed by CR and NUL.
            if (scanned > maxMessageSize + 1) {
                int from = start;
                start = end;
                state = State.SKIP_LINE;
                out.rejected(buf, from, maxMessageSize, "message longer than " + maxMessageSize
                        + " bytes: its first " + maxMessageSize + " bytes are kept and the rest skipped up to the next LF", true);
                return true;
            }
            return false;
        }
        int from = start;
        int length = Delivery.trimmedLength(buf, from, lf - from);
        start = lf + 1;
        state = State.START;
        if (length > maxMessageSize) {
            out.rejected(buf, from, maxMessageSize, "message of " + length + " bytes is longer than " + maxMessageSize
                    + " bytes: its first " + maxMessageSize + " bytes are kept", true);
        } else if (length > 0) {
            out.message(buf, from, length);
        }
        return true;
    }

    private boolean octets(Receiver out) throws InterruptedException {
        int available = end - start;
        int from = start;
        if (count > maxMessageSize) {
            if (available < maxMessageSize) {
                return false;
            }
            long announced = count;
            start += maxMessageSize;
            count -= maxMessageSize;
            state = State.SKIP_OCTETS;
            out.rejected(buf, from, maxMessageSize, "octet-counted message of " + announced + " bytes is longer than "
                    + maxMessageSize + " bytes: its first " + maxMessageSize + " bytes are kept and the rest skipped", true);
            return true;
        }
        if (available < count) {
            return false;
        }
        start += (int) count;
        state = State.START;
        int length = Delivery.trimmedLength(buf, from, (int) count);
        if (length > 0) {
            out.message(buf, from, length);
        }
        return true;
    }

    private boolean skipLine() {
        int lf = Bytes.indexOfLf(buf, start, end);
        if (lf < 0) {
            start = end;
            return false;
        }
        start = lf + 1;
        state = State.START;
        return true;
    }

    private boolean skipOctets() {
        int skip = (int) Math.min(count, end - start);
        start += skip;
        count -= skip;
        if (count > 0) {
            return false;
        }
        state = State.START;
        return true;
    }

    /**
     * Makes space to read into: moves the unconsumed bytes to the front, and grows the buffer when they
     * fill it. They never exceed one message and its count, so the buffer stays under its maximum.
     */
    private void makeRoom() {
        if (end < buf.length) {
            return;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        } else {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxCapacity));
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
