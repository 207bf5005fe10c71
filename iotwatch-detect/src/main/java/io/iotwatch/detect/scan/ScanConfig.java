package io.iotwatch.detect.scan;

import java.time.Duration;

/**
 * Thresholds of {@link ScanDetector}.
 *
 * @param window            tumbling window, per scanner and target (or port), in which distinct values count
 * @param portThreshold     distinct ports on one target that make a port scan
 * @param hostThreshold     distinct targets on one port that make a host sweep
 * @param maxDistinctPerKey distinct values counted per key; beyond it the count stays put
 * @param maxKeys           keys tracked per kind of scan; the stalest give way, counted
 */
public record ScanConfig(Duration window, int portThreshold, int hostThreshold, int maxDistinctPerKey, int maxKeys) {

    public ScanConfig {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be a positive duration: " + window);
        }
        if (portThreshold < 2) {
            throw new IllegalArgumentException("portThreshold must be at least 2: " + portThreshold);
        }
        if (hostThreshold < 2) {
            throw new IllegalArgumentException("hostThreshold must be at least 2: " + hostThreshold);
        }
        if (maxDistinctPerKey < Math.max(portThreshold, hostThreshold)) {
            throw new IllegalArgumentException("maxDistinctPerKey must be at least the thresholds: " + maxDistinctPerKey);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code window} 5 min, {@code portThreshold} 15, {@code hostThreshold} 25: Zeek's
     *     {@code policy/misc/scan.zeek} ({@code Scan::scan_interval}, {@code port_scan_threshold},
     *     {@code addr_scan_threshold}).</li>
     * <li>{@code maxDistinctPerKey} 4,096: far above the thresholds, 32 KB at most per key.</li>
     * <li>{@code maxKeys} 100,000: bounded memory under spoofed or wide scans.</li>
     * </ul>
     */
    public static ScanConfig defaults() {
        return new ScanConfig(Duration.ofMinutes(5), 15, 25, 4096, 100_000);
    }
}
