package io.iotwatch.report;

import java.util.List;

/**
 * A target address of the period's alerts.
 *
 * @param ip        the address, as the alerts name it
 * @param alerts    the period's alerts against it
 * @param attackers distinct source addresses of those alerts (alerts that name no source add none)
 * @param classes   their attack classes, the most alerts first (then by name)
 */
public record TargetRow(String ip, long alerts, long attackers, List<String> classes) {

    public TargetRow {
        classes = List.copyOf(classes);
    }
}
