package io.iotwatch.detect;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Events for detector tests: only the fields a detector reads, the rest left empty. */
public final class TestEvents {

    /** Where test time starts. */
    public static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    private static final AtomicLong POSITION = new AtomicLong();

    private TestEvents() {}

    /** {@link #T0} plus this many seconds. */
    public static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    public static EventHeader header(Instant time) {
        return new EventHeader(new EventId(1, POSITION.incrementAndGet()), time, "test", "", "");
    }

    public static AuthEvent auth(Instant time, String src, String dst, String service, String user, Outcome outcome) {
        return new AuthEvent(header(time), new Endpoint(src, 0), new Endpoint(dst, 0), user, service, "password", outcome, "");
    }

    public static ConnectionEvent connection(Instant time, String src, String dst, int dstPort, Duration duration, long bytes) {
        return connection(time, "tcp", src, dst, dstPort, duration, bytes, "accept");
    }

    public static ConnectionEvent connection(Instant time, String protocol, String src, String dst, int dstPort,
            Duration duration, long bytes, String action) {
        return new ConnectionEvent(header(time), protocol, new Endpoint(src, 40000), new Endpoint(dst, dstPort),
                bytes / 2, bytes - bytes / 2, 10, 10, duration, action, "", "", "", 0);
    }

    public static DnsEvent dns(Instant time, String client, String name, String type) {
        return new DnsEvent(header(time), new Endpoint(client, 53000), new Endpoint("10.0.0.1", 53), name, type, "NOERROR", List.of());
    }

    public static ArpEvent arp(Instant time, ArpEvent.Operation operation, String senderIp, String senderMac,
            String targetIp, String targetMac) {
        return new ArpEvent(header(time), operation, senderIp, senderMac, targetIp, targetMac);
    }

    public static VendorAlertEvent vendor(Instant time, String category, String signature, String severity, String src,
            String dst, String message) {
        return new VendorAlertEvent(header(time), category, signature, severity, "dropped", "tcp", new Endpoint(src, 0),
                new Endpoint(dst, 0), message);
    }

    /** Mostly short text, sometimes hundreds of characters, half of them any UTF-16 unit: controls, lone surrogates ... */
    public static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            sb.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x10000)));
        }
        return sb.toString();
    }

    /** A sink that keeps what it is told, for looking at afterwards. */
    public static final class Findings implements FindingSink {
        public final List<Finding> all = new ArrayList<>();

        @Override
        public void report(Finding finding) {
            all.add(finding);
        }

        public long total() {
            return all.stream().mapToLong(Finding::count).sum();
        }
    }
}
