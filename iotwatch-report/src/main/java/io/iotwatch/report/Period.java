package io.iotwatch.report;

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

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period's from " + from + " is after its to " + to);
        }
    }
}
