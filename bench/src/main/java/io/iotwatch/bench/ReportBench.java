package io.iotwatch.bench;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.store.AlertFilter;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * How long a report over many alerts takes (issue 9: at most 10 seconds for 100,000 alerts), from the store to the
 * file, in each format. The store holds ALERTS alerts of one day, as the detectors store them (each with its audit
 * entry), one in twenty acknowledged. Each format is timed in a fresh JVM's first report, as {@code iotwatch report}
 * runs, and once more warm. As the anchor measured in the same run: reading the same alerts from the store, with
 * nothing else done (the least any report of them must do).
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar io.iotwatch.bench.ReportBench [ALERTS] [pdf|html|json]</pre>
 * Without a format it prepares the store and prints the command for each format, so that each runs in its own JVM.
 */
public final class ReportBench {

    private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TO = FROM.plus(1, ChronoUnit.DAYS);
    private static final String[][] KINDS = {
        {"bruteforce", "DictionaryBruteForce", "BruteForce", "T1110.001"},
        {"scan", "Recon-PortScan", "Recon", "T1046"},
        {"flood", "DDoS-SYN_Flood", "DDoS", "T1498.001"},
        {"dnstunnel", "DNS-Tunneling", "C2", "T1071.004"},
        {"model", "Mirai-greeth_flood", "Mirai", "T1498"},
    };

    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "iotwatch-report-bench-" + alerts);
        if (args.length < 2) {
            prepare(dir, alerts);
            return;
        }
        ReportFormat format = ReportFormat.parse(args[1]);
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            for (String run : new String[] {"first", "warm"}) {
                long start = System.nanoTime();
                Report report = ReportBuilder.build(store, FROM, TO, Clock.systemUTC());
                long built = System.nanoTime();
                Path out = dir.resolve("report." + format.extension());
                try (OutputStream file = Files.newOutputStream(out)) {
                    format.write(report, file);
                }
                long written = System.nanoTime();
                System.out.printf("%-4s %-5s %,d alerts: %.2f s (built %.2f s, written %.2f s), %,d bytes%n", format.extension(), run,
                        report.alerts().size(), seconds(written - start), seconds(built - start), seconds(written - built), Files.size(out));
            }
            long start = System.nanoTime();
            long read = readAlerts(store);
            System.out.printf("anchor: the %,d alerts read from the store in %.2f s%n", read, seconds(System.nanoTime() - start));
        }
    }

    private static void prepare(Path dir, int alerts) throws Exception {
        Files.createDirectories(dir);
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            if (store.alertQueries().find(AlertFilter.all(), 0, 1).total() == 0) {
                Random random = new Random(20261202L);
                List<Alert> batch = new ArrayList<>();
                for (int i = 0; i < alerts; i++) {
                    String[] kind = KINDS[random.nextInt(KINDS.length)];
                    Instant first = FROM.plusMillis(random.nextLong(TO.toEpochMilli() - FROM.toEpochMilli()));
                    batch.add(new Alert("bench-" + i, kind[0], "key-" + i, kind[1], kind[2], ThreatLevel.values()[random.nextInt(4)],
                            random.nextInt(101) / 100.0, first, first.plusSeconds(random.nextInt(600)),
                            "10.0." + random.nextInt(64) + "." + random.nextInt(256), "192.168.1." + random.nextInt(64),
                            kind[2].equals("C2") ? "t" + i + ".tunnel.example" : null, kind[3], 1 + random.nextInt(500), Map.of()));
                    if (batch.size() == 1000) {
                        store.accept(new Batch(List.of(), List.of(), batch, Optional.empty()));
                        batch.clear();
                    }
                }
                store.accept(new Batch(List.of(), List.of(), batch, Optional.empty()));
                for (int i = 0; i < alerts; i += 20) {
                    store.triage().set("bench-" + i, AlertStatus.ACKNOWLEDGED, "looked at", "ana", Instant.now());
                }
                store.audit().seal();
            }
        }
        String command = "java -Xmx2g --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar " + ReportBench.class.getName() + " " + alerts;
        System.out.printf("store of %,d alerts ready in %s; now run, one JVM each:%n", alerts, dir);
        for (ReportFormat format : ReportFormat.values()) {
            System.out.println("  " + command + " " + format.extension());
        }
    }

    private static long readAlerts(EventStore store) {
        long[] read = {0};
        store.alertQueries().each(new AlertFilter(FROM, TO, null, null, null, null, null, null, null, null), alert -> read[0]++);
        return read[0];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
