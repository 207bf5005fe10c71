package io.iotwatch.sim.packets.wire;

/** The Internet checksum of RFC 1071: the one's complement of the one's complement sum of 16-bit words. */
public final class Checksum {

    private Checksum() {
    }

    /**
     * Adds {@code b[off, off + len)} as big-endian 16-bit words to {@code sum}, an odd last byte padded with
     * zero. Sums stay well inside a long for any frame, so carries are folded once, at the end.
     */
    public static long add(long sum, byte[] b, int off, int len) {
        int end = off + len - 1;
        int i = off;
        for (; i < end; i += 2) {
            sum += (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
        }
        if (i == end) {
            sum += (b[i] & 0xFF) << 8;
        }
        return sum;
    }

    /** The checksum field for a running {@code sum}: folded to 16 bits and complemented. */
    public static int finish(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    /** The IPv4 pseudo-header of a TCP or UDP checksum (RFC 793, RFC 768). */
    public static long pseudoHeader(int source, int destination, int protocol, int length) {
        return (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + protocol + length;
    }
}
