package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LruMapTest {

    @Test
    void theStalestKeyGivesWayWhenFullAndIsCounted() {
        LruMap<String, Long> map = new LruMap<>(2);
        map.put("a", 1L);
        map.put("b", 2L);
        map.get("a");
        map.put("c", 3L);

        assertThat(map).containsOnlyKeys("a", "c");
        assertThat(map.evictions()).isEqualTo(1);
    }

    @Test
    void removingBeforeAHorizonStopsAtTheFirstValueStillInUse() {
        LruMap<String, Long> map = new LruMap<>(10);
        map.put("old", 1L);
        map.put("older-but-touched-later", 0L);
        map.put("new", 5L);
        map.put("stale-behind-a-fresh-one", 2L);

        map.removeSeenBefore(3, Long::longValue);

        // Touch order, not the values, decides where the walk stops: it is how detectors touch their keys.
        assertThat(map).containsOnlyKeys("new", "stale-behind-a-fresh-one");
        assertThat(map.evictions()).isZero();
    }

    @Test
    void aMapMustHoldAKey() {
        assertThatThrownBy(() -> new LruMap<String, Long>(0)).hasMessageContaining("maxKeys");
    }
}
