package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.app.config.ConfigLoader;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.app.sources.DemoSource;
import io.iotwatch.store.audit.AuditEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iotwatch demo} end to end: the command prints the address and a first password, the dashboard's API
 * answers with that login, the demo's traffic is stored and its attacks become alerts, the report schedule
 * makes its report, and stopping stores what was read and records in the audit log that the demo stopped.
 */
class MonitorRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDemoFillsTheDashboardWithTrafficAndAlertsAndStopsCleanly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path file = Files.writeString(dir.resolve("iotwatch.yml"), "reports:\n  schedule: [daily]\n  formats: [pdf, html, json]\n");
        IotwatchConfig config = new ConfigLoader().load(Optional.of(file), Map.of(),
                Map.of("data-dir", dir.toString(), "web.port", Integer.toString(port)));
        StringWriter printed = new StringWriter();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return MonitorRun.run(config, Optional.of(file), new PrintWriter(printed, true), new DemoSource.Options(50, 3), stop);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        String password = await(() -> {
            Matcher m = Pattern.compile("log in as admin with the password (\\S+)").matcher(printed.toString());
            return m.find() ? m.group(1) : null;
        });
        assertThat(printed.toString()).contains("dashboard: http://127.0.0.1:" + port + "/");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        JsonNode stats = await(() -> {
            JsonNode now = get(http, base + "/api/v1/stats", cookie);
            return now.get("alerts").asLong() > 0 && now.get("connections").asLong() > 0 ? now : null;
        });
        assertThat(stats.get("monitoring").get("status").asText()).isEqualTo("running");
        JsonNode system = get(http, base + "/api/v1/system", cookie);
        assertThat(system.get("sources").get(0).get("kind").asText()).isEqualTo("demo");
        assertThat(system.get("detectors").toString()).contains("scan").contains("model");
        // the configuration in effect, for admins, as the audit log records it
        JsonNode configuration = get(http, base + "/api/v1/config", cookie);
        assertThat(configuration.get("file").asText()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(configuration.get("values").get("web.port").asText()).isEqualTo(Integer.toString(port));
        assertThat(configuration.get("values").get("reports.schedule").asText()).isEqualTo("[\"daily\"]");
        assertThat(configuration.get("values").size()).isEqualTo(ConfigAudit.flatten(config).size());

        // the schedule makes yesterday's report at start, in each format, into the folder the API lists
        JsonNode reports = await(() -> {
            JsonNode now = get(http, base + "/api/v1/reports", cookie);
            return now.get("total").asInt() == 3 ? now : null;
        });
        assertThat(reports.get("schedule").get("periods").get(0).asText()).isEqualTo("daily");
        List<String> formats = new ArrayList<>();
        for (JsonNode daily : reports.get("items")) {
            assertThat(daily.get("schedule").asText()).isEqualTo("daily");
            assertThat(daily.get("to").asText()).endsWith("T23:59:59.999Z");
            String format = daily.get("format").asText();
            formats.add(format);
            assertThat(Files.exists(dir.resolve("reports").resolve(daily.get("id").asText() + "." + format))).isTrue();
        }
        assertThat(formats).containsExactlyInAnyOrder("pdf", "html", "json");

        stop.countDown();
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(printed.toString()).contains("stopping");
        try (var store = Stores.open(config)) {
            assertThat(store.summary().totalEvents()).isGreaterThanOrEqualTo(stats.get("events").asLong());
            assertThat(store.users().count()).isOne();
            // the demo as a sensor: recorded as it started and as it stopped
            assertThat(store.audit().subjects(SourceAudit.SUBJECT_PREFIX, 10)).containsExactly("source:demo");
            assertThat(store.audit().entriesAbout("source:demo", 10)).extracting(AuditEntry::kind, AuditEntry::data)
                    .containsExactly(tuple("source.stopped", "{\"kind\":\"demo\"}"), tuple("source.online", "{\"kind\":\"demo\"}"));
        }
    }

    private static JsonNode get(HttpClient http, String url, String cookie) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Probe<T> {
        T value() throws Exception;
    }

    private static <T> T await(Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            T value = probe.value();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not seen within 120 s");
    }
}
