package io.iotwatch.report.schedule;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.archive.ArchivedReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Which reports are made on their own, and when they are due. What is due is a function of the time, this schedule
 * and what the reports folder holds, nothing else: for each cadence, the last period that ended {@code grace} or
 * more ago, in each format, unless the folder has that report of the schedule already. So a server that was down
 * makes only the latest period's report (a catch-up of one), and one that restarts makes nothing twice.
 *
 * @param cadences the cadences, each once; none for no scheduled reports
 * @param formats  the formats each scheduled report is written in, each once; at least one when there are cadences
 */
public record ReportSchedule(List<Cadence> cadences, List<ReportFormat> formats) {

    /** No scheduled reports. */
    public static final ReportSchedule NONE = new ReportSchedule(List.of(), List.of());

    public ReportSchedule {
        cadences = List.copyOf(cadences);
        formats = List.copyOf(formats);
        if (new HashSet<>(cadences).size() != cadences.size() || new HashSet<>(formats).size() != formats.size()) {
            throw new IllegalArgumentException("a report schedule names each cadence and format once: " + cadences + ", " + formats);
        }
        if (!cadences.isEmpty() && formats.isEmpty()) {
            throw new IllegalArgumentException("scheduled reports need a format");
        }
    }

    public boolean isEmpty() {
        return cadences.isEmpty();
    }

    /**
     * The reports due at {@code now} that {@code held} lacks, by cadence in the schedule's order and then by format.
     *
     * @param grace how long after a period's end its report waits, for its last moments to reach the store
     * @param held  the reports in the folder; a scheduled one counts when its schedule, period and format match
     */
    public List<DueReport> due(Instant now, Duration grace, Collection<ArchivedReport> held) {
        Instant settled = now.minus(grace);
        List<DueReport> due = new ArrayList<>();
        for (Cadence cadence : cadences) {
            SchedulePeriod period = cadence.lastCompleted(settled);
            for (ReportFormat format : formats) {
                boolean made = held.stream().anyMatch(report -> cadence.id().equals(report.schedule())
                        && report.from().equals(period.from()) && report.to().equals(period.to()) && report.format() == format);
                if (!made) {
                    due.add(new DueReport(period, format));
                }
            }
        }
        return due;
    }

    /** The first time after {@code now} at which a new period's report falls due; empty for no cadences. */
    public Optional<Instant> nextDue(Instant now, Duration grace) {
        Instant settled = now.minus(grace);
        return cadences.stream()
                .map(cadence -> cadence.nextStart(cadence.periodStart(settled)).plus(grace))
                .min(Instant::compareTo);
    }
}
