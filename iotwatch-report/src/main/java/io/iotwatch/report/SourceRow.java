package io.iotwatch.report;

import java.time.Instant;
import java.util.List;

/**
 * A source address of the period's alerts.
 *
 * @param ip           the address, as the alerts name it
 * @param alerts       the period's alerts from it
 * @param occurrences  occurrences behind those alerts (the sum of their counts)
 * @param classes      their attack classes, the most alerts first (then by name)
 * @param highestLevel the highest level among them: low, medium, high or critical
 * @param firstSeen    when the earliest of them began
 * @param lastSeen     when the latest of them was last seen
 */
public record SourceRow(String ip, long alerts, long occurrences, List<String> classes, String highestLevel,
        Instant firstSeen, Instant lastSeen) {

    public SourceRow {
        classes = List.copyOf(classes);
    }
}
