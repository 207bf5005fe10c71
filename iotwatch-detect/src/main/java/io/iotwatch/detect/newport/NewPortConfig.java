package io.iotwatch.detect.newport;

import java.time.Duration;

/**
 * Thresholds of {@link NewPortDetector}.
 *
 * @param learning        event time from a device's first connection during which its pairs are learned
 * @param minLearningConnections connections a device must have made before its learning can end, so that
 *                        a device first seen while idle (a phone at night) learns from real use
 * @param externalOnly    whether only connections to external addresses count: traffic inside the network
 *                        (backups to the NAS, a hub polling its sensors) changes with what people do there
 * @param maxLearnedPairs the most (protocol, port) pairs a device may have learned and still be watched
 * @param maxLearnedDestinations the most distinct destinations a device may have contacted while learning
 *                        and still be watched
 * @param maxOtherUsers   the most other devices of the network that may use the pair toward the same kind of
 *                        destination for a device's first use of it to count
 * @param forgetAfter     a device idle this long is forgotten and learned again when it comes back
 * @param maxDevices      devices tracked; the stalest give way, counted
 */
public record NewPortConfig(
        Duration learning, int minLearningConnections, boolean externalOnly, int maxLearnedPairs,
        int maxLearnedDestinations, int maxOtherUsers, Duration forgetAfter, int maxDevices) {

    public NewPortConfig {
        if (learning == null || learning.isNegative() || learning.isZero()) {
            throw new IllegalArgumentException("learning must be a positive duration: " + learning);
        }
        if (minLearningConnections < 0) {
            throw new IllegalArgumentException("minLearningConnections must not be negative: " + minLearningConnections);
        }
        if (maxLearnedPairs < 1) {
            throw new IllegalArgumentException("maxLearnedPairs must be positive: " + maxLearnedPairs);
        }
        if (maxLearnedDestinations < 1) {
            throw new IllegalArgumentException("maxLearnedDestinations must be positive: " + maxLearnedDestinations);
        }
        if (maxOtherUsers < 0) {
            throw new IllegalArgumentException("maxOtherUsers must not be negative: " + maxOtherUsers);
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
     * <li>{@code minLearningConnections} 100: a sensor's minute keep-alives pass it within the learning
     *     period; a phone asleep at night does not, and learns once it is used.</li>
     * <li>{@code externalOnly} true: what a device does to the Internet is set by its firmware; inside the
     *     network, scans and password guessing are the scan and brute-force detectors' to find.</li>
     * <li>{@code maxLearnedPairs} 8: a camera, plug or sensor uses a handful (DNS, NTP, HTTPS, MQTT);
     *     phones and laptops use many ports, and a new one from them means nothing, so they are left
     *     alone.</li>
     * <li>{@code maxLearnedDestinations} 16: a device talks to its vendor's few cloud endpoints; one that
     *     reached more while learning is browsing, whatever its ports.</li>
     * <li>{@code maxOtherUsers} 0: a port other devices here already use (QUIC, plain HTTP once phones
     *     wake up) is the network's habit, not one device's change; the price is that a second device
     *     infected the same way is not reported again by this detector.</li>
     * <li>{@code forgetAfter} 7 days: a device gone for a week may come back repurposed.</li>
     * <li>{@code maxDevices} 100,000: bounded memory.</li>
     * </ul>
     */
    public static NewPortConfig defaults() {
        return new NewPortConfig(Duration.ofHours(2), 100, true, 8, 16, 0, Duration.ofDays(7), 100_000);
    }
}
