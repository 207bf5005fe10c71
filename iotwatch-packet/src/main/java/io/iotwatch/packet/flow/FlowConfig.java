package io.iotwatch.packet.flow;

import java.time.Duration;

/**
 * Limits of the {@link FlowTable}.
 *
 * @param maxFlows         flows held at once; when full, the least recently active flow is ended (counted as
 *                         evicted) to make room
 * @param idleTimeout      a UDP, ICMP or other flow that both sides have spoken in ends after this long without a
 *                         packet
 * @param unansweredTimeout a UDP, ICMP or other flow that only one side has spoken in (a flood's packet, a
 *                         probe, a query nobody answered) ends after this long without a packet
 * @param tcpAttemptTimeout a TCP flow whose handshake never completed (a SYN nobody answered or answered only
 *                         by a SYN-ACK, a scan's probe, a flood's spoofed packet) ends after this long without a
 *                         packet
 * @param tcpIdleTimeout   an established TCP connection ends after this long without a packet
 * @param closedTimeout    a TCP connection that was reset or closed by both sides ends after this long without
 *                         a packet; the grace keeps its last ACKs and retransmissions in the same flow
 * @param activeTimeout    a flow still active after this long is ended and continues as a new flow, so a
 *                         connection that lasts for days still reports its traffic
 */
public record FlowConfig(
        int maxFlows, Duration idleTimeout, Duration unansweredTimeout, Duration tcpAttemptTimeout, Duration tcpIdleTimeout, Duration closedTimeout,
        Duration activeTimeout) {

    public FlowConfig {
        if (maxFlows < 1 || maxFlows > 1 << 26) {
            throw new IllegalArgumentException("maxFlows must be 1 to " + (1 << 26) + ": " + maxFlows);
        }
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("unansweredTimeout", unansweredTimeout);
        requirePositive("tcpAttemptTimeout", tcpAttemptTimeout);
        requirePositive("tcpIdleTimeout", tcpIdleTimeout);
        requirePositive("closedTimeout", closedTimeout);
        requirePositive("activeTimeout", activeTimeout);
    }

    /**
     * The defaults: 131,072 flows (16 MB for the table, 29 MB more for the flow-mode features), enough for a busy
     * small site, with floods' single-packet flows evicted first as the least recently active; idle 60 seconds
     * and established TCP 5 minutes, as Zeek's UDP and TCP inactivity timeouts; an unanswered UDP or ICMP flow
     * 10 seconds, Suricata's timeout for new flows under load, so that the single-packet flows of a UDP or ICMP
     * flood are reported while it goes on instead of a minute later; a TCP attempt 5 seconds,
     * Zeek's tcp_attempt_delay, which also keeps scans and SYN floods from filling the table; closed 5
     * seconds, Zeek's close delay; active 30 minutes, as common NetFlow exporters.
     */
    public static FlowConfig defaults() {
        return new FlowConfig(131_072, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(30));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
