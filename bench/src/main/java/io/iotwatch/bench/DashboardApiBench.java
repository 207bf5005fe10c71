package io.iotwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.web.monitor.Monitor;
import io.iotwatch.web.WebServer;
import io.iotwatch.web.WebSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * How fast the dashboard's API answers on a large SQLite store (issue 7: every call the pages make within
 * 100 ms at the 95th percentile with 10 million connection events and 100 thousand alerts). Fills a new
 * store (or reuses one it filled before: the fill takes minutes) with connection events over the last week
 * between 5,000 private hosts and public addresses and alerts over the same week, starts the real server,
 * logs in, and calls each of the pages' API calls over HTTP many times, printing median, 95th percentile and
 * maximum. The data ends when the fill ran, so the pages' relative ranges (last hour, day, week) select it.
 *
 * <pre>java -Xmx4g --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar io.iotwatch.bench.DashboardApiBench [DATA-DIR] [EVENTS] [ALERTS]</pre>
 */
public final class DashboardApiBench {

    private static final Duration SPAN = Duration.ofDays(7);
    private static final int BATCH = 4096;
    private static final int HOSTS = 5000;
    private static final int RUNS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardApiBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("iotwatch-dashboard");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int alerts = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            boolean fresh = store.summary().totalEvents() == 0;
            if (fresh) {
                fill(store, events, alerts, Instant.now());
            }
            Monitor monitor = new Monitor("bench", Instant.now(), "sqlite", List::of, List.of(), null, List.of(),
                    Monitor.AllowListener.NONE, null, ReportSchedule.NONE, Map.of(), null);
            WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofHours(1), Duration.ofHours(8));
            try (WebServer server = WebServer.start(settings, store, monitor, Clock.systemUTC())) {
                String password = server.firstAdminPassword()
                        .orElseThrow(() -> new IllegalStateException("reuse a data directory only with its users table emptied"));
                Client client = Client.login("http://127.0.0.1:" + server.port(), password);
                System.out.printf("%,d events, %,d alerts in %s%n", store.summary().totalEvents(),
                        client.json("/api/v1/alerts?limit=1").get("total").asLong(), dir);
                measure(client);
            }
        }
    }

    /** The calls the pages make, as they make them (docs/DASHBOARD.md). */
    private static void measure(Client client) throws Exception {
        String alertId = client.json("/api/v1/alerts?limit=1").get("items").get(0).get("id").asText();
        String host = client.json("/api/v1/devices?limit=1").get("items").get(0).get("ip").asText();
        List<String> calls = List.of(
                "/api/v1/stats", "/api/v1/system", "/api/v1/session",
                "/api/v1/series/alerts?from=-1h", "/api/v1/series/traffic?from=-1h",
                "/api/v1/series/alerts?from=-24h", "/api/v1/series/traffic?from=-24h",
                "/api/v1/series/alerts?from=-7d", "/api/v1/series/traffic?from=-7d",
                "/api/v1/top/sources?from=-1h", "/api/v1/top/sources?from=-24h", "/api/v1/top/sources?from=-7d",
                "/api/v1/alerts?limit=10", "/api/v1/alerts?limit=50", "/api/v1/alerts?limit=50&offset=5000",
                "/api/v1/alerts?level=critical,high&limit=50", "/api/v1/alerts?from=-24h&class=PortScan&limit=50",
                "/api/v1/alerts?ip=" + host + "&limit=50", "/api/v1/alerts?status=acknowledged&limit=50",
                "/api/v1/alerts/" + alertId,
                "/api/v1/devices?limit=50", "/api/v1/devices?limit=50&offset=4000", "/api/v1/devices?q=168.7.&limit=50",
                "/api/v1/threats?from=-24h", "/api/v1/threats?from=-7d",
                "/api/v1/network?from=-1h", "/api/v1/network?from=-24h", "/api/v1/network?from=-7d",
                "/api/stats", "/api/attacks", "/api/traffic_chart");
        for (String call : calls) {
            time(client, call);
        }
    }

    private static void time(Client client, String path) throws Exception {
        for (int i = 0; i < 10; i++) {
            client.get(path);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            client.get(path);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("%-52s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", path.length() > 52 ? path.substring(0, 52) : path,
                nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6, nanos[RUNS - 1] / 1e6);
    }

    /** An HTTP client logged in with an API token, as a script would be. */
    private record Client(HttpClient http, String base, String token) {
        static Client login(String base, String password) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = JSON.readTree(login.body()).get("csrf").asText();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
            return new Client(http, base, JSON.readTree(token.body()).get("token").asText());
        }

        String get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        JsonNode json(String path) throws Exception {
            return JSON.readTree(get(path));
        }
    }

    private static String host(int i) {
        return "192.168." + (i / 250) + "." + (1 + i % 250);
    }

    private static void fill(EventStore store, int count, int alertCount, Instant end) {
        Random random = new Random(42);
        long started = System.nanoTime();
        Instant start = end.minus(SPAN);
        long stepNanos = SPAN.toNanos() / count;
        List<Event> events = new ArrayList<>(BATCH);
        String[] protocols = {"tcp", "tcp", "tcp", "udp", "udp", "icmp"};
        for (int i = 0; i < count; i++) {
            Instant time = start.plusNanos(i * stepNanos + random.nextInt(1000));
            String src = host(random.nextInt(HOSTS));
            String dst = random.nextBoolean() ? host(random.nextInt(HOSTS))
                    : "93." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            long sent = random.nextInt(100_000);
            long received = random.nextInt(1_000_000);
            String raw = "date=... srcip=" + src + " dstip=" + dst + " sentbyte=" + sent + " rcvdbyte=" + received + " " + "x".repeat(150);
            events.add(new ConnectionEvent(new EventHeader(new EventId(1, i), time, "fortigate", "fw", raw),
                    protocols[random.nextInt(protocols.length)], new Endpoint(src, 1024 + random.nextInt(60000)),
                    new Endpoint(dst, 443), sent, received, sent / 1000 + 1, received / 1000 + 1, Duration.ofSeconds(1),
                    "close", "", "", "", 0));
            if (events.size() == BATCH || i == count - 1) {
                store.accept(new Batch(events, List.of(), Optional.empty()));
                events = new ArrayList<>(BATCH);
            }
            if (i % 1_000_000 == 999_999) {
                System.out.printf("%,d events stored, %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
            }
        }
        String[][] kinds = {{"scan", "PortScan", "Recon"}, {"bruteforce", "DictionaryBruteForce", "BruteForce"},
                {"flood", "SYN_Flood", "DDoS"}, {"dns-tunnel", "DNS-Tunneling", "C2"}, {"beacon", "Beaconing", "C2"},
                {"arp-spoof", "MITM-ArpSpoofing", "Spoofing"}};
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < alertCount; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            Instant first = start.plusNanos((long) (random.nextDouble() * SPAN.toNanos()));
            String src = random.nextInt(4) == 0 ? "203.0.113." + random.nextInt(256) : host(random.nextInt(HOSTS));
            alerts.add(new Alert("a" + i, kind[0], "k" + i, kind[1], kind[2], ThreatLevel.values()[random.nextInt(4)], 0.9,
                    first, first.plusSeconds(random.nextInt(3600)), src, random.nextInt(10) == 0 ? null : host(random.nextInt(HOSTS)),
                    null, "T1046", 1 + random.nextInt(1000), Map.of("ports", random.nextInt(1000), "sample", "x".repeat(200))));
            if (alerts.size() == 1000) {
                store.accept(new Batch(List.of(), List.of(), alerts, Optional.empty()));
                alerts = new ArrayList<>();
            }
        }
        for (int i = 0; i < alertCount / 100; i++) {
            store.triage().set("a" + random.nextInt(alertCount), AlertStatus.values()[random.nextInt(3)], "n", "ana", end);
        }
        System.out.printf("filled in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
}
