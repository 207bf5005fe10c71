package io.iotwatch.detect.scan;

/**
 * Distinct non-zero longs in an open-addressing table, holding at most a fixed number of them. Under a
 * spoofed flood most keys ever see one value, and up to {@code maxKeys} of them are held at once: a set
 * of one keeps its value in a field and makes its table at the second.
 */
final class LongSet {

    private static final int INITIAL = 4;

    private final int max;
    private long only;
    private long[] table;
    private int size;

    LongSet(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Adds a non-zero value; false when it was there already or the set is full. */
    boolean add(long value) {
        if (table == null) {
            if (size == 0) {
                only = value;
                size = 1;
                return true;
            }
            if (value == only) {
                return false;
            }
            table = new long[INITIAL];
            insert(table, only);
        }
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
        table = null;
        size = 0;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long value : old) {
            if (value != 0) {
                insert(table, value);
            }
        }
    }

    private static void insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = mix(value) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = value;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
