package io.iotwatch.detect;

import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventSources;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Connection events for detector tests. */
public final class TestFlows {

    public static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static final AtomicLong POSITION = new AtomicLong();

    private TestFlows() {}

    public static EventHeader header(Instant time) {
        return new EventHeader(new EventId(1, POSITION.incrementAndGet()), time, "test", "", "");
    }

    public static ConnectionEvent connection(Instant time, String protocol, String src, String dst, int port,
            long bytesOut, long bytesIn, long packetsIn, String action) {
        return new ConnectionEvent(header(time), protocol, new Endpoint(src, 40000), new Endpoint(dst, port),
                bytesOut, bytesIn, bytesOut > 0 ? 1 : 0, packetsIn, Duration.ZERO, action, "", "", "", 0);
    }

    /** A completed TCP connection that got a reply. */
    public static ConnectionEvent tcp(Instant time, String src, String dst, int port, long bytesOut, long bytesIn) {
        return connection(time, "tcp", src, dst, port, bytesOut, bytesIn, bytesIn > 0 ? 1 : 0, "close");
    }

    /**
     * A flow as the packet path reports it: stamped with its first packet, its TCP flags known (0 meaning none),
     * and an action named from them as {@code PacketEvents} names it.
     */
    public static ConnectionEvent packetFlow(Instant first, String protocol, String src, int srcPort, String dst, int dstPort,
            long packetsOut, long bytesOut, long packetsIn, long bytesIn, Duration duration, int flags) {
        String action = (flags & Flows.RST) != 0 ? (packetsIn > 0 ? "server-rst" : "client-rst")
                : (flags & Flows.FIN) != 0 && packetsIn > 0 ? "close" : packetsIn == 0 ? "timeout" : "accept";
        return new ConnectionEvent(new EventHeader(new EventId(2, POSITION.incrementAndGet()), first, EventSources.PACKET,
                "test.pcap", ""), protocol, new Endpoint(src, srcPort), new Endpoint(dst, dstPort), bytesOut, bytesIn,
                packetsOut, packetsIn, duration, action, "", "", "", flags);
    }

    /**
     * A session as a firewall logs it when it ends: logged at {@code end}, TCP flags unknown, packets and bytes each
     * way as {@code sentpkt}, {@code sentbyte}, {@code rcvdpkt}, {@code rcvdbyte}.
     */
    public static ConnectionEvent logged(Instant end, String protocol, String src, int srcPort, String dst, int dstPort,
            long packetsOut, long bytesOut, long packetsIn, long bytesIn, Duration duration, String action) {
        return new ConnectionEvent(header(end), protocol, new Endpoint(src, srcPort), new Endpoint(dst, dstPort), bytesOut,
                bytesIn, packetsOut, packetsIn, duration, action, "", "", "", 0);
    }

    /** A connection the firewall denied. */
    public static ConnectionEvent denied(Instant time, String protocol, String src, String dst, int port) {
        return connection(time, protocol, src, dst, port, 60, 0, 0, "deny");
    }

    /** An echo request nobody answered. */
    public static ConnectionEvent unansweredPing(Instant time, String src, String dst) {
        return connection(time, "icmp", src, dst, 0, 84, 0, 0, "accept");
    }

    private static final String[] IPS = {"", "not-an-ip", "999.1.1.1", "1.2.3", "1.2.3.4.5", "10.0.0.1", "192.168.1.9",
        "8.8.8.8", "203.0.113.66", "::1", "fe80::1", "fd00::5", "2001:db8::1", "::ffff:10.0.0.3", "ff02::1",
        "224.0.0.251", "255.255.255.255", "0.0.0.0", "1:2:3", "0.0.0.00001", "..."};
    private static final String[] PROTOCOLS = {"tcp", "udp", "icmp", "", "6", "999", "gre"};
    private static final String[] ACTIONS = {"accept", "close", "deny", "timeout", "client-rst", "server-rst", ""};
    private static final long[] BYTES = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 25_000_000, 1500};

    /** Feeds seeded hostile events: garbage addresses, times out of order and extreme, absurd counts and durations. */
    public static void hostile(Detector detector, long seed) {
        Random random = new Random(seed);
        Instant base = T0;
        for (int i = 0; i < 200_000; i++) {
            Instant time = switch (random.nextInt(20)) {
                case 0 -> Instant.MIN;
                case 1 -> Instant.MAX;
                case 2 -> Instant.EPOCH;
                default -> base.plusSeconds(random.nextInt(200_000) - 1000);
            };
            Duration duration = switch (random.nextInt(10)) {
                case 0 -> Duration.ofSeconds(Long.MAX_VALUE);
                case 1 -> Duration.ofSeconds(-5);
                default -> Duration.ofMillis(random.nextInt(10_000));
            };
            ConnectionEvent event = new ConnectionEvent(header(time), pick(random, PROTOCOLS),
                    new Endpoint(pick(random, IPS), random.nextInt(65536)), new Endpoint(pick(random, IPS), random.nextInt(40)),
                    BYTES[random.nextInt(BYTES.length)], BYTES[random.nextInt(BYTES.length)],
                    BYTES[random.nextInt(BYTES.length)], BYTES[random.nextInt(BYTES.length)], duration,
                    pick(random, ACTIONS), "", "", "", random.nextInt());
            detector.onEvent(event, f -> {});
            if (i % 500 == 0) {
                detector.advance(base.plusSeconds(i), f -> {});
            }
        }
        detector.advance(Instant.MAX, f -> {});
        detector.advance(Instant.MIN, f -> {});
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
