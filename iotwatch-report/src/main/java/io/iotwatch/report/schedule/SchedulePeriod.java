package io.iotwatch.report.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A period a scheduled report covers.
 *
 * @param cadence the schedule it belongs to
 * @param from    its start, included: midnight UTC of its first day
 * @param to      its end, included: one millisecond before the next period starts
 */
public record SchedulePeriod(Cadence cadence, Instant from, Instant to) {

    public SchedulePeriod {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period's from " + from + " is not before its to " + to);
        }
    }
}
