package io.iotwatch.web.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The query parameters the API shares (a time range, a chart step, paging) and its JSON bodies. */
final class Query {

    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final int TARGET_POINTS = 120;
    private static final int MAX_POINTS = 2000;
    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,6})([smhd])");

    /** A time range; {@code from} before {@code to}. */
    record Range(Instant from, Instant to) {
        Duration length() {
            return Duration.between(from, to);
        }
    }

    private Query() {}

    /** {@code from} and {@code to} (ISO-8601 or {@code -15m}, {@code -1h}, {@code -7d}); by default the last {@code fallback}. */
    static Range range(Context ctx, Clock clock, Duration fallback) {
        Instant now = clock.instant();
        Instant to = time(ctx, "to", now, now);
        Instant from = time(ctx, "from", now, to.minus(fallback));
        if (!from.isBefore(to)) {
            throw new BadRequest("'from' must be before 'to'");
        }
        return new Range(from, to);
    }

    /**
     * The chart step in seconds: {@code step} when given (a multiple of 60), else the multiple of a minute
     * that gives about {@value #TARGET_POINTS} points; never more than {@value #MAX_POINTS} points.
     */
    static Duration step(Context ctx, Range range) {
        String text = ctx.queryParam("step");
        long seconds;
        if (text == null || text.isBlank()) {
            long minutes = Math.max(1, range.length().toMinutes() / TARGET_POINTS);
            seconds = minutes * 60;
        } else {
            seconds = integer("step", text, 60, 31L * 24 * 3600);
            if (seconds % 60 != 0) {
                throw new BadRequest("'step' must be a multiple of 60 seconds: " + text);
            }
        }
        if (range.length().getSeconds() / seconds > MAX_POINTS) {
            throw new BadRequest("'step' of " + seconds + " s gives more than " + MAX_POINTS + " points over this range");
        }
        return Duration.ofSeconds(seconds);
    }

    static int offset(Context ctx) {
        String text = ctx.queryParam("offset");
        return text == null || text.isBlank() ? 0 : (int) integer("offset", text, 0, Integer.MAX_VALUE);
    }

    static int limit(Context ctx, int fallback) {
        String text = ctx.queryParam("limit");
        return text == null || text.isBlank() ? fallback : (int) integer("limit", text, 1, MAX_LIMIT);
    }

    /** A whole-number parameter from {@code min} to {@code max}; {@code fallback} when absent or blank. */
    static long number(Context ctx, String name, long min, long max, long fallback) {
        String text = ctx.queryParam(name);
        return text == null || text.isBlank() ? fallback : integer(name, text, min, max);
    }

    /** A parameter's value, stripped, or null when absent or blank. */
    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 256) {
            throw new BadRequest("'" + name + "' is longer than 256 characters");
        }
        return value.strip();
    }

    private static Instant time(Context ctx, String name, Instant now, Instant fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Matcher relative = RELATIVE.matcher(text.strip());
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' is neither an ISO-8601 time like 2026-12-02T10:00:00Z nor like -15m, -1h, -7d: " + text);
        }
    }

    /** {@code text}, the value of parameter {@code name}, as a whole number from {@code min} to {@code max}. */
    static long integer(String name, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw new BadRequest("'" + name + "' must be " + min + " to " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest("'" + name + "' is not a whole number: " + text);
        }
    }

    /** The request's JSON body as a {@code type}; 400 naming {@code example} when it is not that JSON. */
    static <T> T body(Context ctx, Class<T> type, String example) {
        try {
            return ctx.bodyAsClass(type);
        } catch (Exception e) { // Javalin passes on Jackson's checked JsonProcessingException for a body that is not JSON
            throw new BadRequest("the body must be JSON like " + example);
        }
    }
}
