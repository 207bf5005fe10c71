package io.iotwatch.detect;

import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.EventSources;
import java.time.Duration;
import java.util.Set;

/**
 * What detectors read alike from connection events of packets and of firewall logs: the transport, the TCP
 * flags, and when the flow began and ended. A packet source stamps a flow with its first packet and reports
 * it when it ends; a firewall writes its traffic log when the session ends, with the session's duration.
 */
public final class Flows {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    /** HTTP and HTTPS on their standard and common alternative ports (web interfaces of cameras and hubs). */
    public static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8000, 8008, 8080, 8081, 8443, 8888);

    /** Longest duration believed: a flow table reports a flow at the latest after its active timeout (7 days at most). */
    private static final Duration LONGEST = Duration.ofDays(7);

    private Flows() {}

    public static boolean isTcp(String protocol) {
        // The parsers hand the same "tcp" instance each time, which equals() tells at once.
        return "tcp".equals(protocol) || "6".equals(protocol) || protocol.equalsIgnoreCase("tcp");
    }

    public static boolean isUdp(String protocol) {
        return "udp".equals(protocol) || "17".equals(protocol) || protocol.equalsIgnoreCase("udp");
    }

    public static boolean isIcmp(String protocol) {
        return protocol.equals("icmp") || protocol.equals("icmp6") || protocol.equals("ipv6-icmp")
                || protocol.equals("1") || protocol.equals("58");
    }

    /**
     * Whether {@link ConnectionEvent#tcpFlags()} says which flags were set: packets always do (0 then means none
     * was), firewall logs do not give them.
     */
    public static boolean flagsKnown(ConnectionEvent c) {
        return c.tcpFlags() != 0 || c.header().source().equals(EventSources.PACKET);
    }

    /** The flow's duration in milliseconds, 0 when negative, at most 7 days. */
    public static long durationMillis(ConnectionEvent c) {
        return EventTime.millis(c.duration(), LONGEST);
    }

    /** Event time of the flow's first packet, epoch milliseconds. */
    public static long startMillis(ConnectionEvent c) {
        long time = EventTime.millis(c.time());
        return fromPackets(c) ? time : time - durationMillis(c);
    }

    /** Event time of the flow's last packet, epoch milliseconds. */
    public static long endMillis(ConnectionEvent c) {
        long time = EventTime.millis(c.time());
        return fromPackets(c) ? time + durationMillis(c) : time;
    }

    private static boolean fromPackets(ConnectionEvent c) {
        return c.header().source().equals(EventSources.PACKET);
    }
}
