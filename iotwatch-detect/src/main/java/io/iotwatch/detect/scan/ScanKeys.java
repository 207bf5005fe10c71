package io.iotwatch.detect.scan;

import java.util.Arrays;

/**
 * The keys of one kind of scan, at most {@code capacity}, in order of when they were last touched; when full,
 * the stalest gives way, counted. A key is two texts and a number. While a key has one value in its window,
 * that value, its sample and the key's times live in this table's arrays; at the second value the key gets
 * a tally of its own ({@code T}), held here in place of the sample. Under a spoofed flood nearly every key is one
 * forged source with one target and never sees a second value, and holding 100,000 of them as objects in a
 * map cost the packet path more in collections and cache misses than anything else the detectors do.
 *
 * <p>Each entry is {@value #WORDS} longs (its hash and number, value, window start, last seen, links to the
 * entries touched before and after it) and {@value #REFS} references (the two texts, the sample or tally,
 * the protocol), so that a look-up reads few cache lines. The index keeps each entry's hash beside it, so
 * that probing for a key reads no entry but the ones whose hash matches: under a flood most keys are new,
 * and each probe step into the entries was a cache miss. Values are never 0: an entry with a tally has
 * value 0, so that telling the two kinds apart reads no object.
 */
final class ScanKeys<T> {

    static final int NONE = -1;
    private static final int INITIAL = 1024;
    private static final int WORDS = 5;
    private static final int HASH_NUMBER = 0;
    private static final int VALUE = 1;
    private static final int WINDOW_START = 2;
    private static final int LAST_SEEN = 3;
    private static final int LINKS = 4;
    private static final int REFS = 4;
    private static final int FIRST = 0;
    private static final int SECOND = 1;
    private static final int SAMPLE = 2;
    private static final int PROTOCOL = 3;

    private final int capacity;
    private final Class<T> tallyType;
    private long[] words = new long[INITIAL * WORDS];
    private Object[] refs = new Object[INITIAL * REFS];
    private int oldest = NONE;
    private int newest = NONE;
    /** Open addressing over the entries: the key's hash (high 32 bits) and entry + 1, or 0 where free; at most half full. */
    private long[] index = new long[2 * INITIAL];
    private int[] free = new int[INITIAL];
    private int freeCount;
    private int used;
    private int size;
    private long evictions;

    ScanKeys(int capacity, Class<T> tallyType) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.tallyType = tallyType;
    }

    static int hash(String first, String second, int number) {
        int h = first.hashCode() * 31 + (second == null ? 0 : second.hashCode());
        h = h * 31 + number;
        return h ^ h >>> 16;
    }

    /** The entry of this key, made the most recently touched; {@link #NONE} when the key is not held. */
    int touch(String first, String second, int number, int hash) {
        long hashNumber = (long) hash << 32 | number & 0xFFFF_FFFFL;
        int mask = index.length - 1;
        long entry;
        for (int i = hash & mask; (entry = index[i]) != 0; i = (i + 1) & mask) {
            if ((int) (entry >>> 32) != hash) {
                continue;
            }
            int e = (int) entry - 1;
            if (words[e * WORDS + HASH_NUMBER] == hashNumber && first.equals(refs[e * REFS + FIRST])
                    && (second == null ? refs[e * REFS + SECOND] == null : second.equals(refs[e * REFS + SECOND]))) {
                unlink(e);
                link(e);
                return e;
            }
        }
        return NONE;
    }

    /** Holds a key not held yet with its one value, the most recently touched, letting the stalest go when full. */
    void add(String first, String second, int number, int hash, long value, Object sample, String protocol, long time) {
        checkValue(value);
        if (size == capacity) {
            evictions++;
            remove(oldest);
        }
        int e = freeCount > 0 ? free[--freeCount] : used++;
        if (e * WORDS == words.length) {
            grow();
        }
        words[e * WORDS + HASH_NUMBER] = (long) hash << 32 | number & 0xFFFF_FFFFL;
        refs[e * REFS + FIRST] = first;
        refs[e * REFS + SECOND] = second;
        refs[e * REFS + PROTOCOL] = protocol;
        restart(e, value, sample, time);
        words[e * WORDS + LAST_SEEN] = time;
        insertIndex(e, hash);
        link(e);
        size++;
    }

    /** Makes {@code value} (not 0) the one value of an entry without a tally, its window starting at {@code time}. */
    void restart(int e, long value, Object sample, long time) {
        checkValue(value);
        words[e * WORDS + VALUE] = value;
        words[e * WORDS + WINDOW_START] = time;
        refs[e * REFS + SAMPLE] = sample;
    }

    private static void checkValue(long value) {
        if (value == 0) {
            throw new IllegalArgumentException("a scan key's value must not be 0");
        }
    }

    /** The entry's tally, once it has one; null while it has one value. */
    T tally(int e) {
        return words[e * WORDS + VALUE] == 0 ? tallyType.cast(refs[e * REFS + SAMPLE]) : null;
    }

    /** Gives the entry its tally, which counts its values from now on. */
    void promote(int e, T tally) {
        words[e * WORDS + VALUE] = 0;
        refs[e * REFS + SAMPLE] = tally;
    }

    void seen(int e, long time) {
        words[e * WORDS + LAST_SEEN] = Math.max(words[e * WORDS + LAST_SEEN], time);
    }

    long value(int e) {
        return words[e * WORDS + VALUE];
    }

    Object sample(int e) {
        return refs[e * REFS + SAMPLE];
    }

    String protocol(int e) {
        return (String) refs[e * REFS + PROTOCOL];
    }

    long windowStart(int e) {
        return words[e * WORDS + WINDOW_START];
    }

    long lastSeen(int e) {
        return words[e * WORDS + LAST_SEEN];
    }

    /** Lets go every key last seen before {@code horizon}, from the stalest on. */
    void removeSeenBefore(long horizon) {
        while (oldest != NONE && words[oldest * WORDS + LAST_SEEN] < horizon) {
            remove(oldest);
        }
    }

    int size() {
        return size;
    }

    /** Keys let go because {@code capacity} were held. */
    long evictions() {
        return evictions;
    }

    private void remove(int e) {
        int mask = index.length - 1;
        int i = (int) (words[e * WORDS + HASH_NUMBER] >>> 32) & mask;
        while ((int) index[i] != e + 1) {
            i = (i + 1) & mask;
        }
        // shift the rest of the probe run back over the gap, so that no look-up stops short of its key
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = (int) (index[j] >>> 32) & mask;
            if (i <= j ? home <= i || home > j : home <= i && home > j) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
        unlink(e);
        Arrays.fill(refs, e * REFS, (e + 1) * REFS, null);
        free[freeCount++] = e;
        size--;
    }

    private void insertIndex(int e, int hash) {
        int mask = index.length - 1;
        int i = hash & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = (long) hash << 32 | (e + 1);
    }

    private int older(int e) {
        return (int) (words[e * WORDS + LINKS] >> 32);
    }

    private int newer(int e) {
        return (int) words[e * WORDS + LINKS];
    }

    private void setLinks(int e, int older, int newer) {
        words[e * WORDS + LINKS] = (long) older << 32 | newer & 0xFFFF_FFFFL;
    }

    private void link(int e) {
        setLinks(e, newest, NONE);
        if (newest == NONE) {
            oldest = e;
        } else {
            setLinks(newest, older(newest), e);
        }
        newest = e;
    }

    private void unlink(int e) {
        int older = older(e);
        int newer = newer(e);
        if (older == NONE) {
            oldest = newer;
        } else {
            setLinks(older, older(older), newer);
        }
        if (newer == NONE) {
            newest = older;
        } else {
            setLinks(newer, older, newer(newer));
        }
    }

    /** Twice the entries, up to the capacity, and an index for them at most half full. */
    private void grow() {
        int n = Math.min(capacity, 2 * words.length / WORDS);
        words = Arrays.copyOf(words, n * WORDS);
        refs = Arrays.copyOf(refs, n * REFS);
        free = Arrays.copyOf(free, n);
        index = new long[Integer.highestOneBit(2 * n - 1) << 1];
        for (int e = oldest; e != NONE; e = newer(e)) {
            insertIndex(e, (int) (words[e * WORDS + HASH_NUMBER] >>> 32));
        }
    }
}
