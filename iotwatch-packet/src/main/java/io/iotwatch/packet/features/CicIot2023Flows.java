package io.iotwatch.packet.features;

import java.util.Arrays;

/**
 * The published extractor's two flow dictionaries (one for TCP, one for UDP), as an open-addressing table of
 * primitive arrays. Their key is the pair of (IPv4 address, port) endpoints in sorted order, so both
 * directions share an entry, and an entry is never forgotten: the original keeps every flow until the end
 * of the capture file. Ours keeps them until {@code maxFlows} are held, then starts afresh as the original
 * does with its next file; starting afresh only advances a generation number, so it costs nothing.
 *
 * <p>Each entry keeps what the original derives from its list of (frame length, timestamp) pairs: the number
 * of frames, their total length, the earliest and latest timestamp, and, for TCP, how many frames carried
 * each of FIN, SYN, RST, PSH and ACK.
 */
final class CicIot2023Flows {

    static final int FIN = 0;
    static final int SYN = 1;
    static final int RST = 2;
    static final int PSH = 3;
    static final int ACK = 4;

    /** Per entry: the lower endpoint with the protocol bit, the higher endpoint, the generation. */
    private static final int KEY_STRIDE = 3;
    private static final int PACKETS = 0;
    private static final int BYTES = 1;
    private static final int FIRST_SECONDS = 2;
    private static final int LAST_SECONDS = 3;
    private static final int FLAG_COUNTS = 4;
    private static final int VALUE_STRIDE = FLAG_COUNTS + 5;
    private static final int MAX_FLOWS = 1 << 24;

    private final long[] keys;
    private final double[] values;
    private final int mask;
    private final int maxFlows;
    private long generation = 1;
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
        this.keys = new long[size * KEY_STRIDE];
        this.values = new double[size * VALUE_STRIDE];
    }

    /**
     * Adds one frame of {@code frameLength} bytes seen at {@code seconds} to the flow of these endpoints and
     * returns the flow's entry, valid until the next call.
     */
    int add(boolean tcp, int sourceIp, int sourcePort, int destinationIp, int destinationPort, int frameLength,
            double seconds) {
        long source = endpoint(sourceIp, sourcePort);
        long destination = endpoint(destinationIp, destinationPort);
        long low = (Math.min(source, destination) << 1) | (tcp ? 0 : 1);
        long high = Math.max(source, destination);
        int entry = find(low, high);
        int v = entry * VALUE_STRIDE;
        values[v + PACKETS]++;
        values[v + BYTES] += frameLength;
        values[v + FIRST_SECONDS] = Math.min(values[v + FIRST_SECONDS], seconds);
        values[v + LAST_SECONDS] = Math.max(values[v + LAST_SECONDS], seconds);
        return entry;
    }

    private int find(long low, long high) {
        int start = hash(low, high) & mask;
        for (int i = start; ; i = (i + 1) & mask) {
            int k = i * KEY_STRIDE;
            if (keys[k + 2] != generation) {
                if (flows == maxFlows) {
                    generation++;
                    flows = 0;
                    resets++;
                    i = start;
                    k = i * KEY_STRIDE;
                }
                keys[k] = low;
                keys[k + 1] = high;
                keys[k + 2] = generation;
                flows++;
                int v = i * VALUE_STRIDE;
                Arrays.fill(values, v, v + VALUE_STRIDE, 0.0);
                values[v + FIRST_SECONDS] = Double.POSITIVE_INFINITY;
                values[v + LAST_SECONDS] = Double.NEGATIVE_INFINITY;
                return i;
            }
            if (keys[k] == low && keys[k + 1] == high) {
                return i;
            }
        }
    }

    /** Counts the flags of a TCP segment of the flow in {@code entry}. */
    void countFlags(int entry, int tcpFlags) {
        int v = entry * VALUE_STRIDE + FLAG_COUNTS;
        // TCP flag bits from FIN (bit 0) to ACK (bit 4), in the order of the FIN..ACK constants.
        for (int flag = FIN; flag <= ACK; flag++) {
            values[v + flag] += (tcpFlags >>> flag) & 1;
        }
    }

    double packets(int entry) {
        return values[entry * VALUE_STRIDE + PACKETS];
    }

    double bytes(int entry) {
        return values[entry * VALUE_STRIDE + BYTES];
    }

    /** The latest minus the earliest timestamp, as the original takes them from its sorted list. */
    double durationSeconds(int entry) {
        int v = entry * VALUE_STRIDE;
        return values[v + LAST_SECONDS] - values[v + FIRST_SECONDS];
    }

    /** Frames of the flow with {@code flag}, one of FIN, SYN, RST, PSH, ACK. */
    double flagCount(int entry, int flag) {
        return values[entry * VALUE_STRIDE + FLAG_COUNTS + flag];
    }

    /**
     * True when both endpoints are the same address and port: the only case in which the original's lookup
     * of the reversed key finds a flow, so that its {@code Drate} is not 0.
     */
    boolean sameEndpoints(int entry) {
        int k = entry * KEY_STRIDE;
        return keys[k] >>> 1 == keys[k + 1];
    }

    /** Times the table filled up and started afresh. */
    long resets() {
        return resets;
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
