package io.iotwatch.report.schedule;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.archive.ArchivedReport;
import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.store.EventStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the scheduled reports while the monitor runs: at start the ones due (the latest period of each cadence, if
 * the folder lacks it), then each as its period ends and the grace has passed. Between reports it looks again at
 * least every {@link #RECHECK}, which retries a report that failed and catches up with a clock set anew. A failure
 * is logged and never stops the monitor.
 */
public final class ReportScheduler implements AutoCloseable {

    /** The longest wait between two looks at what is due. */
    static final Duration RECHECK = Duration.ofHours(1);
    /** Time for the alerts of a period's last moments to leave the detectors and reach the store. */
    static final Duration SETTLE = Duration.ofMinutes(1);
    /** How long closing waits for a report being made to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);

    private final ReportSchedule schedule;
    private final ReportArchive archive;
    private final EventStore store;
    private final Clock clock;
    private final Duration grace;
    private final ScheduledExecutorService executor;

    /** A scheduler that has not started: {@link #makeDue} makes what is due when called (tests). */
    ReportScheduler(ReportSchedule schedule, ReportArchive archive, EventStore store, Clock clock, Duration grace) {
        this.schedule = schedule;
        this.archive = archive;
        this.store = store;
        this.clock = clock;
        this.grace = grace;
        this.executor = schedule.isEmpty() ? null
                : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("iotwatch-reports").daemon().factory());
    }

    /**
     * How long after a period's end its report is made: {@link #SETTLE} for its alerts to be stored, then the audit
     * log's block interval ({@code audit.block-seconds}) for the block holding their entries to be sealed.
     */
    public static Duration grace(Duration auditBlockInterval) {
        return SETTLE.plus(auditBlockInterval);
    }

    /** Starts making the schedule's reports into the archive from the store; with no cadences, does nothing. */
    public static ReportScheduler start(ReportSchedule schedule, ReportArchive archive, EventStore store, Clock clock,
            Duration grace) {
        ReportScheduler scheduler = new ReportScheduler(schedule, archive, store, clock, grace);
        if (scheduler.executor != null) {
            LOG.info("scheduled reports: {} as {}, into {}", schedule.cadences().stream().map(Cadence::id).toList(),
                    schedule.formats().stream().map(ReportFormat::extension).toList(), archive.folder());
            scheduler.executor.execute(scheduler::tick);
        }
        return scheduler;
    }

    /** Makes the reports due now, one after the other, and returns those made; each failure is logged and skipped. */
    List<ArchivedReport> makeDue() throws InterruptedException {
        List<DueReport> due;
        try {
            due = schedule.due(clock.instant(), grace, archive.list());
        } catch (IOException e) {
            LOG.error("cannot list the reports folder {} to see which scheduled reports are due: {}; trying again within {} minutes",
                    archive.folder(), e.toString(), RECHECK.toMinutes());
            return List.of();
        }
        List<ArchivedReport> made = new ArrayList<>();
        for (DueReport report : due) {
            SchedulePeriod period = report.period();
            try {
                made.add(archive.create(store, period.from(), period.to(), report.format(),
                        ReportArchive.Origin.schedule(period.cadence().id())));
            } catch (IOException | RuntimeException e) {
                LOG.error("cannot make the {} report of {} to {} as {}; trying again within {} minutes",
                        period.cadence().id(), period.from(), period.to(), report.format().extension(), RECHECK.toMinutes(), e);
            }
        }
        return made;
    }

    private void tick() {
        try {
            makeDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("the report schedule failed; trying again within {} minutes", RECHECK.toMinutes(), e);
        }
        Instant now = clock.instant();
        Duration wait = schedule.nextDue(now, grace).map(next -> Duration.between(now, next)).orElse(RECHECK);
        if (wait.compareTo(RECHECK) > 0) {
            wait = RECHECK;
        }
        try {
            executor.schedule(this::tick, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("the report schedule stops");
        }
    }

    /** Stops; a report being made is given {@link #STOP_WAIT} to finish. */
    @Override
    public void close() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a scheduled report was still being made after {}: it may be left unfinished, and then is not listed",
                        STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
