package io.iotwatch.detect.beacon;

import java.time.Duration;

/**
 * Thresholds of {@link BeaconDetector}.
 *
 * @param evaluateEvery          how often, in event time, pairs are scored
 * @param minConnections         connections a pair needs before it is scored
 * @param minDuration            time from a pair's first to its last kept connection before it is scored
 * @param threshold              total score (0..1) at or above which a pair beacons; its timing score must
 *                               reach it too
 * @param prevalenceWindow       how far back distinct internal sources of a destination are counted
 * @param maxPrevalence          the most distinct internal sources a destination may have and still count
 *                               as one host's private peer
 * @param skipTimeSync           leave out udp/123 (NTP), periodic by design
 * @param window                 how long connections are kept for scoring
 * @param maxConnectionsPerPair  connections kept per pair; older ones give way (ring buffer)
 * @param maxPairs               pairs tracked; the stalest give way, counted
 * @param maxDestinations        destinations tracked for prevalence; the stalest give way, counted
 */
public record BeaconConfig(
        Duration evaluateEvery,
        int minConnections,
        Duration minDuration,
        double threshold,
        Duration prevalenceWindow,
        int maxPrevalence,
        boolean skipTimeSync,
        Duration window,
        int maxConnectionsPerPair,
        int maxPairs,
        int maxDestinations) {

    public BeaconConfig {
        positive("evaluateEvery", evaluateEvery);
        positive("minDuration", minDuration);
        positive("prevalenceWindow", prevalenceWindow);
        positive("window", window);
        if (minConnections < 4) {
            throw new IllegalArgumentException("minConnections must be at least 4 (quartiles of intervals): " + minConnections);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1]: " + threshold);
        }
        if (maxPrevalence < 1) {
            throw new IllegalArgumentException("maxPrevalence must be at least 1: " + maxPrevalence);
        }
        if (maxConnectionsPerPair < minConnections) {
            throw new IllegalArgumentException("maxConnectionsPerPair must be at least minConnections: " + maxConnectionsPerPair);
        }
        if (maxPairs < 1) {
            throw new IllegalArgumentException("maxPairs must be positive: " + maxPairs);
        }
        if (maxDestinations < 1) {
            throw new IllegalArgumentException("maxDestinations must be positive: " + maxDestinations);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code evaluateEvery} 15 min: scoring sorts every busy pair, so not on every tick; a beacon is
     *     still reported within a quarter hour.</li>
     * <li>{@code minConnections} 20: RITA scores from 4 connections, but keep-alives are everywhere on IoT
     *     networks and 4 regular connections say little.</li>
     * <li>{@code minDuration} 10 min: long enough that 20 regular connections are a habit, not a burst of
 *     retries; the coverage score then counts hourly buckets over longer spans, as RITA's does.</li>
     * <li>{@code threshold} 0.8: RITA's default for a likely beacon.</li>
     * <li>{@code prevalenceWindow} 24 h and {@code maxPrevalence} 1: as RITA's prevalence, the share of
     *     hosts that talk to a destination; NTP, MQTT brokers and cloud APIs are periodic too but many
     *     devices of a kind share them, while a C2 server is contacted by the one infected host.</li>
     * <li>{@code skipTimeSync} true: NTP clients poll on fixed intervals by design (RFC 5905).</li>
     * <li>{@code window} 24 h: RITA scores one day of connection logs.</li>
     * <li>{@code maxConnectionsPerPair} 512: over 8 h of a one-minute beacon, at 8 KB a pair.</li>
     * <li>{@code maxPairs} and {@code maxDestinations} 100,000: bounded memory under a flood of
     *     distinct peers.</li>
     * </ul>
     */
    public static BeaconConfig defaults() {
        return new BeaconConfig(Duration.ofMinutes(15), 20, Duration.ofMinutes(10), 0.8, Duration.ofHours(24), 1, true,
                Duration.ofHours(24), 512, 100_000, 100_000);
    }

    private static void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration: " + value);
        }
    }
}
