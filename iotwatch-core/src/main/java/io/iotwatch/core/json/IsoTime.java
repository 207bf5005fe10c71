package io.iotwatch.core.json;

/**
 * Appends ISO-8601 date-times without allocating: output of every event goes through here, and
 * java.time's formatters build several objects per call.
 */
final class IsoTime {
    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoTime() {}

    /**
     * Appends {@code uuuu-MM-ddTHH:mm:ss[.f…]±HH:MM} (or {@code Z} for offset 0), the local date-time at
     * the offset, with exactly {@code fractionDigits} (0 to 9) digits of the second, truncated.
     */
    static void append(StringBuilder out, long epochSecond, int nano, int offsetSeconds, int fractionDigits) {
        if (nano < 0 || nano > 999_999_999) {
            throw new IllegalArgumentException("nano out of range: " + nano);
        }
        if (fractionDigits < 0 || fractionDigits > 9) {
            throw new IllegalArgumentException("fraction digits out of range: " + fractionDigits);
        }
        if (Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            throw new IllegalArgumentException("offset out of range: " + offsetSeconds);
        }
        long local = Math.addExact(epochSecond, offsetSeconds);
        long days = Math.floorDiv(local, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(local, SECONDS_PER_DAY);
        appendDate(out, days);
        out.append('T');
        pad(out, secondOfDay / 3600, 2);
        out.append(':');
        pad(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        pad(out, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            out.append('.');
            int fraction = nano;
            for (int i = fractionDigits; i < 9; i++) {
                fraction /= 10;
            }
            pad(out, fraction, fractionDigits);
        }
        appendOffset(out, offsetSeconds);
    }

    /** Civil date from days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's algorithm. */
    private static void appendDate(StringBuilder out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        // ISO 8601 expanded years carry a sign, as java.time prints them.
        if (year > 9999) {
            out.append('+');
        } else if (year < 0) {
            out.append('-');
        }
        long absYear = Math.abs(year);
        if (absYear < 10_000) {
            pad(out, (int) absYear, 4);
        } else {
            out.append(absYear);
        }
        out.append('-');
        pad(out, month, 2);
        out.append('-');
        pad(out, day, 2);
    }

    private static void appendOffset(StringBuilder out, int offsetSeconds) {
        if (offsetSeconds == 0) {
            out.append('Z');
            return;
        }
        int abs = Math.abs(offsetSeconds);
        out.append(offsetSeconds < 0 ? '-' : '+');
        pad(out, abs / 3600, 2);
        out.append(':');
        pad(out, abs / 60 % 60, 2);
        if (abs % 60 != 0) {
            out.append(':');
            pad(out, abs % 60, 2);
        }
    }

    private static void pad(StringBuilder out, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }
}
