package io.iotwatch.app.sources;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's time: generated traffic starts at the wall clock's now and plays {@code speed} times as fast as real
 * time, so at speed 1 its events carry the times they are released at. Time is epoch nanoseconds; the wall clock
 * is read in milliseconds, rounded down, so that nothing is released before its time by the system's clock.
 */
final class DemoClock {

    private final long origin;
    private final double speed;

    /** A clock whose generated time starts at the wall clock's now. */
    DemoClock(double speed) {
        this(wallNanos(), speed);
    }

    DemoClock(long origin, double speed) {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("speed must be at least 1: " + speed);
        }
        this.origin = origin;
        this.speed = speed;
    }

    /** The generated time that is due now. */
    long now() {
        return origin + (long) ((wallNanos() - origin) * speed);
    }

    /** Wall-clock nanoseconds until generated time {@code t} is due; 0 or less when it is. */
    long nanosUntil(long t) {
        return origin + (long) ((t - origin) / speed) - wallNanos();
    }

    /**
     * Parks the calling thread until {@code t} is due, but at most {@code maxNanos}; true when it is due. Returns
     * early, false, when the thread is unparked or interrupted.
     */
    boolean awaitUntil(long t, long maxNanos) {
        long wait = nanosUntil(t);
        if (wait <= 0) {
            return true;
        }
        LockSupport.parkNanos(Math.min(wait, maxNanos));
        return nanosUntil(t) <= 0;
    }

    private static long wallNanos() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }
}
