package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctCounterTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 16, 100, 1_000, 20_000, 1_000_000})
    void estimatesAreWithinThreeStandardErrorsOfTheTruth(int distinct) {
        DistinctCounter counter = new DistinctCounter();
        for (int i = 0; i < distinct; i++) {
            counter.add(DistinctCounter.hash("10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff)));
        }
        assertThat((double) counter.estimate()).isBetween(distinct * 0.6, distinct * 1.4);
    }

    @Test
    void repeatsCountOnceAndNothingCountsZero() {
        DistinctCounter counter = new DistinctCounter();
        assertThat(counter.estimate()).isZero();
        for (int i = 0; i < 10_000; i++) {
            counter.add(DistinctCounter.hash("192.168.1.66"));
        }
        assertThat(counter.estimate()).isEqualTo(1);
    }

    @Test
    void theHashOfTextIsStable() {
        assertThat(DistinctCounter.hash("192.168.1.66")).isEqualTo(DistinctCounter.hash(new String("192.168.1.66")))
                .isNotEqualTo(DistinctCounter.hash("192.168.1.67"));
    }
}
