package io.iotwatch.report.schedule;

import io.iotwatch.report.LowercaseNames;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a scheduled report is made, and the periods it covers, all in UTC: a day from midnight, an ISO week
 * from Monday midnight, a calendar month from the first's midnight. A period's report covers it from its start to
 * one millisecond before the next period's start, both included, so that consecutive reports share no instant.
 */
public enum Cadence {
    DAILY,
    WEEKLY,
    MONTHLY;

    /** The smallest step of time the report's bounds are given in: the period's end is the next start minus this. */
    static final Duration RESOLUTION = Duration.ofMillis(1);

    /** The name users give: {@code daily}, {@code weekly} or {@code monthly}, in any case. */
    public static Cadence parse(String name) {
        return LowercaseNames.parse(Cadence.class, name, "a report schedule");
    }

    /** The names as users give them: {@code daily, weekly, monthly}. */
    public static String names() {
        return LowercaseNames.all(Cadence.class);
    }

    /** Its name in lowercase, as the configuration and a scheduled report's metadata give it. */
    public String id() {
        return LowercaseNames.of(this);
    }

    /** The start of the period that holds {@code time}. */
    public Instant periodStart(Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        LocalDate start = switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the period after the one that starts at {@code start}. */
    public Instant nextStart(Instant start) {
        return shift(start, 1);
    }

    /** The start of the period before the one that starts at {@code start}. */
    public Instant previousStart(Instant start) {
        return shift(start, -1);
    }

    private Instant shift(Instant start, int periods) {
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate shifted = switch (this) {
            case DAILY -> day.plusDays(periods);
            case WEEKLY -> day.plusWeeks(periods);
            case MONTHLY -> day.plusMonths(periods);
        };
        return shifted.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last period that ended at or before {@code time}: the one before the period holding it. */
    public SchedulePeriod lastCompleted(Instant time) {
        Instant current = periodStart(time);
        return new SchedulePeriod(this, previousStart(current), current.minus(RESOLUTION));
    }
}
