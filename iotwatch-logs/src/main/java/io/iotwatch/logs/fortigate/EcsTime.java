package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;

/** Times as the integration writes them: milliseconds, in the log's own offset. */
final class EcsTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EcsTime() {}

    static void write(JsonWriter w, String name, long epochNanos, int offsetSeconds) {
        w.dateTimeField(name, Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                (int) Math.floorMod(epochNanos, NANOS_PER_SECOND), offsetSeconds, 3);
    }

    /** {@code event.timezone}: the offset as {@code ±HHMM}, the form the integration normalizes {@code tz} to. */
    static String zone(int offsetSeconds) {
        int minutes = Math.abs(offsetSeconds) / 60;
        char[] zone = {offsetSeconds < 0 ? '-' : '+', digit(minutes / 600), digit(minutes / 60 % 10),
                digit(minutes % 60 / 10), digit(minutes % 10)};
        return new String(zone);
    }

    private static char digit(int value) {
        return (char) ('0' + value);
    }
}
