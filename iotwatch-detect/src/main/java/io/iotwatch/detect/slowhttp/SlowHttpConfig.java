package io.iotwatch.detect.slowhttp;

import io.iotwatch.detect.Flows;
import java.time.Duration;
import java.util.Set;

/**
 * Thresholds of {@link SlowHttpDetector}.
 *
 * @param window                tumbling window, per source and server, over which concurrency is estimated
 * @param concurrentConnections slow connections held open at once by one source against one server that make an
 *                              attack
 * @param minDuration           a connection this long or longer can be a slow one
 * @param maxBytesPerSecond     and it carried at most this many bytes a second, both ways and headers included
 * @param ports                 the web ports watched
 * @param maxKeys               source and server pairs tracked at once; the stalest give way, counted
 */
public record SlowHttpConfig(Duration window, int concurrentConnections, Duration minDuration, int maxBytesPerSecond,
        Set<Integer> ports, int maxKeys) {

    public SlowHttpConfig {
        if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("window must be 1 min to 1 day: " + window);
        }
        if (concurrentConnections < 2) {
            throw new IllegalArgumentException("concurrentConnections must be at least 2: " + concurrentConnections);
        }
        if (minDuration == null || minDuration.isNegative() || minDuration.isZero() || minDuration.compareTo(window) > 0) {
            throw new IllegalArgumentException("minDuration must be positive and at most the window: " + minDuration);
        }
        if (maxBytesPerSecond < 1) {
            throw new IllegalArgumentException("maxBytesPerSecond must be positive: " + maxBytesPerSecond);
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
     * <li>{@code window} 5 min: longer than the 20 to 60 s after which web servers give up on a slow request
     *     header (Apache's mod_reqtimeout, nginx's client_header_timeout), so recycled connections are seen.</li>
     * <li>{@code concurrentConnections} 100: a browser keeps at most 6 connections to a server; slowloris must
     *     hold more than the server has workers (150 in Apache's default), and slowhttptest's examples hold 500
     *     and more.</li>
     * <li>{@code minDuration} 20 s: the shortest header timeout above; the HTTP flood detector counts only shorter
     *     connections.</li>
     * <li>{@code maxBytesPerSecond} 200: slowloris sends a header line every 10 to 15 s (about 15 bytes a second
     *     with the server's acknowledgements); a page or an API answer that was actually served is far more.</li>
     * <li>{@code ports} {@link Flows#WEB_PORTS}.</li>
     * <li>{@code maxKeys} 100,000: bounded memory, about 200 bytes a pair (20 MB at most).</li>
     * </ul>
     */
    public static SlowHttpConfig defaults() {
        return new SlowHttpConfig(Duration.ofMinutes(5), 100, Duration.ofSeconds(20), 200,
                Flows.WEB_PORTS, 100_000);
    }
}
