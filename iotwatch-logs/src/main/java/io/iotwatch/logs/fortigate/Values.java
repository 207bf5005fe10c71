package io.iotwatch.logs.fortigate;

/**
 * Reads a line's values the way the Elastic integration sees them before mapping: a value that is
 * empty or {@code N/A} counts as absent, and numbers are decimal longs.
 */
final class Values {
    static final long NONE = Long.MIN_VALUE;

    private Values() {}

    /** The value of the key, or null when absent, empty or {@code N/A}. */
    static String text(FortiGateLine line, String key) {
        return present(line, key) ? line.get(key) : null;
    }

    /** The value of the first of the keys that has one, or null. */
    static String first(FortiGateLine line, String... keys) {
        for (String key : keys) {
            String value = text(line, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of the keys whose value is a decimal long, or {@link #NONE}. */
    static long firstNumber(FortiGateLine line, String... keys) {
        for (String key : keys) {
            long value = line.getLong(key, NONE);
            if (value != NONE) {
                return value;
            }
        }
        return NONE;
    }

    static long number(FortiGateLine line, String key) {
        return line.getLong(key, NONE);
    }

    /** Whether the key has a value that is neither empty nor {@code N/A}. Allocates nothing. */
    static boolean present(FortiGateLine line, String key) {
        int i = line.indexOf(key);
        return i >= 0 && line.valueLength(i) > 0 && !line.valueEquals(i, "N/A");
    }
}
