package io.iotwatch.detect.flood;

import java.time.Duration;

/**
 * Thresholds of {@link FloodDetector}. Rates are flood packets per second to one victim, averaged over
 * {@code window}: a flood is reported once its packets in the window reach rate times window, so one at
 * ten times the rate is reported a tenth of a window after it starts.
 *
 * @param window       sliding window over which the rates are averaged
 * @param synPerSecond TCP handshakes that never complete (SYN floods, forged or not)
 * @param tcpPerSecond other TCP with no connection behind it: ACK, PSH-ACK, RST-FIN floods
 * @param udpPerSecond UDP nobody answers
 * @param icmpPerSecond ICMP, answered or not
 * @param minFlows     flows in the window needed for the sum of several flows to count; fewer flows count only
 *                     one by one, so a few steady one-way streams (cameras to a recorder) never add up to a flood
 * @param maxVictims   victims tracked at once; the stalest give way, counted
 */
public record FloodConfig(Duration window, int synPerSecond, int tcpPerSecond, int udpPerSecond, int icmpPerSecond,
        int minFlows, int maxVictims) {

    public FloodConfig {
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("window must be 1 s to 1 h: " + window);
        }
        positive("synPerSecond", synPerSecond);
        positive("tcpPerSecond", tcpPerSecond);
        positive("udpPerSecond", udpPerSecond);
        positive("icmpPerSecond", icmpPerSecond);
        positive("minFlows", minFlows);
        positive("maxVictims", maxVictims);
    }

    /**
     * The defaults:
     * <ul>
     * <li>{@code window} 2 s: FortiGate's thresholds are per second, and a flood tool sends as fast as it can,
     *     so a short, bounded flood (20,000 packets in a second or two) is reported while it lasts; two
     *     seconds rather than one so that a rate is not judged on one burst. A reconnection storm (devices
     *     retrying a server that is down, with back-off) stays far below the rates either way.</li>
     * <li>{@code synPerSecond} and {@code tcpPerSecond} 2,000: FortiGate's recommended {@code tcp_syn_flood}
     *     threshold (SYN packets per second to one destination). Completed connections never count, so a busy
     *     server is not near it; 4,000 failed handshakes in 2 s have no benign cause on an IoT network.</li>
     * <li>{@code udpPerSecond} 5,000: FortiGate recommends 2,000 for {@code udp_flood}, and says to raise it
     *     where video flows; a 4K camera streaming 25 Mbit/s sends about 2,300 one-way packets per second, so
     *     twice that. Answered UDP (DNS, NTP, VPN tunnels, QUIC) never counts.</li>
     * <li>{@code icmpPerSecond} 250: FortiGate's {@code icmp_flood}; monitoring pings one host once a second.</li>
     * <li>{@code minFlows} 50: a flood of forged or rotating source ports is thousands of flows; a recorder
     *     receiving even 32 camera streams stays below it, and each stream alone is judged by its own rate.</li>
     * <li>{@code maxVictims} 100,000: bounded memory under a spoofed flood, about 500 bytes a victim (50 MB at
     *     most).</li>
     * </ul>
     */
    public static FloodConfig defaults() {
        return new FloodConfig(Duration.ofSeconds(2), 2000, 2000, 5000, 250, 50, 100_000);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
