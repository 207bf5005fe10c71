package io.iotwatch.store;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Outcome;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dashboard's traffic figures computed from the events themselves, the plain way, to check the
 * aggregates a store keeps against. Events are taken in the order given; counts are never negative.
 */
final class ExpectedTraffic {

    private ExpectedTraffic() {}

    /** Private as the dashboard counts hosts, decided through the JDK's parser rather than the store's. */
    static boolean isPrivate(String ip) {
        if (ip.isEmpty() || (ip.indexOf(':') < 0 && !ip.matches("[0-9.]+"))) {
            return false;
        }
        byte[] a;
        try {
            a = InetAddress.ofLiteral(ip).getAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (a.length == 4) {
            return first == 10 || first == 172 && second >= 16 && second < 32 || first == 192 && second == 168
                    || first == 169 && second == 254;
        }
        return first == 0xfc || first == 0xfd || first == 0xfe && second >= 0x80 && second < 0xc0;
    }

    static List<TrafficBucket> series(List<Event> events, Instant from, Instant to, Duration step) {
        long seconds = step.toSeconds();
        Map<Long, List<Event>> byStep = events.stream()
                .collect(Collectors.groupingBy(e -> Math.floorDiv(e.time().getEpochSecond(), seconds) * seconds));
        List<TrafficBucket> series = new ArrayList<>();
        for (long start = Math.floorDiv(from.getEpochSecond(), seconds) * seconds; start <= to.getEpochSecond(); start += seconds) {
            List<Event> in = byStep.getOrDefault(start, List.of());
            List<ConnectionEvent> connections = connections(in);
            series.add(new TrafficBucket(Instant.ofEpochSecond(start), in.size(), connections.size(),
                    connections.stream().mapToLong(c -> c.packetsOut() + c.packetsIn()).sum(),
                    connections.stream().mapToLong(ConnectionEvent::bytes).sum(),
                    in.stream().filter(e -> e instanceof DnsEvent).count(),
                    in.stream().filter(e -> e instanceof AuthEvent).count(),
                    in.stream().filter(e -> e instanceof AuthEvent a && a.outcome() == Outcome.FAILURE).count(),
                    in.stream().filter(e -> e instanceof ArpEvent).count()));
        }
        return series;
    }

    static List<ProtocolTotal> protocols(List<Event> events) {
        Map<String, List<ConnectionEvent>> byProtocol = connections(events).stream().collect(Collectors.groupingBy(
                c -> c.protocol().isEmpty() ? "other" : c.protocol().toLowerCase(Locale.ROOT)));
        return byProtocol.entrySet().stream()
                .map(e -> new ProtocolTotal(e.getKey(), e.getValue().size(),
                        e.getValue().stream().mapToLong(c -> c.packetsOut() + c.packetsIn()).sum(),
                        e.getValue().stream().mapToLong(ConnectionEvent::bytes).sum()))
                .sorted(Comparator.comparingLong(ProtocolTotal::bytes).reversed().thenComparing(ProtocolTotal::protocol))
                .toList();
    }

    static TrafficTotals totals(List<Event> events) {
        List<ConnectionEvent> connections = connections(events);
        return new TrafficTotals(events.size(), connections.size(),
                connections.stream().mapToLong(c -> c.packetsOut() + c.packetsIn()).sum(),
                connections.stream().mapToLong(ConnectionEvent::bytes).sum(),
                events.stream().map(Event::time).min(Comparator.naturalOrder()).orElse(null),
                events.stream().map(Event::time).max(Comparator.naturalOrder()).orElse(null));
    }

    /** Every host, most recently seen first, then by address. */
    static List<Host> hosts(List<Event> events) {
        Map<String, Figures> hosts = new HashMap<>();
        for (Event event : events) {
            Instant t = event.time();
            switch (event) {
                case ConnectionEvent c -> {
                    String src = c.source().ip();
                    String dst = c.destination().ip();
                    talked(seen(hosts, src, t), c, c.bytesOut(), c.bytesIn());
                    if (!dst.equals(src)) {
                        talked(seen(hosts, dst, t), c, c.bytesIn(), c.bytesOut());
                    }
                }
                case DnsEvent d -> {
                    seen(hosts, d.client().ip(), t);
                    seen(hosts, d.server().ip(), t);
                }
                case AuthEvent a -> seen(hosts, a.source().ip(), t);
                case ArpEvent a -> {
                    Figures host = seen(hosts, a.senderIp(), t);
                    if (host != null && !a.senderMac().isEmpty() && (host.macAt == null || !t.isBefore(host.macAt))) {
                        host.mac = a.senderMac();
                        host.macAt = t;
                    }
                }
                default -> { }
            }
        }
        return hosts.entrySet().stream()
                .map(e -> e.getValue().host(e.getKey()))
                .sorted(Comparator.comparing(Host::lastSeen).reversed().thenComparing(Host::ip))
                .toList();
    }

    /** Every private host of a connection, the most bytes first, then by address. */
    static List<Talker> talkers(List<Event> events) {
        return hosts(events).stream()
                .filter(h -> h.connections() > 0)
                .map(h -> new Talker(h.ip(), h.connections(), h.bytesOut(), h.bytesIn(), h.packets()))
                .sorted(Comparator.comparingLong((Talker t) -> t.bytesOut() + t.bytesIn()).reversed().thenComparing(Talker::ip))
                .toList();
    }

    private static final class Figures {
        Instant first;
        Instant last;
        String mac;
        Instant macAt;
        long connections;
        long bytesOut;
        long bytesIn;
        long packets;

        Host host(String ip) {
            return new Host(ip, mac, first, last, connections, bytesOut, bytesIn, packets);
        }
    }

    private static Figures seen(Map<String, Figures> hosts, String ip, Instant t) {
        if (!isPrivate(ip)) {
            return null;
        }
        Figures host = hosts.computeIfAbsent(ip, k -> new Figures());
        host.first = host.first == null || t.isBefore(host.first) ? t : host.first;
        host.last = host.last == null || t.isAfter(host.last) ? t : host.last;
        return host;
    }

    private static void talked(Figures host, ConnectionEvent c, long sent, long received) {
        if (host != null) {
            host.connections++;
            host.bytesOut += sent;
            host.bytesIn += received;
            host.packets += c.packetsOut() + c.packetsIn();
        }
    }

    private static List<ConnectionEvent> connections(List<Event> events) {
        return events.stream().filter(e -> e instanceof ConnectionEvent).map(e -> (ConnectionEvent) e).toList();
    }
}
