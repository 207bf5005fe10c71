package io.iotwatch.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a source's threads do, with a deadline. */
final class Eventually {

    private Eventually() {}

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for %s", within, what).isNegative();
            Thread.sleep(20);
        }
    }
}
