package io.iotwatch.report.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures read in the HTML and PDF reports: whole numbers with thousands separators ({@code 12,345}), shares as
 * percentages with one decimal ({@code 42.5%}), confidences with two decimals ({@code 0.87}), times in UTC to the
 * second ({@code 2026-12-02 09:00:00 UTC}, without the zone in
 * tables whose heading names it) and durations in their two largest units ({@code 3 min 4 s}).
 */
public final class ReportText {

    /** What stands for a value the report does not have. */
    public static final String NONE = "–";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() {}

    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** A share of 0 to 1 as a percentage. */
    public static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f%%", share * 100);
    }

    public static String confidence(double confidence) {
        return String.format(Locale.ENGLISH, "%.2f", confidence);
    }

    public static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** A time in a table whose heading says UTC: {@code 2026-12-02 09:00:00}. */
    public static String cellTime(Instant instant) {
        return instant == null ? NONE : CELL_TIME.format(instant);
    }

    /** Bytes in the largest binary unit that keeps the figure at 1 or more: {@code 1.5 MiB}. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? count(bytes) + " B" : String.format(Locale.ENGLISH, "%.1f %s", value, units[unit]);
    }

    /**
     * A duration in seconds in its two largest units, rounded to the smaller one: {@code 45 s}, {@code 3 min 4 s},
     * {@code 2 h 5 min}, {@code 1 d 3 h}; below 10 seconds with one decimal ({@code 2.5 s}). Null reads as none.
     */
    public static String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        if (seconds < 10) {
            return String.format(Locale.ENGLISH, "%.1f s", seconds);
        }
        long total = Math.round(seconds);
        if (total < 60) {
            return total + " s";
        }
        if (total < 3600) {
            return pair(total, 60, "min", "s");
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 24 * 60) {
            return pair(minutes, 60, "h", "min");
        }
        return pair(Math.round(seconds / 3600), 24, "d", "h");
    }

    private static String pair(long small, int per, String bigUnit, String smallUnit) {
        long big = small / per;
        long rest = small % per;
        return rest == 0 ? big + " " + bigUnit : big + " " + bigUnit + " " + rest + " " + smallUnit;
    }
}
