package io.iotwatch.report;

import io.iotwatch.store.LevelBucket;
import java.util.List;
import java.util.Objects;

/**
 * An audit report of one period: what was detected, where it came from and went to, how the detectors did,
 * what to do about it, how fast people handled it and whether the audit log holds. {@link ReportBuilder}
 * fills it from the store; docs/REPORTS.md describes each field as JSON.
 *
 * @param period          the period covered and when the report was made
 * @param summary         totals of the period's alerts and traffic
 * @param timeline        the period's alerts by level, counted at the step their incident began; steps of whole
 *                        minutes, hours or days, at most about 100 of them (see {@link ReportBuilder#timelineStep})
 * @param topSources      the 10 source addresses of the most alerts, most first
 * @param topTargets      the 10 target addresses of the most alerts, most first
 * @param detection       one row per detector that raised alerts in the period, most alerts first
 * @param recommendations one per attack group present in the period, most alerts first
 * @param compliance      response times, triage and the audit log's state
 * @param alerts          every alert of the period, most recently active first
 */
public record Report(Period period, Summary summary, List<LevelBucket> timeline, List<SourceRow> topSources,
        List<TargetRow> topTargets, List<DetectorRow> detection, List<Recommendation> recommendations,
        Compliance compliance, List<AlertRow> alerts) {

    public Report {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(compliance, "compliance");
        timeline = List.copyOf(timeline);
        topSources = List.copyOf(topSources);
        topTargets = List.copyOf(topTargets);
        detection = List.copyOf(detection);
        recommendations = List.copyOf(recommendations);
        alerts = List.copyOf(alerts);
    }
}
