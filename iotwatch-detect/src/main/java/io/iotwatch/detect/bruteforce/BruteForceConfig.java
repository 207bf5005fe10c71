package io.iotwatch.detect.bruteforce;

import java.time.Duration;
import java.util.Set;

/**
 * Thresholds of the {@link BruteForceDetector}.
 *
 * @param failures           failed logins of one source against one target and service within {@code window}
 *                           that make a brute-force incident
 * @param attempts           short, small connections of one source to one target's login port within
 *                           {@code window} that make a brute-force incident when only flows are seen
 * @param window             how far back failures and attempts count, and how long after the last one a
 *                           success still counts as the burst having worked
 * @param authPorts          TCP ports whose short connections count as login attempts
 * @param maxAttemptDuration longest connection that still looks like one failed login
 * @param maxAttemptBytes    most bytes (both directions) a connection that looks like one failed login carries
 * @param sessionDuration    a connection at least this long after a burst is taken as a session that got in
 * @param sessionBytes       a connection carrying at least this many bytes after a burst is taken as a session
 *                           that got in
 * @param maxKeys            most (source, target, service) keys held; the stalest is evicted beyond it
 */
public record BruteForceConfig(
        int failures,
        int attempts,
        Duration window,
        Set<Integer> authPorts,
        Duration maxAttemptDuration,
        long maxAttemptBytes,
        Duration sessionDuration,
        long sessionBytes,
        int maxKeys) {

    public BruteForceConfig {
        if (failures < 2) {
            throw new IllegalArgumentException("failures must be at least 2: " + failures);
        }
        if (attempts < 2) {
            throw new IllegalArgumentException("attempts must be at least 2: " + attempts);
        }
        requirePositive("window", window);
        if (authPorts == null || authPorts.isEmpty()) {
            throw new IllegalArgumentException("authPorts must name at least one port");
        }
        for (Integer port : authPorts) {
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("authPorts must be ports 1 to 65535: " + port);
            }
        }
        authPorts = Set.copyOf(authPorts);
        requirePositive("maxAttemptDuration", maxAttemptDuration);
        if (maxAttemptBytes < 0) {
            throw new IllegalArgumentException("maxAttemptBytes must not be negative: " + maxAttemptBytes);
        }
        requirePositive("sessionDuration", sessionDuration);
        if (sessionDuration.compareTo(maxAttemptDuration) <= 0) {
            throw new IllegalArgumentException("sessionDuration must be longer than maxAttemptDuration: " + sessionDuration);
        }
        if (sessionBytes <= maxAttemptBytes) {
            throw new IllegalArgumentException("sessionBytes must be more than maxAttemptBytes: " + sessionBytes);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     *   <li>{@code failures} 10 and {@code window} 5 minutes: stricter than Zeek's SSH policy (30 failed logins
     *       per client in 30 minutes) and Elastic's rule (60 failures in 30 seconds), because IoT devices and
     *       firewall admin pages see few legitimate logins and Mirai-style guessing runs short credential lists;
     *       a person who mistypes a few times stays far below it.</li>
     *   <li>{@code attempts} 10: the same rate, for connections seen only as flows.</li>
     *   <li>{@code authPorts} 21 (ftp), 22 (ssh), 23 and 2323 (telnet, the ports Mirai guesses on), 3389 (rdp)
     *       and 5900 (vnc).</li>
     *   <li>{@code maxAttemptDuration} 5 seconds and {@code maxAttemptBytes} 10,000: a rejected password ends
     *       the connection within seconds after a key exchange of a few kilobytes.</li>
     *   <li>{@code sessionDuration} 30 seconds and {@code sessionBytes} 20,000: longer and larger than any
     *       failed attempt, what an interactive or scripted session that got in looks like.</li>
     *   <li>{@code maxKeys} 100,000: bounds memory at a few tens of megabytes under a spoofed-source flood.</li>
     * </ul>
     */
    public static BruteForceConfig defaults() {
        return new BruteForceConfig(10, 10, Duration.ofMinutes(5), Set.of(21, 22, 23, 2323, 3389, 5900),
                Duration.ofSeconds(5), 10_000, Duration.ofSeconds(30), 20_000, 100_000);
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
