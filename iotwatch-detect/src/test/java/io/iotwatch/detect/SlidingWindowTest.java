package io.iotwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long WINDOW = 10_000;

    @Test
    void aSteadyRateSumsToTheRateTimesTheWindowWhereverTheWindowEnds() {
        SlidingWindow window = new SlidingWindow(1, 0);
        for (long t = 0; t < 60_000; t += 10) {
            window.roll(t, WINDOW);
            window.add(0, 1);
            if (t >= WINDOW) {
                assertThat(window.sum(0, t, WINDOW)).as("at %d ms", t).isBetween(999L, 1001L);
            }
        }
    }

    @Test
    void theWindowForgetsWhatIsOlderThanItAndKeepsTheLargestValueOfEachBucket() {
        SlidingWindow window = new SlidingWindow(2, 0);
        window.add(0, 500);
        window.max(1, 7);
        window.max(1, 3);
        assertThat(window.peak(1)).isEqualTo(7);

        window.roll(15_000, WINDOW);
        assertThat(window.sum(0, 15_000, WINDOW)).as("half the previous bucket still in the window").isEqualTo(250);
        assertThat(window.peak(1)).isEqualTo(7);

        window.roll(35_000, WINDOW);
        assertThat(window.sum(0, 35_000, WINDOW)).isZero();
        assertThat(window.peak(1)).isZero();
    }

    @Test
    void anEarlierTimeCountsInTheCurrentBucketAndSumsSaturate() {
        SlidingWindow window = new SlidingWindow(1, 50_000);
        window.roll(1_000, WINDOW);
        window.add(0, Long.MAX_VALUE - 1);
        window.add(0, 5);

        assertThat(window.sum(0, 1_000, WINDOW)).isEqualTo(Long.MAX_VALUE);
        assertThat(SlidingWindow.saturatedAdd(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
