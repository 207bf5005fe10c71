package io.iotwatch.web;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.archive.ReportArchive;
import io.iotwatch.report.schedule.Cadence;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.AllowRule;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.web.auth.PasswordHasher;
import io.iotwatch.web.monitor.Monitor;
import io.iotwatch.web.monitor.Source;
import io.iotwatch.web.monitor.SourceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real dashboard on a free port over a real SQLite store in a temporary folder, with a few events and
 * alerts of the last minutes, for the API and browser tests. Password hashing is cheap here so that
 * logging in does not dominate the tests' time.
 */
final class TestMonitor implements AutoCloseable {

    static final String HOSTILE_DOMAIN = "<img src=x onerror=\"document.title='pwned'\">.tunnel.example";
    static final String HOSTILE_USER = "<script>document.title='pwned'</script>";
    /** Shown with the reports; nothing makes them here. */
    static final ReportSchedule SCHEDULE = new ReportSchedule(List.of(Cadence.DAILY, Cadence.MONTHLY), List.of(ReportFormat.PDF));
    /** Shown to admins as the configuration, flattened and with its secret redacted as the app hands it over. */
    static final Map<String, String> CONFIGURATION = Map.of("web.port", "8080", "database.password", "(set)",
            "capture.interfaces", "[\"eth0\"]", "watch.folders", "[\"<b>logs</b>\"]");

    final EventStore store;
    final WebServer server;
    final String adminPassword;
    final List<AllowRule> added = new CopyOnWriteArrayList<>();
    final Instant now = Instant.now();
    private long position;

    TestMonitor(Path dir) throws IOException {
        this(dir, Clock.systemUTC());
    }

    /** With the reports dated by {@code reportClock}, which a test may hold up to keep a report in the making. */
    TestMonitor(Path dir, Clock reportClock) throws IOException {
        store = EventStores.open(StoreSettings.embedded(dir));
        Source sensor = () -> new SourceStatus("eth0", "interface", true, 1234, 56, 7, 0, now, "");
        Monitor monitor = new Monitor("test", now, "sqlite", () -> List.of(sensor), List.of("scan", "dns-tunnel"), "default",
                List.of(), new Monitor.AllowListener() {
                    @Override
                    public void added(AllowRule rule) {
                        added.add(rule);
                    }

                    @Override
                    public void removed(AllowRule rule) {
                        added.remove(rule);
                    }
                }, ReportArchive.open(dir.resolve("reports"), reportClock), SCHEDULE, CONFIGURATION, dir.resolve("iotwatch.yml"));
        WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), Duration.ofHours(8));
        server = WebServer.start(settings, store, monitor, Clock.systemUTC(), new PasswordHasher(1_000));
        adminPassword = server.firstAdminPassword().orElseThrow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Stores a port scan and a DNS tunnel with a hostile domain and user name, and the events behind them. */
    List<Alert> seed() throws InterruptedException {
        Instant t = now.minusSeconds(300);
        List<Event> events = new ArrayList<>();
        for (int port = 20; port < 40; port++) {
            events.add(connection(t.plusSeconds(port), "10.0.0.66", "10.0.0.12", port));
        }
        events.add(new DnsEvent(header(t.plusSeconds(50)), new Endpoint("10.0.0.70", 5353), new Endpoint("10.0.0.1", 53),
                HOSTILE_DOMAIN, "TXT", "NOERROR", List.of()));
        Alert scan = alert("scan-1", "scan", "PortScan", "Recon", ThreatLevel.LOW, t, t.plusSeconds(40), "10.0.0.66",
                "10.0.0.12", null, "T1046", Map.of("ports", 20));
        Alert tunnel = alert("tunnel-1", "dns-tunnel", "DNS-Tunneling", "C2", ThreatLevel.HIGH, t.plusSeconds(50),
                t.plusSeconds(50), "10.0.0.70", null, HOSTILE_DOMAIN, "T1071.004", Map.of("user", HOSTILE_USER, "queries", 40));
        store.accept(new Batch(events, List.of(), List.of(scan, tunnel), Optional.empty()));
        return List.of(scan, tunnel);
    }

    /** Stores an alert and announces it, as the detection path does. */
    Alert raise(String id, ThreatLevel level, String src) throws InterruptedException {
        Instant t = Instant.now();
        Alert alert = alert(id, "brute-force", "DictionaryBruteForce", "BruteForce", level, t.minusSeconds(5), t, src,
                "10.0.0.2", null, "T1110.001", Map.of("failures", 31));
        store.accept(new Batch(List.of(), List.of(), List.of(alert), Optional.empty()));
        server.alertsChanged(List.of(alert));
        return alert;
    }

    /** {@link #raise} for callers that cannot throw InterruptedException (Playwright's test style). */
    Alert raiseQuietly(String id, ThreatLevel level, String src) {
        try {
            return raise(id, level, src);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Alert alert(String id, String detector, String attackClass, String group, ThreatLevel level, Instant first,
            Instant last, String src, String dst, String domain, String mitre, Map<String, Object> evidence) {
        return new Alert(id, detector, id, attackClass, group, level, 0.9, first, last, src, dst, domain, mitre, 3, evidence);
    }

    private ConnectionEvent connection(Instant time, String src, String dst, int port) {
        return new ConnectionEvent(header(time), "tcp", new Endpoint(src, 40000 + port), new Endpoint(dst, port), 60, 0, 1, 0,
                Duration.ZERO, "", "", "", "", 0x02);
    }

    private EventHeader header(Instant time) {
        position++;
        return new EventHeader(new EventId(42, position), time, "test", "sensor",
                ("line " + position).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        store.close();
    }
}
