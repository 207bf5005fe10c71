package io.iotwatch.report;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A known set of alerts and connections around a one-day period, made from a seed. */
final class ReportFixture {

    /** Text that breaks HTML, JSON and terminals if it is ever pasted rather than written as text. */
    // short enough for every column it goes in (addresses take 64 characters)
    static final String HOSTILE = "</script><img src=x onerror=alert(1)>\"q\" \\ \n{\"j\":1} é 🚨";

    private static final String[][] KINDS = {
        {"bruteforce", "DictionaryBruteForce", "BruteForce", "T1110.001"},
        {"scan", "Recon-PortScan", "Recon", "T1046"},
        {"scan", "Recon-PingSweep", "Recon", "T1018"},
        {"flood", "DDoS-SYN_Flood", "DDoS", "T1498.001"},
        {"flood", "DoS-UDP_Flood", "DoS", "T1498.001"},
        {"dnstunnel", "DNS-Tunneling", "C2", "T1071.004"},
        {"beacon", "C2-Beaconing", "C2", "T1071"},
        {"arpspoof", "MITM-ArpSpoofing", "Spoofing", "T1557.002"},
        {"newport", "Protocol-Anomaly", "Anomaly", ""},
        {"madeup", "Made-Up", "NoSuchGroup", ""},
    };

    final Instant from;
    final Instant to;
    final List<Alert> alerts = new ArrayList<>();
    final List<ConnectionEvent> connections = new ArrayList<>();

    ReportFixture(long seed) {
        // recent, so the audit blocks sealed by the test (at the wall clock) come after the period's end
        from = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3));
        to = from.plus(Duration.ofDays(1));
        Random random = new Random(seed);
        for (int i = 0; i < 80; i++) {
            String[] kind = KINDS[random.nextInt(KINDS.length)];
            // from two hours before the period to two hours after it, so some alerts fall outside
            Instant first = from.plusSeconds(random.nextInt(28 * 3600) - 2 * 3600);
            Instant last = first.plusSeconds(random.nextInt(90 * 60));
            String src = random.nextInt(8) == 0 ? null : "10.0.0." + (1 + random.nextInt(14));
            String dst = random.nextInt(6) == 0 ? null : "192.168.1." + (1 + random.nextInt(7));
            double confidence = random.nextInt(101) / 100.0;
            alerts.add(new Alert("alert-" + i, kind[0], "key-" + i, kind[1], kind[2],
                    ThreatLevel.values()[random.nextInt(4)], confidence, first, last, src, dst,
                    kind[2].equals("C2") ? "c2.example" : null, kind[3], 1 + random.nextInt(500), Map.of("i", i)));
        }
        alerts.add(new Alert("alert-hostile", HOSTILE, "hostile", HOSTILE, "Vendor", ThreatLevel.CRITICAL, 1.0,
                from.plusSeconds(600), from.plusSeconds(700), HOSTILE, "192.168.1.1", HOSTILE, "T1190", 3, Map.of()));
        for (int i = 0; i < 200; i++) {
            // ten minutes before the period to ten minutes after it
            Instant time = from.plusSeconds(random.nextInt(24 * 3600 + 1200) - 600);
            connections.add(new ConnectionEvent(new EventHeader(new EventId(7, i), time, "fortigate", "fgt", "line " + i),
                    "tcp", new Endpoint("10.0.0.2", 40000 + i), new Endpoint("192.168.1.3", 443), 100 + random.nextInt(5000),
                    random.nextInt(90000), 1 + random.nextInt(20), random.nextInt(30), Duration.ofSeconds(2), "close", "1",
                    "HTTPS", "SSL", 0x1b));
        }
    }

    void store(EventStore store) {
        store.accept(new Batch(List.<Event>copyOf(connections), List.of(), List.copyOf(alerts), Optional.empty()));
    }

    /**
     * Records sensors as 'serve' does, now: one online, one offline for a hostile reason under a hostile name, one
     * stopped (so that a period reaching to now has every state).
     */
    void recordSensors(EventStore store) {
        store.audit().record(List.of(
                new AuditRecord("source.online", "source:eth0", Map.of("kind", "interface")),
                new AuditRecord("source.offline", "source:" + HOSTILE, Map.of("kind", "folder", "reason", HOSTILE)),
                new AuditRecord("source.online", "source:demo", Map.of("kind", "demo")),
                new AuditRecord("source.stopped", "source:demo", Map.of("kind", "demo"))));
    }

    /** The alerts whose incident overlaps the period. */
    List<Alert> inPeriod() {
        return alerts.stream().filter(a -> !a.lastSeen().isBefore(from) && !a.firstSeen().isAfter(to)).toList();
    }

    /** The connections of the minutes that hold part of the period. */
    List<ConnectionEvent> connectionsInPeriod() {
        Instant first = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        return connections.stream().filter(c -> !c.header().time().isBefore(first) && c.header().time().isBefore(end)).toList();
    }
}
