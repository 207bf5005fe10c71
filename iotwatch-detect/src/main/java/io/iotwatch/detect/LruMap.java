package io.iotwatch.detect;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

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

    /**
     * Removes every value last seen before {@code horizon}. The walk starts at the head, where the least recently
     * touched keys are, and stops at the first value still in use, so its cost is what it removes.
     */
    public void removeSeenBefore(long horizon, ToLongFunction<? super V> lastSeen) {
        for (Iterator<V> it = values().iterator(); it.hasNext(); ) {
            if (lastSeen.applyAsLong(it.next()) >= horizon) {
                return;
            }
            it.remove();
        }
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
