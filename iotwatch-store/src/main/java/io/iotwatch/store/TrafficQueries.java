package io.iotwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Traffic as the dashboard shows it, read from aggregates kept as events are stored: no call scans events.
 * Ranges are closed ({@code from} and {@code to} included) and read whole buckets: minutes for series and
 * protocols, hours for talkers. Thread-safe; failures are {@link StoreException}s.
 */
public interface TrafficQueries {

    /** Totals over everything stored. */
    TrafficTotals totals();

    /**
     * One bucket per step, zeros included, from the step that holds {@code from} to the one that holds
     * {@code to}; steps are aligned to whole multiples of {@code step} since the epoch.
     *
     * @param step a positive multiple of one minute
     * @throws IllegalArgumentException if the range would make more than 100,000 buckets
     */
    List<TrafficBucket> series(Instant from, Instant to, Duration step);

    /** Connections by protocol over the minutes of the range, most bytes first. */
    List<ProtocolTotal> protocols(Instant from, Instant to);

    /**
     * The hosts that exchanged the most bytes (sent and received) over the hours of the range, most first; over
     * a range longer than two days, over the whole UTC days it overlaps (read from daily totals: by the hour, a
     * week of thousands of hosts is too many rows to add up for a dashboard).
     */
    List<Talker> talkers(Instant from, Instant to, int limit);

    /**
     * A page of hosts, most recently seen first.
     *
     * @param search part of the address or MAC (any case), or null or empty for every host
     */
    HostPage hosts(String search, int offset, int limit);

    /** The host with this address, if it was seen. */
    Optional<Host> host(String ip);
}
