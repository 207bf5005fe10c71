package io.iotwatch.detect.flood;

import io.iotwatch.detect.DistinctCounter;
import io.iotwatch.detect.SlidingWindow;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Who floods one victim: the first {@value #TRACKED} sources each with its packets, the rest only counted (their
 * packets, and about how many they are). Real attackers send without pause, so they are among the first seen;
 * forged sources are each seen once or twice and fill the table with addresses of a packet or two.
 */
final class Sources {

    static final int TRACKED = 16;
    /** A source takes part in the flood when it sent at least 1 in this many of its packets: 2%. */
    private static final long NAMED_SHARE = 50;

    // Most victims see one source; the table grows to TRACKED as more come.
    private String[] addresses = new String[1];
    /** Per source, its address's hash, its packets and those reported: three longs side by side. */
    private long[] counts = new long[3];
    private int size;
    private long total;
    private DistinctCounter beyond;

    void add(String address, long count) {
        total = SlidingWindow.saturatedAdd(total, count);
        long hash = DistinctCounter.hash(address);
        for (int i = 0; i < size; i++) {
            if (counts[3 * i] == hash && addresses[i].equals(address)) {
                counts[3 * i + 1] = SlidingWindow.saturatedAdd(counts[3 * i + 1], count);
                return;
            }
        }
        if (size < TRACKED) {
            if (size == addresses.length) {
                int capacity = Math.min(TRACKED, size * 2);
                addresses = Arrays.copyOf(addresses, capacity);
                counts = Arrays.copyOf(counts, 3 * capacity);
            }
            addresses[size] = address;
            counts[3 * size] = hash;
            counts[3 * size + 1] = count;
            size++;
            return;
        }
        if (beyond == null) {
            beyond = new DistinctCounter();
            for (int i = 0; i < size; i++) {
                beyond.add(counts[3 * i]);
            }
        }
        beyond.add(hash);
    }

    /** Distinct sources: exact up to {@value #TRACKED}, estimated beyond. */
    long distinct() {
        return beyond == null ? size : Math.max(size + 1, beyond.estimate());
    }

    long total() {
        return total;
    }

    /** The tracked sources that take part in the flood (2% of its packets or more), most packets first. */
    int[] named() {
        return indicesByPackets(Math.max(1, total / NAMED_SHARE));
    }

    /** Up to {@code max} tracked sources, most packets first. */
    int[] top(int max) {
        int[] all = indicesByPackets(1);
        return all.length <= max ? all : Arrays.copyOf(all, max);
    }

    String address(int i) {
        return addresses[i];
    }

    long packets(int i) {
        return counts[3 * i + 1];
    }

    /** Packets of source {@code i} not yet reported, then counts them reported. */
    long takeUnreported(int i) {
        long fresh = counts[3 * i + 1] - counts[3 * i + 2];
        counts[3 * i + 2] = counts[3 * i + 1];
        return fresh;
    }

    private int[] indicesByPackets(long least) {
        return IntStream.range(0, size)
                .filter(i -> packets(i) >= least)
                .boxed()
                .sorted((a, b) -> Long.compare(packets(b), packets(a)))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
