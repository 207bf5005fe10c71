package io.iotwatch.detect.scan;

/** Distinct non-zero longs in an open-addressing table, holding at most a fixed number of them. */
final class LongSet {

    /** Keys get a set at their second value (see ScanKeys) and most stay small: a small table first. */
    private static final int INITIAL = 4;

    private final int max;
    private long[] table = new long[INITIAL];
    private int size;

    LongSet(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Adds a non-zero value; false when it was there already or the set is full. */
    boolean add(long value) {
        int mask = table.length - 1;
        int i = mix(value) & mask;
        while (table[i] != 0) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (size == max) {
            return false;
        }
        table[i] = value;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    void clear() {
        table = new long[INITIAL];
        size = 0;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = mix(value) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = value;
            }
        }
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
