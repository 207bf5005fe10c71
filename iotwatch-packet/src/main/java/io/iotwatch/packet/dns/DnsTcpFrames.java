package io.iotwatch.packet.dns;

/**
 * Walks the DNS messages in the payload of one TCP segment, where each message follows its length in two bytes
 * (RFC 1035 section 4.2.2, RFC 7766 section 8). A flyweight kept per packet thread: {@link #reset} per segment,
 * then {@link #next()} until it returns false; it allocates nothing and never throws.
 *
 * <pre>{@code
 * frames.reset(b, payloadOffset, payloadLength);
 * while (frames.next()) {
 *     dns.parse(b, frames.messageOffset(), frames.messageLength());
 * }
 * if (frames.incomplete()) { ... count it ... }
 * }</pre>
 *
 * <p>Each segment stands alone: a message continuing into the next segment, or a length prefix cut in two, is
 * not reassembled. The walk stops before it and {@link #incomplete()} says so. A segment that starts inside such
 * a message is read as if it started with a length, so its first bytes give a wrong length: the message parse
 * fails or the walk ends as incomplete.
 */
public final class DnsTcpFrames {

    private static final int LENGTH_PREFIX = 2;

    private byte[] segment;
    private int position;
    private int end;
    private int messageOffset;
    private int messageLength;

    /** Starts on the payload in {@code b[off, off + len)}; a range outside {@code b} is taken as empty. */
    public void reset(byte[] b, int off, int len) {
        boolean valid = b != null && off >= 0 && len >= 0 && off <= b.length - len;
        segment = b;
        position = valid ? off : 0;
        end = valid ? off + len : 0;
        messageOffset = position;
        messageLength = 0;
    }

    /** Moves to the next whole message; false when the segment holds no further whole message. */
    public boolean next() {
        if (end - position < LENGTH_PREFIX) {
            return false;
        }
        int length = (segment[position] & 0xFF) << 8 | (segment[position + 1] & 0xFF);
        if (length > end - position - LENGTH_PREFIX) {
            return false;
        }
        messageOffset = position + LENGTH_PREFIX;
        messageLength = length;
        position = messageOffset + length;
        return true;
    }

    /** Where the current message starts, after its length prefix. */
    public int messageOffset() {
        return messageOffset;
    }

    public int messageLength() {
        return messageLength;
    }

    /**
     * After {@link #next()} returned false: true when bytes were left, a message or a length prefix that the
     * segment cuts short.
     */
    public boolean incomplete() {
        return position < end;
    }
}
