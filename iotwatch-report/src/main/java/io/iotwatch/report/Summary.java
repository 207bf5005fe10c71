package io.iotwatch.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of a period, and the sensors that watched it.
 *
 * @param alerts      stored alerts whose incident overlaps the period (last seen at or after its beginning, first
 *                    seen at or before its end)
 * @param occurrences occurrences behind those alerts: the sum of their counts (failed logins, packets of a
 *                    flood, ports scanned, ... as each detector counts them); an incident that overlaps the period
 *                    counts whole, occurrences outside the period included
 * @param byLevel     those alerts by level: low, medium, high and critical, in that order, each present (0 when none)
 * @param byGroup     those alerts by attack group, most first (then by name); groups without alerts are left out
 * @param byClass     those alerts by attack class, most first (then by name); classes without alerts are left out
 * @param events      events of every type stored for the period, from the per-minute traffic aggregates: every
 *                    minute that holds part of the period counts whole
 * @param packets     packets of the period's connection events, both directions, counted as {@code events} is
 * @param bytes       bytes of the period's connection events, both directions, counted as {@code events} is
 * @param sensors     the sensors whose state the audit log records in the period: each with a change in it, or
 *                    online or offline as it began; by name (in the order of its code points), at most
 *                    {@link ReportBuilder#MAX_SENSORS}
 */
public record Summary(long alerts, long occurrences, Map<String, Long> byLevel, Map<String, Long> byGroup,
        Map<String, Long> byClass, long events, long packets, long bytes, List<SensorRow> sensors) {

    public Summary {
        byLevel = ordered(byLevel);
        byGroup = ordered(byGroup);
        byClass = ordered(byClass);
        sensors = List.copyOf(sensors);
    }

    /** An unmodifiable copy that keeps the order it was given: the order is part of the report. */
    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
