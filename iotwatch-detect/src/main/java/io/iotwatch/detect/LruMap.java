package io.iotwatch.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map in least-recently-touched order that holds at most {@code maxKeys}: when full, the stalest key goes,
 * and is counted. Detectors keep per-key state in it so that a flood of distinct keys cannot exhaust memory,
 * and evict by time from its head, where the stalest keys are.
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {

    private final int maxKeys;
    private long evictions;

    public LruMap(int maxKeys) {
        super(16, 0.75f, true);
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    /** Keys removed because the map was full. */
    public long evictions() {
        return evictions;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > maxKeys) {
            evictions++;
            return true;
        }
        return false;
    }
}
