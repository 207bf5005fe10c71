package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stored alerts as the dashboard shows them, with their triage. A time range selects the alerts whose
 * incident overlaps it (last seen at or after {@code from}, first seen at or before {@code to}), except
 * for {@link #series}. Thread-safe; failures are {@link StoreException}s.
 */
public interface AlertQueries {

    /** A page of the alerts the filter selects, the most recently active first (last seen, latest first, then id). */
    AlertPage find(AlertFilter filter, int offset, int limit);

    /**
     * Every alert the filter selects, in the order of {@link #find(AlertFilter, int, int)}, read in one query: one
     * consistent view however many there are, and no page sorted again for each offset.
     */
    void each(AlertFilter filter, Consumer<StoredAlert> action);

    /** The alert with this id, if stored. */
    Optional<StoredAlert> find(String id);

    /**
     * Alerts by level, counted at the step their incident began: one bucket per step, zeros included,
     * aligned as {@link TrafficQueries#series} aligns them.
     *
     * @param step a positive multiple of one minute
     * @throws IllegalArgumentException if the range would make more than 100,000 buckets
     */
    List<LevelBucket> series(Instant from, Instant to, Duration step);

    /** Every stored alert by level; every level is present, with 0 when it has none. */
    Map<ThreatLevel, Long> countByLevel();

    /** Occurrences behind all stored alerts: the sum of their counts. */
    long occurrences();

    /** Stored alerts that are open: never triaged, or triaged as open. */
    long open();

    /** The source addresses of the most alerts in the range, most first (then by address); alerts with none are left out. */
    List<AlertSource> topSources(Instant from, Instant to, int limit);

    /** The target addresses of the most alerts in the range, most first (then by address); alerts with none are left out. */
    List<AlertSource> topTargets(Instant from, Instant to, int limit);

    /** The alerts of the range by attack class and source, the most alerts first. */
    List<Threat> threats(Instant from, Instant to, int limit);

    /** For each of the addresses that some stored alert names as source or target: those alerts. */
    Map<String, HostAlerts> alertsFor(Collection<String> ips);
}
