package io.iotwatch.app.cli;

import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.logs.file.FileIngester;
import io.iotwatch.packet.capture.CaptureDamage;
import io.iotwatch.packet.pipeline.PacketPipeline;
import io.iotwatch.store.StoreSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what an ingest run read and found, and prints the end-of-run summary. */
final class IngestReport {

    private static final int REJECTS_SHOWN = 20;
    /** Bounds the memory of a run over endless distinct rejects; beyond it they are only counted. */
    private static final int MAX_REJECT_GROUPS = 1_000;
    private static final int TOP = 5;
    private static final int MAX_DISTINCT = 10_000;

    private final List<FileIngester.Result> results = new ArrayList<>();
    private final List<PacketPipeline.Result> captures = new ArrayList<>();
    /** Rejects grouped by file and reason, each group with its count and first line, in order of appearance. */
    private final Map<String, RejectGroup> rejectGroups = new LinkedHashMap<>();
    private final Map<AlertKind, Long> vendorAlerts = new HashMap<>();
    private final Map<FailedLogin, Long> failedLogins = new HashMap<>();
    private long uncounted;
    private Map<String, Map<ThreatLevel, Long>> alertCounts;
    private long alertTotal;
    private Map<String, Long> suppressed = Map.of();

    // Kept as records and worded only when printed: observe() runs for every event of the ingest.
    private record AlertKind(String category, String signature, String severity) {
        @Override
        public String toString() {
            return category + " " + quoted(signature) + " (" + severity + ")";
        }
    }

    private record FailedLogin(String user, String source, String service) {
        @Override
        public String toString() {
            return quoted(user) + " from " + source + " via " + service;
        }
    }

    /** Called for every batch before it is stored. */
    void observe(Batch batch) {
        for (Event event : batch.events()) {
            if (event instanceof VendorAlertEvent alert) {
                count(vendorAlerts, new AlertKind(alert.category(), alert.signature(), alert.severity()));
            } else if (event instanceof AuthEvent auth && auth.outcome() == Outcome.FAILURE) {
                count(failedLogins, new FailedLogin(auth.user(), auth.source().ip(), auth.service()));
            }
        }
        for (Reject reject : batch.rejects()) {
            String key = reject.origin() + "\0" + reject.reason();
            RejectGroup group = rejectGroups.get(key);
            if (group == null && rejectGroups.size() < MAX_REJECT_GROUPS) {
                group = new RejectGroup(reject);
                rejectGroups.put(key, group);
            }
            if (group != null) {
                group.count++;
            }
        }
    }

    void add(FileIngester.Result result) {
        results.add(result);
    }

    void add(PacketPipeline.Result result) {
        captures.add(result);
    }

    /** True when a capture was damaged (its valid part was still read). */
    boolean damaged() {
        return captures.stream().anyMatch(c -> !c.damage().isEmpty());
    }

    /** What the detectors raised; without it the summary says detection was off. */
    void detection(DetectionEngine engine) {
        this.alertCounts = engine.alertCounts();
        this.alertTotal = engine.alertTotal();
        this.suppressed = engine.suppressedCounts();
    }

    void print(PrintWriter out, long elapsedNanos, String database, StoreSummary stored) {
        long lines = 0;
        long skipped = 0;
        long rejects = 0;
        Map<EventType, Long> events = new EnumMap<>(EventType.class);
        for (FileIngester.Result r : results) {
            lines += r.lines();
            skipped += r.skipped();
            rejects += r.rejects();
            r.events().forEach((type, n) -> events.merge(type, n, Long::sum));
        }
        for (PacketPipeline.Result c : captures) {
            c.events().forEach((type, n) -> events.merge(type, n, Long::sum));
        }
        double seconds = elapsedNanos / 1e9;
        if (!results.isEmpty() || captures.isEmpty()) {
            out.printf("Read %,d line%s from %,d log input%s in %.2f s (%,.0f lines/s)%n", lines, lines == 1 ? "" : "s",
                    results.size(), results.size() == 1 ? "" : "s", seconds, lines / Math.max(seconds, 1e-9));
        }
        printCaptures(out, seconds);
        if (skipped > 0) {
            out.printf("  %,d lines were already stored by an earlier run and were skipped%n", skipped);
        }
        out.println("Events by type:");
        for (EventType type : EventType.values()) {
            out.printf("  %-13s %,12d%n", type.label(), events.getOrDefault(type, 0L));
        }
        out.printf("  %-13s %,12d%n", "rejected", rejects);
        long blank = lines - skipped - rejects - results.stream().mapToLong(FileIngester.Result::eventCount).sum();
        if (blank > 0) {
            out.printf("  %-13s %,12d  (empty lines carry nothing and are not stored)%n", "empty", blank);
        }
        printRejects(out, rejects);
        printTop(out, "FortiGate's own alerts (category, signature, severity):", vendorAlerts);
        printTop(out, "Failed logins (user, source, service):", failedLogins);
        printAlerts(out);
        if (uncounted > 0) {
            out.printf("  (%,d more alerts and failed logins, of kinds beyond the first %,d, are not in these lists)%n",
                    uncounted, MAX_DISTINCT);
        }
        out.printf("Stored in %s: %,d events, %,d rejects in total%n", database, stored.totalEvents(), stored.rejects());
        out.flush();
    }

    private void printCaptures(PrintWriter out, double seconds) {
        if (captures.isEmpty()) {
            return;
        }
        long packets = captures.stream().mapToLong(PacketPipeline.Result::packets).sum();
        out.printf("Read %,d packet%s from %,d capture%s in %.2f s (%,.0f packets/s)%n", packets, packets == 1 ? "" : "s",
                captures.size(), captures.size() == 1 ? "" : "s", seconds, packets / Math.max(seconds, 1e-9));
        for (PacketPipeline.Result c : captures) {
            out.printf("  %s: %,d packets, %,d bytes on the wire, %,d flows", c.origin(), c.packets(), c.wireBytes(), c.flows());
            if (c.evictions() > 0) {
                out.printf(" (%,d ended early: the flow table was full; see flow.max-flows)", c.evictions());
            }
            out.println();
            if (c.packetsWithoutFlow() > 0) {
                out.printf("    %,d packets in no flow (ARP and other non-IP, later IP fragments, cut transport headers)%n",
                        c.packetsWithoutFlow());
            }
            if (c.undecodable() > 0) {
                out.printf("    %,d packets of a link type iotwatch does not decode%n", c.undecodable());
            }
            if (c.truncated() > 0) {
                out.printf("    %,d packets cut short by the capture (snapshot length); their headers were read as far as they go%n",
                        c.truncated());
            }
            c.malformed().forEach((reason, n) -> out.printf("    %,d malformed packets: %s%n", n, reason));
            c.dnsProblems().forEach((reason, n) -> out.printf("    %,d DNS payloads not read: %s%n", n, reason));
            for (CaptureDamage damage : c.damage()) {
                out.printf("    damaged at byte %,d: %s%n", damage.offset(), damage.problem());
            }
        }
    }

    private void printAlerts(PrintWriter out) {
        if (alertCounts == null) {
            out.println("Detection is off (detect.enabled: false): no alerts raised.");
            return;
        }
        out.printf("Alerts raised: %,d%s%n", alertTotal, alertTotal == 0 ? "" : " (list them with 'iotwatch alerts')");
        if (alertTotal > 0) {
            out.printf("  %-14s %9s %9s %9s %9s%n", "detector", "critical", "high", "medium", "low");
            alertCounts.forEach((detector, levels) -> out.printf("  %-14s %,9d %,9d %,9d %,9d%n", detector,
                    levels.getOrDefault(ThreatLevel.CRITICAL, 0L), levels.getOrDefault(ThreatLevel.HIGH, 0L),
                    levels.getOrDefault(ThreatLevel.MEDIUM, 0L), levels.getOrDefault(ThreatLevel.LOW, 0L)));
        }
        suppressed.forEach((detector, n) -> out.printf("  %,d findings of %s suppressed by rules in the configuration%n", n, detector));
    }

    private void printRejects(PrintWriter out, long rejects) {
        if (rejects == 0) {
            return;
        }
        out.println("Rejected lines (kept raw in the rejects table), by file and reason:");
        long shown = 0;
        for (RejectGroup group : rejectGroups.values().stream().limit(REJECTS_SHOWN).toList()) {
            String where = group.first.origin() + ":" + group.first.lineNumber();
            if (group.count > 1) {
                where += String.format(" and %,d more lines", group.count - 1);
            }
            out.printf("  %s: %s%n", where, group.first.reason());
            shown += group.count;
        }
        if (rejects > shown) {
            out.printf("  ... and %,d more, in other files or for other reasons%n", rejects - shown);
        }
    }

    private static final class RejectGroup {
        final Reject first;
        long count;

        RejectGroup(Reject first) {
            this.first = first;
        }
    }

    /** Counts the key, holding at most {@link #MAX_DISTINCT} keys, so that endless distinct values cannot exhaust memory. */
    private <K> void count(Map<K, Long> counts, K key) {
        Long n = counts.get(key);
        if (n != null) {
            counts.put(key, n + 1);
        } else if (counts.size() < MAX_DISTINCT) {
            counts.put(key, 1L);
        } else {
            uncounted++;
        }
    }

    private static <K> void printTop(PrintWriter out, String title, Map<K, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println(title);
        counts.entrySet().stream()
                .map(e -> Map.entry(e.getKey().toString(), e.getValue()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> out.printf("  %,8d  %s%n", e.getValue(), e.getKey()));
        if (counts.size() > TOP) {
            out.printf("  ... and %,d more%n", counts.size() - TOP);
        }
    }

    /** Quotes text that came from the wire, with control characters escaped so it cannot rewrite the terminal. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().limit(120).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else {
                b.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > 120) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
