package io.iotwatch.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A clock that holds whoever reads it until released: a report asks the clock when it is made, so a test can keep a
 * report in the making. Shared with the web module's tests through this module's test-jar.
 */
public final class HoldingClock extends Clock {

    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Supplier<Instant> time;

    /** @param time what the clock says once released */
    public HoldingClock(Supplier<Instant> time) {
        this.time = time;
    }

    /** One already released: a clock that tells the time {@code time} gives, which may move as the test likes. */
    public static HoldingClock released(Supplier<Instant> time) {
        HoldingClock clock = new HoldingClock(time);
        clock.release();
        return clock;
    }

    /** Waits until someone reads the clock (and is held there); false if nobody did within the timeout. */
    public boolean awaitReader(long timeout, TimeUnit unit) throws InterruptedException {
        return reading.await(timeout, unit);
    }

    /** Lets every reader, now and later, through. */
    public void release() {
        release.countDown();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        reading.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return time.get();
    }
}
