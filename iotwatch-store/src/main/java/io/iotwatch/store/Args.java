package io.iotwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Checks of arguments that the queries and stores share, each failing with an IllegalArgumentException. */
final class Args {

    static final int MAX_LIMIT = 1_000_000;
    // longer than any chart's step, and short enough that no step arithmetic on an Instant overflows
    static final Duration MAX_STEP = Duration.ofDays(36_500);

    private Args() {}

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
        return limit;
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        return offset;
    }

    static void range(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** A step of whole minutes, from one minute to {@link #MAX_STEP}. */
    static long stepSeconds(Duration step) {
        Objects.requireNonNull(step, "step");
        if (!step.isPositive() || step.getNano() != 0 || step.getSeconds() % 60 != 0) {
            throw new IllegalArgumentException("step must be a positive multiple of one minute: " + step);
        }
        if (step.compareTo(MAX_STEP) > 0) {
            throw new IllegalArgumentException("step must be at most " + MAX_STEP.toDays() + " days: " + step);
        }
        return step.getSeconds();
    }

    /** Text that must be given, at most {@code maxChars} long; empty text passes when {@code emptyOk}. */
    static String text(String value, String name, int maxChars, boolean emptyOk) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() && !emptyOk) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(name + " must be at most " + maxChars + " characters: " + value.length());
        }
        return value;
    }

    /** Text that may be missing (null or empty: null), else at most {@code maxChars} long. */
    static String optional(String value, String name, int maxChars) {
        return value == null || value.isEmpty() ? null : text(value, name, maxChars, false);
    }
}
