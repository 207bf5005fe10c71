package io.iotwatch.packet.features;

import java.util.Arrays;

/**
 * The published extractor's two flow dictionaries (one for TCP, one for UDP), as an open-addressing table of
 * primitive records. Their key is the pair of (IPv4 address, port) endpoints in sorted order, so both
 * directions share an entry, and an entry is never forgotten: the original keeps every flow until the end
 * of the capture file. Ours keeps them until {@code maxFlows} are held, then starts afresh as the original
 * does with its next file, clearing the table (a few milliseconds per {@code maxFlows} flows) and counting
 * it in {@link #resets()}.
 *
 * <p>Each entry's state is {@value #STATE_WORDS} longs: the number of frames, their total length, the
 * earliest and latest timestamp, and, for TCP, how many frames carried each of FIN, SYN, RST, PSH and ACK,
 * what the original derives from its list of (frame length, timestamp) pairs. The static methods read and
 * update such a state wherever it is held: in an entry here ({@link #records()} at {@link #state(int)}), or
 * in a flow table's record, where the extractor keeps it while the flow table holds the flow.
 */
final class CicIot2023Flows {

    static final int FIN = 0;
    static final int SYN = 1;
    static final int RST = 2;
    static final int PSH = 3;
    static final int ACK = 4;

    /** Longs of a flow's state. */
    static final int STATE_WORDS = 7;
    private static final int PACKETS = 0;
    private static final int BYTES = 1;
    /** The earliest and latest timestamps, in seconds, as the bits of doubles. */
    private static final int FIRST_SECONDS = 2;
    private static final int LAST_SECONDS = 3;
    /** FIN and SYN counts (low and high 32 bits), RST and PSH, then ACK. */
    private static final int FIN_SYN = 4;
    private static final int RST_PSH = 5;
    private static final int ACKS = 6;

    /** Per entry: the lower endpoint with the protocol bit and {@link #OCCUPIED}, the higher endpoint, the state. */
    private static final int LOW = 0;
    private static final int HIGH = 1;
    private static final int KEY_WORDS = 2;
    private static final int STRIDE = KEY_WORDS + STATE_WORDS;
    private static final long OCCUPIED = 1L << 63;
    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final int MAX_FLOWS = 1 << 24;

    /** What {@link #findOrReserve} returns for a flow it counted without making its entry. */
    static final int RESERVED = -1;
    private static final int MAX_SEEN_BITS = 1 << 24;

    private final long[] records;
    private final int mask;
    private final int maxFlows;
    /**
     * One bit per hash of the flows added since the table last started afresh, 16 bits a flow (at most 2
     * MB): a clear bit proves a flow is not held without reaching into the records, a cache miss, for the
     * many flows a capture shows once. A set bit may be another flow's, about one time in 16.
     */
    private final long[] seen;
    private final int seenShift;
    private int flows;
    private long resets;

    CicIot2023Flows(int maxFlows) {
        if (maxFlows < 1 || maxFlows > MAX_FLOWS) {
            throw new IllegalArgumentException("flow capacity must be from 1 to " + MAX_FLOWS + ": " + maxFlows);
        }
        // At most half full, so probes stay short.
        int size = Integer.highestOneBit(2 * maxFlows - 1) << 1;
        this.maxFlows = maxFlows;
        this.mask = size - 1;
        this.records = new long[size * STRIDE];
        int seenBits = Math.clamp(Integer.highestOneBit(16 * maxFlows - 1) << 1, Long.SIZE, MAX_SEEN_BITS);
        this.seen = new long[seenBits / Long.SIZE];
        this.seenShift = Integer.SIZE - Integer.numberOfTrailingZeros(seenBits);
    }

    /**
     * The entry of the flow of these endpoints, added with an empty state when it is not held; adding one to a
     * full table starts afresh first.
     */
    int find(boolean tcp, int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
        long low = low(tcp, sourceIp, sourcePort, destinationIp, destinationPort);
        long high = high(sourceIp, sourcePort, destinationIp, destinationPort);
        return find(low, high, hash(low, high));
    }

    /**
     * As {@link #find}, except for a flow that is surely not held: that one is counted as added (starting
     * afresh first when the table is full, as {@code find} would) and {@link #RESERVED} returned, and its
     * entry is made when {@link #put} gives it its state. For a caller that keeps the state elsewhere while
     * the flow lasts, so that a new flow costs no look-up into the records until it ends.
     */
    int findOrReserve(boolean tcp, int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
        long low = low(tcp, sourceIp, sourcePort, destinationIp, destinationPort);
        long high = high(sourceIp, sourcePort, destinationIp, destinationPort);
        int hash = hash(low, high);
        if (wasSeen(hash)) {
            return find(low, high, hash);
        }
        count(hash);
        return RESERVED;
    }

    /** Writes the state at {@code from} in {@code a} as the state of the flow of these endpoints, reserved or found. */
    void put(boolean tcp, int sourceIp, int sourcePort, int destinationIp, int destinationPort, long[] a, int from) {
        long low = low(tcp, sourceIp, sourcePort, destinationIp, destinationPort);
        long high = high(sourceIp, sourcePort, destinationIp, destinationPort);
        // a reserved flow was counted, so there is room for its entry without starting afresh
        int i = probe(low, high, hash(low, high));
        int r = i * STRIDE;
        records[r + LOW] = low;
        records[r + HIGH] = high;
        System.arraycopy(a, from, records, r + KEY_WORDS, STATE_WORDS);
    }

    private int find(long low, long high, int hash) {
        int i = probe(low, high, hash);
        if (records[i * STRIDE + LOW] != 0) {
            return i;
        }
        if (count(hash)) {
            i = hash & mask;
        }
        records[i * STRIDE + LOW] = low;
        records[i * STRIDE + HIGH] = high;
        return i;
    }

    /** The entry of this key, or the empty one where it would go. */
    private int probe(long low, long high, int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int r = i * STRIDE;
            if (records[r + LOW] == 0 || records[r + LOW] == low && records[r + HIGH] == high) {
                return i;
            }
        }
    }

    /** Counts a flow about to be added, starting afresh first when the table is full; true if it did. */
    private boolean count(int hash) {
        boolean full = flows == maxFlows;
        if (full) {
            Arrays.fill(records, 0);
            Arrays.fill(seen, 0);
            flows = 0;
            resets++;
        }
        flows++;
        int bit = hash >>> seenShift;
        seen[bit >>> 6] |= 1L << bit;
        return full;
    }

    private boolean wasSeen(int hash) {
        int bit = hash >>> seenShift;
        return (seen[bit >>> 6] & 1L << bit) != 0;
    }

    /** The entries; an entry's state starts at {@link #state(int)}. */
    long[] records() {
        return records;
    }

    /** Where the state of {@code entry} starts in {@link #records()}. */
    static int state(int entry) {
        return entry * STRIDE + KEY_WORDS;
    }

    /** Times the table filled up and started afresh: a state taken out of it is current while this stays put. */
    long resets() {
        return resets;
    }

    /** Adds one frame of {@code frameLength} bytes seen at {@code seconds} to the state at {@code s} in {@code a}. */
    static void addFrame(long[] a, int s, int frameLength, double seconds) {
        long bits = Double.doubleToRawLongBits(seconds);
        if (a[s + PACKETS]++ == 0) {
            a[s + FIRST_SECONDS] = bits;
            a[s + LAST_SECONDS] = bits;
        } else if (seconds < Double.longBitsToDouble(a[s + FIRST_SECONDS])) {
            a[s + FIRST_SECONDS] = bits;
        } else if (seconds > Double.longBitsToDouble(a[s + LAST_SECONDS])) {
            a[s + LAST_SECONDS] = bits;
        }
        a[s + BYTES] += frameLength;
    }

    /** Counts the flags of a TCP segment in the state at {@code s}. */
    static void countFlags(long[] a, int s, int tcpFlags) {
        // TCP flag bits from FIN (bit 0) to ACK (bit 4), in the order of the FIN..ACK constants.
        a[s + FIN_SYN] += (tcpFlags & 1) + ((long) (tcpFlags >>> 1 & 1) << 32);
        a[s + RST_PSH] += (tcpFlags >>> 2 & 1) + ((long) (tcpFlags >>> 3 & 1) << 32);
        a[s + ACKS] += tcpFlags >>> 4 & 1;
    }

    static double packets(long[] a, int s) {
        return a[s + PACKETS];
    }

    static double bytes(long[] a, int s) {
        return a[s + BYTES];
    }

    /** The latest minus the earliest timestamp, as the original takes them from its sorted list. */
    static double durationSeconds(long[] a, int s) {
        return Double.longBitsToDouble(a[s + LAST_SECONDS]) - Double.longBitsToDouble(a[s + FIRST_SECONDS]);
    }

    /** Frames with {@code flag}, one of FIN, SYN, RST, PSH, ACK. */
    static double flagCount(long[] a, int s, int flag) {
        return switch (flag) {
            case FIN -> a[s + FIN_SYN] & LOW_32;
            case SYN -> a[s + FIN_SYN] >>> 32;
            case RST -> a[s + RST_PSH] & LOW_32;
            case PSH -> a[s + RST_PSH] >>> 32;
            case ACK -> a[s + ACKS];
            default -> throw new IllegalArgumentException("not a flag: " + flag);
        };
    }

    private static long low(boolean tcp, int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
        return OCCUPIED | Math.min(endpoint(sourceIp, sourcePort), endpoint(destinationIp, destinationPort)) << 1 | (tcp ? 0 : 1);
    }

    private static long high(int sourceIp, int sourcePort, int destinationIp, int destinationPort) {
        return Math.max(endpoint(sourceIp, sourcePort), endpoint(destinationIp, destinationPort));
    }

    private static long endpoint(int ip, int port) {
        return (ip & 0xFFFFFFFFL) << 16 | (port & 0xFFFF);
    }

    private static int hash(long low, long high) {
        long h = low * 0x9E3779B97F4A7C15L + high;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 29;
        return (int) h;
    }
}
