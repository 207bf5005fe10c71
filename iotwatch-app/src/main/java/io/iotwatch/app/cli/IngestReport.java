package io.iotwatch.app.cli;

import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.logs.file.FileIngester;
import io.iotwatch.store.StoreSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects what an ingest run read and found, and prints the end-of-run summary. */
final class IngestReport {

    private static final int REJECTS_SHOWN = 20;
    private static final int TOP = 5;

    private final List<FileIngester.Result> results = new ArrayList<>();
    private final List<Reject> firstRejects = new ArrayList<>();
    private final Map<String, Long> vendorAlerts = new HashMap<>();
    private final Map<String, Long> failedLogins = new HashMap<>();

    /** Called for every batch before it is stored. */
    void observe(Batch batch) {
        for (Event event : batch.events()) {
            if (event instanceof VendorAlertEvent alert) {
                vendorAlerts.merge(alert.category() + " " + quoted(alert.signature()) + " (" + alert.severity() + ")", 1L, Long::sum);
            } else if (event instanceof AuthEvent auth && auth.outcome() == Outcome.FAILURE) {
                failedLogins.merge(quoted(auth.user()) + " from " + auth.source().ip() + " via " + auth.service(), 1L, Long::sum);
            }
        }
        for (Reject reject : batch.rejects()) {
            if (firstRejects.size() < REJECTS_SHOWN) {
                firstRejects.add(reject);
            }
        }
    }

    void add(FileIngester.Result result) {
        results.add(result);
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
        double seconds = elapsedNanos / 1e9;
        out.printf("Read %,d lines from %,d input%s in %.2f s (%,.0f lines/s)%n",
                lines, results.size(), results.size() == 1 ? "" : "s", seconds, lines / Math.max(seconds, 1e-9));
        if (skipped > 0) {
            out.printf("  %,d lines were already stored by an earlier run and were skipped%n", skipped);
        }
        out.println("Events by type:");
        for (EventType type : EventType.values()) {
            out.printf("  %-13s %,12d%n", type.label(), events.getOrDefault(type, 0L));
        }
        out.printf("  %-13s %,12d%n", "rejected", rejects);
        printRejects(out, rejects);
        printTop(out, "FortiGate's own alerts (category, signature, severity):", vendorAlerts);
        printTop(out, "Failed logins (user, source, service):", failedLogins);
        out.printf("Stored in %s: %,d events, %,d rejects in total%n", database, stored.totalEvents(), stored.rejects());
        out.flush();
    }

    private void printRejects(PrintWriter out, long rejects) {
        if (rejects == 0) {
            return;
        }
        out.println("Rejected lines (kept raw in the rejects table):");
        for (Reject reject : firstRejects) {
            out.printf("  %s:%d: %s%n", reject.origin(), reject.lineNumber(), reject.reason());
        }
        if (rejects > firstRejects.size()) {
            out.printf("  ... and %,d more%n", rejects - firstRejects.size());
        }
    }

    private static void printTop(PrintWriter out, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println(title);
        counts.entrySet().stream()
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
