package io.iotwatch.core.event;

/**
 * Stable identity of an event: the stream it came from and its position in that stream.
 *
 * <p>For a file the stream is a fingerprint of its first bytes and the position is the byte offset of
 * the line, so reading the same file again yields the same ids and the store keeps each event once.
 * For a network listener the stream is chosen per listening session and the position is a sequence.
 */
public record EventId(long stream, long position) implements Comparable<EventId> {

    @Override
    public int compareTo(EventId other) {
        int byStream = Long.compare(stream, other.stream);
        return byStream != 0 ? byStream : Long.compare(position, other.position);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(stream, 16) + ":" + position;
    }
}
