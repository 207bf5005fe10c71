package io.iotwatch.report.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.archive.ArchivedReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What is due when: a pure function of the time, the schedule and the folder's reports. */
class ReportScheduleTest {

    private static final Duration GRACE = Duration.ofSeconds(90);
    private static final ReportSchedule ALL = new ReportSchedule(List.of(Cadence.DAILY, Cadence.WEEKLY, Cadence.MONTHLY),
            List.of(ReportFormat.PDF, ReportFormat.JSON));
    private static final String SHA = "0".repeat(64);

    @Test
    void eachCadenceCoversItsLastWholeUtcPeriodUpToAMillisecondBeforeTheNext() {
        Instant wednesday = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(Cadence.DAILY.lastCompleted(wednesday)).isEqualTo(period(Cadence.DAILY, "2026-12-01T00:00:00Z", "2026-12-01T23:59:59.999Z"));
        assertThat(Cadence.WEEKLY.lastCompleted(wednesday))
                .isEqualTo(period(Cadence.WEEKLY, "2026-11-23T00:00:00Z", "2026-11-29T23:59:59.999Z"));
        assertThat(Cadence.MONTHLY.lastCompleted(wednesday))
                .isEqualTo(period(Cadence.MONTHLY, "2026-11-01T00:00:00Z", "2026-11-30T23:59:59.999Z"));

        Instant newYear = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(Cadence.DAILY.lastCompleted(newYear)).isEqualTo(period(Cadence.DAILY, "2026-12-31T00:00:00Z", "2026-12-31T23:59:59.999Z"));
        assertThat(Cadence.WEEKLY.lastCompleted(newYear))
                .isEqualTo(period(Cadence.WEEKLY, "2026-12-21T00:00:00Z", "2026-12-27T23:59:59.999Z"));
        assertThat(Cadence.MONTHLY.lastCompleted(newYear))
                .isEqualTo(period(Cadence.MONTHLY, "2026-12-01T00:00:00Z", "2026-12-31T23:59:59.999Z"));
        assertThat(Cadence.MONTHLY.lastCompleted(Instant.parse("2028-03-01T08:00:00Z")))
                .isEqualTo(period(Cadence.MONTHLY, "2028-02-01T00:00:00Z", "2028-02-29T23:59:59.999Z"));
        // an ISO week across the year's end, from a Monday's first instant
        assertThat(Cadence.WEEKLY.lastCompleted(Instant.parse("2027-01-04T00:00:00Z")))
                .isEqualTo(period(Cadence.WEEKLY, "2026-12-28T00:00:00Z", "2027-01-03T23:59:59.999Z"));
    }

    @Test
    void consecutivePeriodsNeitherOverlapNorLeaveAGap() {
        Random random = new Random(20261202L);
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            Instant time = start.plusMillis((long) (random.nextDouble() * Duration.ofDays(3650).toMillis()));
            for (Cadence cadence : Cadence.values()) {
                SchedulePeriod last = cadence.lastCompleted(time);
                SchedulePeriod before = cadence.lastCompleted(last.from());
                assertThat(last.to().plusMillis(1)).as("%s at %s", cadence, time).isEqualTo(cadence.periodStart(time));
                assertThat(before.to().plusMillis(1)).isEqualTo(last.from());
                assertThat(cadence.periodStart(last.to())).isEqualTo(last.from());
                assertThat(last.to()).isBefore(time.plusMillis(1));
            }
        }
    }

    @Test
    void theLatestPeriodsReportIsDueOnceTheGraceHasPassedInEachFormat() {
        Instant justAfterMidnight = Instant.parse("2026-12-02T00:00:30Z");
        // within the grace the period that just ended is not due yet: the one before it is
        assertThat(ReportSchedule.NONE.due(justAfterMidnight, GRACE, List.of())).isEmpty();
        List<DueReport> early = new ReportSchedule(List.of(Cadence.DAILY), List.of(ReportFormat.PDF)).due(justAfterMidnight, GRACE, List.of());
        assertThat(early).containsExactly(new DueReport(period(Cadence.DAILY, "2026-11-30T00:00:00Z", "2026-11-30T23:59:59.999Z"),
                ReportFormat.PDF));

        Instant afterGrace = Instant.parse("2026-12-02T00:01:30Z");
        List<DueReport> due = ALL.due(afterGrace, GRACE, List.of());
        assertThat(due).extracting(d -> d.period().cadence() + " " + d.format()).containsExactly(
                "DAILY PDF", "DAILY JSON", "WEEKLY PDF", "WEEKLY JSON", "MONTHLY PDF", "MONTHLY JSON");
        assertThat(due.getFirst().period()).isEqualTo(period(Cadence.DAILY, "2026-12-01T00:00:00Z", "2026-12-01T23:59:59.999Z"));
    }

    @Test
    void aReportTheFolderHoldsIsNotDueAgainButOneOnDemandOrOfAnotherFormatDoesNotCount() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        SchedulePeriod day = Cadence.DAILY.lastCompleted(now);
        ReportSchedule daily = new ReportSchedule(List.of(Cadence.DAILY), List.of(ReportFormat.PDF, ReportFormat.JSON));
        List<ArchivedReport> held = new ArrayList<>();
        held.add(report("daily", null, day.from(), day.to(), ReportFormat.PDF));
        held.add(report(null, "alice", day.from(), day.to(), ReportFormat.JSON));
        held.add(report("weekly", null, day.from(), day.to(), ReportFormat.JSON));
        held.add(report("daily", null, day.from(), day.to().plusMillis(1), ReportFormat.JSON));
        assertThat(daily.due(now, GRACE, held)).containsExactly(new DueReport(day, ReportFormat.JSON));

        held.add(report("daily", null, day.from(), day.to(), ReportFormat.JSON));
        assertThat(daily.due(now, GRACE, held)).isEmpty();
        // a day later the next day is due, and only that one: the folder's older reports are never made again
        assertThat(daily.due(now.plus(Duration.ofDays(1)), GRACE, held)).extracting(DueReport::period)
                .containsOnly(Cadence.DAILY.lastCompleted(now.plus(Duration.ofDays(1))));
        // after a week away, only the latest day is made up for
        assertThat(daily.due(now.plus(Duration.ofDays(7)), GRACE, List.of())).extracting(d -> d.period().from())
                .containsOnly(Instant.parse("2026-12-08T00:00:00Z"));
    }

    @Test
    void theNextLookIsAtTheNearestPeriodEndPlusTheGrace() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        assertThat(ReportSchedule.NONE.nextDue(now, GRACE)).isEmpty();
        assertThat(new ReportSchedule(List.of(Cadence.MONTHLY, Cadence.WEEKLY), List.of(ReportFormat.PDF)).nextDue(now, GRACE))
                .hasValue(Instant.parse("2026-12-07T00:01:30Z"));
        assertThat(new ReportSchedule(List.of(Cadence.MONTHLY), List.of(ReportFormat.PDF)).nextDue(now, GRACE))
                .hasValue(Instant.parse("2027-01-01T00:01:30Z"));
        ReportSchedule daily = new ReportSchedule(List.of(Cadence.DAILY), List.of(ReportFormat.PDF));
        assertThat(daily.nextDue(now, GRACE)).hasValue(Instant.parse("2026-12-03T00:01:30Z"));
        // inside the grace, the period that just ended is next
        assertThat(daily.nextDue(Instant.parse("2026-12-03T00:00:10Z"), GRACE)).hasValue(Instant.parse("2026-12-03T00:01:30Z"));
        assertThat(daily.nextDue(Instant.parse("2026-12-03T00:01:30Z"), GRACE)).hasValue(Instant.parse("2026-12-04T00:01:30Z"));
    }

    @Test
    void namesAreParsedAndASchedulesEntriesChecked() {
        assertThat(Cadence.parse(" Weekly ")).isEqualTo(Cadence.WEEKLY);
        assertThatThrownBy(() -> Cadence.parse("hourly")).hasMessage("'hourly' is not a report schedule; use one of daily, weekly, monthly");
        assertThatThrownBy(() -> new ReportSchedule(List.of(Cadence.DAILY, Cadence.DAILY), List.of(ReportFormat.PDF)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportSchedule(List.of(Cadence.DAILY), List.of()))
                .hasMessageContaining("need a format");
    }

    private static SchedulePeriod period(Cadence cadence, String from, String to) {
        return new SchedulePeriod(cadence, Instant.parse(from), Instant.parse(to));
    }

    private static ArchivedReport report(String schedule, String user, Instant from, Instant to, ReportFormat format) {
        return new ArchivedReport("20261202T000130000Z-00000000000" + Integer.toHexString(format.ordinal()), Instant.parse("2026-12-02T00:01:30Z"),
                from, to, format, 10, SHA, schedule, user);
    }
}
