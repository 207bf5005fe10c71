package io.iotwatch.store;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.CommunityId;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Events of every type with every field filled, for storing and reading back. */
final class SampleEvents {

    static final long STREAM = 0x9e3779b97f4a7c15L; // negative as a long, as half of all fingerprints are
    static final Instant TIME = Instant.parse("2024-03-01T12:34:56.123456789Z");

    private SampleEvents() {}

    static EventHeader header(long position) {
        return header(STREAM, position, "line at " + position);
    }

    static EventHeader header(long stream, long position, String raw) {
        return new EventHeader(new EventId(stream, position), TIME.plusSeconds(position), "fortigate", "FGT60F-branch", raw);
    }

    static ConnectionEvent connection(long position) {
        return new ConnectionEvent(header(position), "tcp", new Endpoint("192.168.1.23", 50123),
                new Endpoint("2001:db8::1", 443), 1234, 567890, 12, 34, Duration.ofMillis(1500),
                "close", "12", "HTTPS", "SSL", 0x1b, CommunityId.of("1:LQU9qZlK+B5F3KDmev6m5PMibrg="));
    }

    static DnsEvent dns(long position) {
        return new DnsEvent(header(position), new Endpoint("192.168.1.23", 53000), new Endpoint("9.9.9.9", 53),
                "example.com", "A", "NOERROR", List.of("93.184.216.34", "93.184.216.35"));
    }

    static AuthEvent auth(long position) {
        return new AuthEvent(header(position), new Endpoint("203.0.113.9", 40222), new Endpoint("192.168.1.1", 22),
                "admin", "ssh", "password", Outcome.FAILURE, "bad password");
    }

    static ArpEvent arp(long position) {
        return new ArpEvent(header(position), ArpEvent.Operation.REPLY,
                "192.168.1.50", "24:0a:c4:12:34:56", "192.168.1.1", "00:09:0f:aa:bb:cc");
    }

    static VendorAlertEvent vendorAlert(long position) {
        return new VendorAlertEvent(header(position), "ips", "Mirai.Botnet", "critical", "dropped", "tcp",
                new Endpoint("198.51.100.7", 61000), new Endpoint("192.168.1.80", 23), "botnet login attempt");
    }

    static GenericEvent generic(long position) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "event");
        fields.put("subtype", "system");
        fields.put("msg", "Admin login successful");
        return new GenericEvent(header(position), "event/system", fields);
    }

    static ClassificationEvent classification(long position) {
        return new ClassificationEvent(header(position), "default@1a2b3c4d", "DDoS-SYN_Flood", "DDoS", 0.97, "tcp",
                new Endpoint("198.51.100.7", 61000), new Endpoint("192.168.1.80", 80), Duration.ofMillis(20),
                CommunityId.ipv4(CommunityId.DEFAULT_SEED, 0xC6336407, 0xC0A80150, 6, 61000, 80));
    }

    /** One event of each type, at positions {@code first}, {@code first + 1}, ... */
    static List<Event> oneOfEach(long first) {
        return List.of(connection(first), dns(first + 1), auth(first + 2), arp(first + 3), vendorAlert(first + 4),
                generic(first + 5), classification(first + 6));
    }

    /** Each type with every optional field left empty. */
    static List<Event> bare(long first) {
        return List.of(
                new ConnectionEvent(header(first), "", null, null, 0, 0, 0, 0, null, "", "", "", "", 0),
                new DnsEvent(header(first + 1), null, null, "", "", "", null),
                new AuthEvent(header(first + 2), null, null, "", "", "", null, ""),
                new ArpEvent(header(first + 3), null, "", "", "", ""),
                new VendorAlertEvent(header(first + 4), "", "", "", "", "", null, null, ""),
                new GenericEvent(new EventHeader(new EventId(STREAM, first + 5), Instant.EPOCH, "", "", new byte[0]), "", null),
                new ClassificationEvent(header(first + 6), "", "", "", 0, "", null, null, null, null));
    }

    // private (RFC 1918, link-local, RFC 4193, fe80::/10) and not: public, look-alikes, no address at all
    private static final List<String> ADDRESSES = List.of("10.0.0.1", "10.200.3.4", "172.16.5.4", "172.31.255.1",
            "192.168.1.23", "192.168.1.24", "169.254.10.10", "fd12:3456::1", "fc00::7", "fe80::1", "febf::2",
            "8.8.8.8", "172.32.0.1", "192.169.1.1", "11.0.0.1", "2001:db8::1", "fec0::1", "10.0.0.256", "x", "");
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "TCP", "icmp", "47", "");
    private static final List<String> MACS = List.of("24:0a:c4:12:34:56", "00:09:0f:aa:bb:cc", "b8:27:eb:01:02:03", "");

    /**
     * {@code count} events of a seeded mix of types at positions {@code first}, {@code first + 1}, ... of
     * {@link #STREAM}, at random times (nanoseconds included) within {@code span} after {@code start},
     * between addresses private and not; counts are never negative.
     */
    static List<Event> traffic(Random random, long first, int count, Instant start, Duration span) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long position = first + i;
            Instant time = start.plusNanos((long) (random.nextDouble() * span.toNanos()));
            EventHeader header = new EventHeader(new EventId(STREAM, position), time, "fortigate", "", "line " + position);
            events.add(switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> new ConnectionEvent(header, pick(random, PROTOCOLS), endpoint(random), endpoint(random),
                        random.nextInt(100_000), random.nextInt(1_000_000), random.nextInt(100), random.nextInt(1000),
                        Duration.ofMillis(random.nextInt(10_000)), "accept", "", "", "", 0);
                case 4 -> new DnsEvent(header, endpoint(random), endpoint(random), "example.com", "A", "NOERROR", List.of());
                case 5 -> new AuthEvent(header, endpoint(random), endpoint(random), "admin", "ssh", "password",
                        Outcome.values()[random.nextInt(Outcome.values().length)], "");
                case 6 -> new ArpEvent(header, ArpEvent.Operation.REPLY, pick(random, ADDRESSES), pick(random, MACS),
                        pick(random, ADDRESSES), "");
                case 7 -> new VendorAlertEvent(header, "ips", "sig", "high", "dropped", "tcp", endpoint(random),
                        endpoint(random), "");
                default -> new GenericEvent(header, "event/system", Map.of("msg", "x"));
            });
        }
        return events;
    }

    private static Endpoint endpoint(Random random) {
        return new Endpoint(pick(random, ADDRESSES), random.nextInt(65536));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    static Reject reject(long position, String raw) {
        return reject(position, raw.getBytes(StandardCharsets.UTF_8));
    }

    static Reject reject(long position, byte[] raw) {
        return new Reject(new EventId(STREAM, position), "/var/log/fortigate.log", position / 100 + 1, raw, "no key=value pairs");
    }

    static Batch batch(List<? extends Event> events, List<Reject> rejects) {
        return new Batch(List.copyOf(events), rejects, Optional.empty());
    }

    static Batch batch(List<? extends Event> events, List<Reject> rejects, Checkpoint checkpoint) {
        return new Batch(List.copyOf(events), rejects, Optional.of(checkpoint));
    }
}
