package io.iotwatch.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanKeysTest {

    /** What an entry should hold, kept in an access-ordered map, the structure the table stands in for. */
    private static final class Expected {
        long value;
        Object sample;
        String protocol;
        long windowStart;
        long lastSeen;
        StringBuilder tally;
    }

    @Test
    void holdsWhatAnAccessOrderedMapOfTheSameCapacityHolds() {
        Random random = new Random(1046);
        for (int run = 0; run < 8; run++) {
            int capacity = new int[] {1, 7, 300, 5000}[run % 4];
            // half the runs give keys only 8 hashes, so that look-ups and removals meet many equal hashes
            int hashMask = run < 4 ? -1 : 0x7;
            ScanKeys<StringBuilder> keys = new ScanKeys<>(capacity, StringBuilder.class);
            Map<List<Object>, Expected> expected = new LinkedHashMap<>(16, 0.75f, true);
            long evictions = 0;
            long time = 0;
            for (int op = 0; op < 60_000; op++) {
                time += random.nextInt(10);
                String first = "10.0.0." + random.nextInt(60);
                // the second text is absent for one kind of key, and the number tells keys with equal texts apart
                String second = random.nextInt(4) == 0 ? null : "10.0.1." + random.nextInt(40);
                int number = random.nextInt(3);
                List<Object> key = Arrays.asList(first, second, number);
                if (random.nextInt(500) == 0) {
                    long horizon = time - random.nextInt(2000);
                    keys.removeSeenBefore(horizon);
                    for (Iterator<Expected> it = expected.values().iterator(); it.hasNext() && it.next().lastSeen < horizon; ) {
                        it.remove();
                    }
                    continue;
                }
                // texts equal but not the same objects, as a new event's are
                int hash = ScanKeys.hash(new String(first), second == null ? null : new String(second), number) & hashMask;
                int e = keys.touch(new String(first), second == null ? null : new String(second), number, hash);
                Expected x = expected.get(key);
                if (x == null) {
                    assertThat(e).as("op %d", op).isEqualTo(ScanKeys.NONE);
                    if (expected.size() == capacity) {
                        Iterator<Expected> stalest = expected.values().iterator();
                        stalest.next();
                        stalest.remove();
                        evictions++;
                    }
                    x = new Expected();
                    x.value = 1 + random.nextInt(5);
                    x.sample = "sample " + op;
                    x.protocol = random.nextBoolean() ? "tcp" : "udp";
                    x.windowStart = time;
                    x.lastSeen = time;
                    expected.put(key, x);
                    keys.add(first, second, number, hash, x.value, x.sample, x.protocol, time);
                } else {
                    assertThat(e).as("op %d", op).isNotEqualTo(ScanKeys.NONE);
                    assertThat(keys.protocol(e)).isEqualTo(x.protocol);
                    assertThat(keys.windowStart(e)).isEqualTo(x.windowStart);
                    assertThat(keys.lastSeen(e)).isEqualTo(x.lastSeen);
                    assertThat(keys.tally(e)).isSameAs(x.tally);
                    if (x.tally == null) {
                        assertThat(keys.value(e)).isEqualTo(x.value);
                        assertThat(keys.sample(e)).isEqualTo(x.sample);
                    }
                    keys.seen(e, time);
                    x.lastSeen = time;
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            if (x.tally != null) {
                                break;
                            }
                            x.value = 1 + random.nextInt(5);
                            x.sample = "sample " + op;
                            x.windowStart = time;
                            keys.restart(e, x.value, x.sample, time);
                        }
                        case 1 -> {
                            if (x.tally == null) {
                                x.tally = new StringBuilder("tally " + op);
                                keys.promote(e, x.tally);
                            }
                        }
                        default -> { }
                    }
                }
                assertThat(keys.size()).isEqualTo(expected.size());
                assertThat(keys.evictions()).isEqualTo(evictions);
            }
        }
    }

    @Test
    void aValueOfZeroIsRefused() {
        ScanKeys<StringBuilder> keys = new ScanKeys<>(4, StringBuilder.class);
        int hash = ScanKeys.hash("10.0.0.1", null, 0);
        assertThatThrownBy(() -> keys.add("10.0.0.1", null, 0, hash, 0, "sample", "tcp", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new ScanKeys<>(0, Object.class)).hasMessageContaining("capacity");
    }
}
