package io.iotwatch.detect;

import java.time.Duration;
import java.time.Instant;

/** Event time as epoch milliseconds, clamped so that adding windows to it can never overflow. */
public final class EventTime {

    /** About 31,000 years either side of 1970: far beyond any real log, far below overflow. */
    private static final long LIMIT = 1_000_000_000_000_000L;

    private EventTime() {}

    public static long millis(Instant time) {
        long seconds = Math.clamp(time.getEpochSecond(), -LIMIT / 1000, LIMIT / 1000);
        return seconds * 1000 + time.getNano() / 1_000_000;
    }

    /** A duration in milliseconds, 0 when negative, at most {@code max}. */
    public static long millis(Duration duration, Duration max) {
        if (duration.isNegative()) {
            return 0;
        }
        return duration.compareTo(max) > 0 ? max.toMillis() : duration.toMillis();
    }
}
