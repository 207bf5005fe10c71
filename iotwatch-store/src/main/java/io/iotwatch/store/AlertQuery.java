package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;

/**
 * Which stored alerts to list, oldest first.
 *
 * @param since    alerts whose incident was still going on at or after this time (last seen), or null for all
 * @param minLevel alerts at this level or above, or null for all
 * @param limit    at most this many (1 to 1,000,000)
 */
public record AlertQuery(Instant since, ThreatLevel minLevel, int limit) {
    public AlertQuery {
        if (limit < 1 || limit > 1_000_000) {
            throw new IllegalArgumentException("limit must be 1 to 1000000: " + limit);
        }
    }

    public static AlertQuery all() {
        return new AlertQuery(null, null, 1_000_000);
    }
}
