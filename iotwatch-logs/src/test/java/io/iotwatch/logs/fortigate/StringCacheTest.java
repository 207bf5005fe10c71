package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCacheTest {

    private final StringCache cache = new StringCache(4, 8);

    private String get(String text) {
        byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        return cache.get(bytes, 1, bytes.length - 2);
    }

    @Test
    void returnsTheSameStringForTheSameBytes() {
        String first = get("accept");
        assertThat(first).isEqualTo("accept");
        assertThat(get("accept")).isSameAs(first);
        assertThat(get("deny")).isEqualTo("deny");
        assertThat(get("")).isEmpty();
    }

    @Test
    void neverConfusesValuesThatShareASlot() {
        for (int i = 0; i < 100; i++) {
            assertThat(get("v" + i)).isEqualTo("v" + i);
            assertThat(get("w" + i)).isEqualTo("w" + i);
        }
    }

    @Test
    void longValuesAreDecodedButNotCached() {
        String first = get("a-long-value");
        assertThat(first).isEqualTo("a-long-value");
        assertThat(get("a-long-value")).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void decodesInvalidUtf8Leniently() {
        byte[] bytes = {'a', (byte) 0xC3, 0x28};
        assertThat(cache.get(bytes, 0, 3)).isEqualTo("a\uFFFD(");
    }

    @Test
    void slotCountMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new StringCache(6, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
