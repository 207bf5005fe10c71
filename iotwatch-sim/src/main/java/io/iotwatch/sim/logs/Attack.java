package io.iotwatch.sim.logs;

import java.time.Instant;
import java.util.Locale;

/**
 * A planted attack: emits its lines and, once they are written, reports itself as a {@link TruthRecord}
 * whose start and end are the times of its first and last written line.
 */
abstract class Attack extends BatchSource {

    private final String profile;
    private String source = "";
    private String target = "";
    private String parameters = "";
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    protected Attack(String profile) {
        this.profile = profile;
    }

    protected final void describe(String attacker, String victim, String params) {
        this.source = attacker;
        this.target = victim;
        this.parameters = params;
    }

    @Override
    final void written(LogEvent event) {
        first = Math.min(first, event.time());
        last = Math.max(last, event.time());
    }

    final boolean planted() {
        return first <= last;
    }

    final TruthRecord truth() {
        return new TruthRecord(profile, source, target, toInstant(first), toInstant(last), parameters);
    }

    private static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, Timeline.SECOND), Math.floorMod(nanos, Timeline.SECOND));
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
