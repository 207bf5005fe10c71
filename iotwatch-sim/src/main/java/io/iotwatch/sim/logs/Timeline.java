package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/**
 * The simulated period in epoch nanoseconds, and the local-time rhythm of the site (the firewall logs
 * in UTC, so local time is UTC).
 *
 * @param start first instant of the run
 * @param end   instant after the last line
 */
record Timeline(long start, long end) {

    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    static long seconds(double seconds) {
        return (long) (seconds * SECOND);
    }

    static int hourOfDay(long time) {
        return (int) (Math.floorMod(Math.floorDiv(time, SECOND), 86_400L) / 3600);
    }

    static boolean daytime(long time) {
        int hour = hourOfDay(time);
        return hour >= 7 && hour < 23;
    }

    /** How busy people are at this hour, 1 at the peak of the day. */
    static double humanActivity(long time) {
        int hour = hourOfDay(time);
        if (hour < 6) {
            return 0.03;
        }
        return hour < 8 || hour >= 22 ? 0.3 : 1.0;
    }

    /** A uniformly random time in [from, to). */
    static long between(RandomGenerator rnd, long from, long to) {
        return from + rnd.nextLong(Math.max(1, to - from));
    }

    /** Start of the window attacks are planted in: after the quiet first two hours. */
    long attackFrom() {
        return start + 2 * HOUR;
    }

    /** End of the attack window, leaving room for sessions still open when an attack's last step starts. */
    long attackUntil() {
        return end - 30 * MINUTE;
    }
}
