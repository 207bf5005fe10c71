package io.iotwatch.detect.anomaly;

import java.time.Duration;

/**
 * Thresholds of {@link NewPortDetector}.
 *
 * @param learning        event time from a device's first connection during which its pairs are learned
 * @param maxLearnedPairs the most (protocol, port) pairs a device may have learned and still be watched
 * @param forgetAfter     a device idle this long is forgotten and learned again when it comes back
 * @param maxDevices      devices tracked; the stalest give way, counted
 */
public record NewPortConfig(Duration learning, int maxLearnedPairs, Duration forgetAfter, int maxDevices) {

    public NewPortConfig {
        if (learning == null || learning.isNegative() || learning.isZero()) {
            throw new IllegalArgumentException("learning must be a positive duration: " + learning);
        }
        if (maxLearnedPairs < 1) {
            throw new IllegalArgumentException("maxLearnedPairs must be positive: " + maxLearnedPairs);
        }
        if (forgetAfter == null || forgetAfter.compareTo(learning) < 0) {
            throw new IllegalArgumentException("forgetAfter must be at least learning: " + forgetAfter);
        }
        if (maxDevices < 1) {
            throw new IllegalArgumentException("maxDevices must be positive: " + maxDevices);
        }
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code learning} 2 h: long enough to see a device's keep-alive, DNS, NTP and cloud ports.</li>
     * <li>{@code maxLearnedPairs} 8: a camera, plug or sensor uses a handful (DNS, NTP, HTTPS, MQTT);
     *     phones and laptops use many ports, and a new one from them means nothing, so they are left
     *     alone.</li>
     * <li>{@code forgetAfter} 7 days: a device gone for a week may come back repurposed.</li>
     * <li>{@code maxDevices} 100,000: bounded memory.</li>
     * </ul>
     */
    public static NewPortConfig defaults() {
        return new NewPortConfig(Duration.ofHours(2), 8, Duration.ofDays(7), 100_000);
    }
}
