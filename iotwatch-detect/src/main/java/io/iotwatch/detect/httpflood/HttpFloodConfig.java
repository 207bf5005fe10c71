package io.iotwatch.detect.httpflood;

import io.iotwatch.detect.Flows;
import java.time.Duration;
import java.util.Set;

/**
 * Thresholds of {@link HttpFloodDetector}.
 *
 * @param window               sliding window over which a source's connection rate is averaged
 * @param connectionsPerSecond completed connections a second from one source to one web server that make a flood
 * @param maxDuration          longer connections do not count: a flood's are short, and long idle ones are the
 *                             slow-HTTP detector's
 * @param ports                the web ports watched
 * @param maxKeys              source and server pairs tracked at once; the stalest give way, counted
 */
public record HttpFloodConfig(Duration window, int connectionsPerSecond, Duration maxDuration, Set<Integer> ports,
        int maxKeys) {

    public HttpFloodConfig {
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("window must be 1 s to 1 h: " + window);
        }
        if (connectionsPerSecond < 1) {
            throw new IllegalArgumentException("connectionsPerSecond must be positive: " + connectionsPerSecond);
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be a positive duration: " + maxDuration);
        }
        if (ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p == null || p < 1 || p > 65535)) {
            throw new IllegalArgumentException("ports must be one or more ports from 1 to 65535: " + ports);
        }
        ports = Set.copyOf(ports);
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code window} 10 s and {@code connectionsPerSecond} 50, so 500 connections in 10 s from one source to
     *     one server: a browser keeps at most 6 connections to a server open and reuses them, an IoT device
     *     polling its hub opens one every few seconds; a flood tool without keep-alive opens hundreds a second.
     *     Many clients at normal rates never add up: the rate is per source.</li>
     * <li>{@code maxDuration} 20 s, the slow-HTTP detector's shortest connection.</li>
     * <li>{@code ports} {@link Flows#WEB_PORTS}.</li>
     * <li>{@code maxKeys} 100,000: bounded memory, about 230 bytes a pair (23 MB at most).</li>
     * </ul>
     */
    public static HttpFloodConfig defaults() {
        return new HttpFloodConfig(Duration.ofSeconds(10), 50, Duration.ofSeconds(20), Flows.WEB_PORTS, 100_000);
    }
}
