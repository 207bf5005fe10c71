package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.report.HoldingClock;
import io.iotwatch.report.Report;
import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.json.ReportJson;
import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.web.auth.PasswordHasher;
import io.iotwatch.web.monitor.Monitor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Reports made, listed and downloaded through the API of a real server over a real store and folder. */
class ReportsApiTest extends LoggedInAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";

    ReportsApiTest() {
        super(true);
    }

    @Test
    void aReportIsMadeListedAndDownloadedAsTheReportOfItsPeriod() throws Exception {
        Instant from = monitor.now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = monitor.now.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> created = admin.post("/api/v1/reports", request(from.toString(), to.toString(), "json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode item = Http.json(created);
        String id = item.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
        assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "createdAt", "from", "to", "format", "size", "sha256",
                "schedule", "requestedBy");
        assertThat(item.get("from").asText()).isEqualTo(from.toString());
        assertThat(item.get("to").asText()).isEqualTo(to.toString());
        assertThat(item.get("format").asText()).isEqualTo("json");
        assertThat(item.get("requestedBy").asText()).isEqualTo("admin");
        assertThat(item.get("schedule").isNull()).isTrue();

        JsonNode list = Http.json(admin.get("/api/v1/reports"));
        assertThat(list.get("total").asInt()).isOne();
        assertThat(list.get("items")).containsExactly(item);
        assertThat(list.get("schedule").get("periods")).extracting(JsonNode::asText).containsExactly("daily", "monthly");
        assertThat(list.get("schedule").get("formats")).extracting(JsonNode::asText).containsExactly("pdf");

        HttpResponse<String> download = admin.get("/api/v1/reports/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"iotwatch-report-"
                + compact(from) + "-" + compact(to) + ".json\"");
        byte[] body = download.body().getBytes(StandardCharsets.UTF_8);
        assertThat((long) body.length).isEqualTo(item.get("size").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))).isEqualTo(item.get("sha256").asText());
        Report report = ReportJson.read(download.body());
        assertThat(report.period().from()).isEqualTo(from);
        assertThat(report.period().to()).isEqualTo(to);
        assertThat(report.summary().alerts()).isEqualTo(2);
        assertThat(report.alerts()).extracting(row -> row.id()).containsExactlyInAnyOrder("scan-1", "tunnel-1");

        AuditEntry entry = monitor.store.audit().entriesAbout(id, 10).getFirst();
        assertThat(entry.kind()).isEqualTo("report.created");
        JsonNode data = JSON.readTree(entry.data());
        assertThat(data.get("by").asText()).isEqualTo("admin");
        assertThat(data.get("sha256").asText()).isEqualTo(item.get("sha256").asText());
        assertThat(data.get("format").asText()).isEqualTo("json");
    }

    @Test
    void pdfAndHtmlReportsAreMadeAndServedWithTheirTypes() throws Exception {
        String period = monitor.now.minusSeconds(3600) + "\", \"to\": \"" + monitor.now;
        for (String format : new String[] {"pdf", "html"}) {
            HttpResponse<String> created = admin.post("/api/v1/reports", "{\"from\": \"" + period + "\", \"format\": \"" + format + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode item = Http.json(created);
            HttpResponse<String> download = admin.get("/api/v1/reports/" + item.get("id").asText());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(format.equals("pdf") ? "application/pdf" : "text/html");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).endsWith("." + format + "\"");
        }
        Path folder = dir.resolve("reports");
        try (var files = Files.list(folder)) {
            Path pdf = files.filter(file -> file.toString().endsWith(".pdf")).findFirst().orElseThrow();
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(new PDFTextStripper().getText(document)).contains("iotwatch audit report", "Appendix: alerts");
            }
        }
    }

    @Test
    void theListIsNewestFirstAndPaged() throws Exception {
        for (int i = 0; i < 3; i++) {
            String body = request(monitor.now.minusSeconds(3600 * (i + 1)).toString(), monitor.now.toString(), "JSON");
            assertThat(admin.post("/api/v1/reports", body).statusCode()).isEqualTo(201);
        }
        JsonNode all = Http.json(admin.get("/api/v1/reports"));
        assertThat(all.get("total").asInt()).isEqualTo(3);
        List<String> created = all.get("items").valueStream().map(item -> item.get("createdAt").asText()).toList();
        assertThat(created).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        JsonNode second = Http.json(admin.get("/api/v1/reports?offset=1&limit=1"));
        assertThat(second.get("total").asInt()).isEqualTo(3);
        assertThat(second.get("offset").asInt()).isEqualTo(1);
        assertThat(second.get("limit").asInt()).isEqualTo(1);
        assertThat(second.get("items")).containsExactly(all.get("items").get(1));
        assertThat(admin.get("/api/v1/reports?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void badRequestsAnswer400NamingWhatIsWrongAndMakeNothing() throws Exception {
        String now = monitor.now.toString();
        String before = monitor.now.minusSeconds(60).toString();
        assertBad(null, "the body must be JSON");
        assertBad("not json", "the body must be JSON");
        assertBad("{\"from\": \"" + before + "\", \"to\": \"" + now + "\", \"format\": \"json\", \"extra\": 1}", "the body must be JSON");
        assertBad(request(null, now, "json"), "give 'from'");
        assertBad(request(before, "", "json"), "give 'to'");
        assertBad(request("yesterday", now, "json"), "'from' is not an ISO-8601 time");
        assertBad(request(before, "2026-13-01T00:00:00Z", "json"), "'to' is not an ISO-8601 time");
        assertBad(request(now, before, "json"), "'from' (" + now + ") is after 'to' (" + before + ")");
        assertBad(request("0001-01-01T00:00:00Z", now, "json"), "a report covers a century at most");
        assertBad(request(before, now, null), "give 'format': one of " + ReportFormat.names());
        assertBad(request(before, now, "docx"), "'format': 'docx' is not a report format; use one of " + ReportFormat.names());
        assertThat(Http.json(admin.get("/api/v1/reports")).get("total").asInt()).isZero();
        assertThat(monitor.store.audit().entriesAbout("admin", 100)).extracting(AuditEntry::kind).doesNotContain("report.created");
    }

    @Test
    void analystsAndAdminsMakeReportsAndEveryRoleListsAndDownloadsThem() throws Exception {
        String body = request(monitor.now.minusSeconds(3600).toString(), monitor.now.toString(), "json");
        Http viewer = addUser("vicky", "viewer");
        Http analyst = addUser("anna", "analyst");

        HttpResponse<String> refused = viewer.post("/api/v1/reports", body);
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> made = analyst.post("/api/v1/reports", body);
        assertThat(made.statusCode()).isEqualTo(201);
        String id = Http.json(made).get("id").asText();
        assertThat(Http.json(made).get("requestedBy").asText()).isEqualTo("anna");
        assertThat(analyst.withoutCsrf().post("/api/v1/reports", body).statusCode()).isEqualTo(403);

        assertThat(Http.json(viewer.get("/api/v1/reports")).get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(ReportJson.read(viewer.get("/api/v1/reports/" + id).body()).summary().alerts()).isEqualTo(2);

        String token = Http.json(viewer.post("/api/v1/tokens", "{\"name\":\"archiver\"}")).get("token").asText();
        Http script = new Http(monitor.url()).bearer(token);
        assertThat(script.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
        assertThat(script.post("/api/v1/reports", body).statusCode()).isEqualTo(403);

        Http anonymous = new Http(monitor.url());
        assertThat(anonymous.get("/api/v1/reports").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/reports/" + id).statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/reports", body).statusCode()).isEqualTo(401);
        assertThat(Http.json(admin.get("/api/v1/reports")).get("total").asInt()).isOne();
    }

    @Test
    void onlyTheArchivesOwnIdsAreServedAndNothingElseInOrNearItsFolder() throws Exception {
        HttpResponse<String> made = admin.post("/api/v1/reports", request(monitor.now.minusSeconds(60).toString(),
                monitor.now.toString(), "json"));
        String id = Http.json(made).get("id").asText();
        Files.writeString(dir.resolve("secret.txt"), "the secret next to the reports folder");
        Files.writeString(dir.resolve("reports").resolve("notes.txt"), "the secret inside the reports folder");
        String absent = id.substring(0, 20) + "000000000000";
        for (String hostile : List.of("..%2Fsecret.txt", "%2e%2e%2fsecret.txt", "..%5Csecret.txt", "%2E%2E", "..",
                "notes.txt", "notes", id + ".json", id + ".meta.json", id.toUpperCase(), absent, id + "%00", id + "%0A",
                "%2Fetc%2Fpasswd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "..%2Fiotwatch.db", "%20" + id)) {
            HttpResponse<String> response = admin.get("/api/v1/reports/" + hostile);
            assertThat(response.statusCode()).as(hostile).isIn(400, 404);
            assertThat(response.body()).as(hostile).doesNotContain("secret").doesNotContain("root:").doesNotContain("SQLite");
        }
        for (String escaping : List.of("/api/v1/reports/../../secret.txt", "/api/v1/reports/%2e%2e/%2e%2e/secret.txt")) {
            HttpResponse<String> response = admin.get(escaping);
            assertThat(response.body()).as(escaping).doesNotContain("the secret");
        }
        HttpResponse<String> missing = admin.get("/api/v1/reports/" + absent);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("error").asText()).isEqualTo("no such report");
        assertThat(admin.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWhileAReportIsBeingMadeIsAskedToComeBackLater() throws Exception {
        HoldingClock holding = new HoldingClock(Instant::now);
        try (TestMonitor held = new TestMonitor(dir.resolve("held"), holding)) {
            Http first = new Http(held.url());
            assertThat(first.login("admin", held.adminPassword).statusCode()).isEqualTo(200);
            String body = request(held.now.minusSeconds(60).toString(), held.now.toString(), "json");
            CompletableFuture<HttpResponse<String>> making = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.post("/api/v1/reports", body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(holding.awaitReader(60, TimeUnit.SECONDS)).isTrue();
            Http second = new Http(held.url());
            assertThat(second.login("admin", held.adminPassword).statusCode()).isEqualTo(200);
            HttpResponse<String> busy = second.post("/api/v1/reports", body);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(Http.json(busy).get("error").asText()).contains("another report is being made");
            holding.release();
            assertThat(making.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(second.post("/api/v1/reports", body).statusCode()).isEqualTo(201);
        } finally {
            holding.release();
        }
    }

    @Test
    void aServerWithoutAReportsFolderAnswers404() throws Exception {
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir.resolve("bare")))) {
            Monitor bare = new Monitor("test", Instant.now(), "sqlite", List::of, List.of(), null, List.of(),
                    Monitor.AllowListener.NONE, null, ReportSchedule.NONE, Map.of(), null);
            WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(5), Duration.ofHours(1));
            WebServer server = WebServer.start(settings, store, bare, Clock.systemUTC(), new PasswordHasher(1_000));
            try {
                Http http = new Http("http://127.0.0.1:" + server.port());
                assertThat(http.login("admin", server.firstAdminPassword().orElseThrow()).statusCode()).isEqualTo(200);
                HttpResponse<String> list = http.get("/api/v1/reports");
                assertThat(list.statusCode()).isEqualTo(404);
                assertThat(Http.json(list).get("error").asText()).contains("reports are not available");
                assertThat(http.post("/api/v1/reports", request("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "json"))
                        .statusCode()).isEqualTo(404);
                assertThat(http.get("/api/v1/reports/20261202T000000000Z-000000000000").statusCode()).isEqualTo(404);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheReportRoutes() throws Exception {
        JsonNode paths = Http.json(admin.get("/api/v1/openapi.json")).get("paths");
        assertThat(paths.get("/api/v1/reports").has("get")).isTrue();
        assertThat(paths.get("/api/v1/reports").has("post")).isTrue();
        assertThat(paths.get("/api/v1/reports/{id}").has("get")).isTrue();
    }

    private void assertBad(String body, String message) throws Exception {
        HttpResponse<String> response = admin.post("/api/v1/reports", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(Http.json(response).get("error").asText()).as(body).contains(message);
    }

    private Http addUser(String name, String role) throws Exception {
        String user = JSON.createObjectNode().put("name", name).put("role", role).put("password", PASSWORD).toString();
        assertThat(admin.post("/api/v1/users", user).statusCode()).isEqualTo(201);
        Http http = new Http(monitor.url());
        assertThat(http.login(name, PASSWORD).statusCode()).isEqualTo(200);
        return http;
    }

    private static String request(String from, String to, String format) {
        return JSON.createObjectNode().put("from", from).put("to", to).put("format", format).toString();
    }

    private static String compact(Instant time) {
        return time.toString().replace("-", "").replace(":", "");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyStream().map(Map.Entry::getKey).toList();
    }
}
