package io.iotwatch.report.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.archive.ArchivedReport;
import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule at work on a real store and folder: what is due is made once, a failure is tried again. */
class ReportSchedulerTest {

    private static final Duration GRACE = ReportScheduler.grace(Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void theDueReportsAreMadeOnceAndAFailureIsLoggedAndTriedAgain() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        ReportSchedule schedule = new ReportSchedule(List.of(Cadence.DAILY, Cadence.WEEKLY), List.of(ReportFormat.JSON));
        StoreSettings settings = StoreSettings.embedded(dir.resolve("data"));
        try (EventStore store = EventStores.open(settings);
                EventStore readOnly = EventStores.open(settings, new AuditSettings(EventStores.defaultKeyFile(settings), false,
                        1000, Duration.ofSeconds(30)))) {
            ReportArchive archive = ReportArchive.open(dir.resolve("reports"), clock);
            // the audit log refuses the reports' entries: nothing is made, nothing is thrown
            try (ReportScheduler failing = new ReportScheduler(schedule, archive, readOnly, clock, GRACE)) {
                assertThat(failing.makeDue()).isEmpty();
            }
            assertThat(archive.list()).isEmpty();

            try (ReportScheduler scheduler = new ReportScheduler(schedule, archive, store, clock, GRACE)) {
                List<ArchivedReport> made = scheduler.makeDue();
                assertThat(made).extracting(r -> r.schedule() + " " + r.from() + " " + r.to()).containsExactly(
                        "daily 2026-12-01T00:00:00Z 2026-12-01T23:59:59.999Z",
                        "weekly 2026-11-23T00:00:00Z 2026-11-29T23:59:59.999Z");
                assertThat(made).allSatisfy(r -> assertThat(r.requestedBy()).isNull());
                assertThat(scheduler.makeDue()).isEmpty();
            }
            // a restart finds them in the folder
            ReportArchive reopened = ReportArchive.open(dir.resolve("reports"), clock);
            try (ReportScheduler restarted = new ReportScheduler(schedule, reopened, store, clock, GRACE)) {
                assertThat(restarted.makeDue()).isEmpty();
            }
            assertThat(reopened.list()).hasSize(2);
        }
    }

    @Test
    void startedItMakesTheLatestDaysReportAndStopsWhenClosed() throws Exception {
        ReportSchedule daily = new ReportSchedule(List.of(Cadence.DAILY), List.of(ReportFormat.JSON));
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir.resolve("data")))) {
            Clock clock = Clock.systemUTC();
            ReportArchive archive = ReportArchive.open(dir.resolve("reports"), clock);
            ReportScheduler scheduler = ReportScheduler.start(daily, archive, store, clock, GRACE);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (archive.list().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                scheduler.close();
            }
            List<ArchivedReport> made = archive.list();
            assertThat(made).hasSize(1);
            assertThat(made.getFirst().schedule()).isEqualTo("daily");
            assertThat(made.getFirst().from()).isEqualTo(Cadence.DAILY.lastCompleted(clock.instant().minus(GRACE)).from());
        }
    }

    @Test
    void withoutCadencesNothingStarts() throws Exception {
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir.resolve("data")));
                ReportScheduler scheduler = ReportScheduler.start(ReportSchedule.NONE,
                        ReportArchive.open(dir.resolve("reports"), Clock.systemUTC()), store, Clock.systemUTC(), GRACE)) {
            assertThat(scheduler.makeDue()).isEmpty();
        }
    }
}
