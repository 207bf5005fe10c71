package io.iotwatch.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The period a report covers.
 *
 * @param from        its beginning, included: alerts whose incident was still going on at or after it count
 * @param to          its end, included: alerts whose incident began at or before it count
 * @param generatedAt when the report was made (the builder's clock)
 */
public record Period(Instant from, Instant to, Instant generatedAt) {

    /** The longest period a report covers: a century, so that its timeline and daily traffic stay a few points. */
    public static final Duration MAX_LENGTH = Duration.ofDays(36_500);

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period's from " + from + " is after its to " + to);
        }
        if (tooLong(from, to)) {
            throw new IllegalArgumentException("the period from " + from + " to " + to + " is longer than " + MAX_LENGTH.toDays() + " days");
        }
    }

    /** Whether a report of {@code from} to {@code to} would cover more than {@link #MAX_LENGTH}. */
    public static boolean tooLong(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(MAX_LENGTH) > 0;
    }
}
