package io.iotwatch.report.schedule;

import io.iotwatch.report.render.ReportFormat;
import java.util.Objects;

/**
 * A scheduled report that the reports folder lacks.
 *
 * @param period the period it covers
 * @param format the form to write it in
 */
public record DueReport(SchedulePeriod period, ReportFormat format) {

    public DueReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(format, "format");
    }
}
