package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iotwatch.core.alert.ThreatLevel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiTest extends LoggedInAdmin {

    ApiTest() {
        super(true);
    }

    @Test
    void nothingIsServedWithoutALoginButTheLoginPageAndItsAssets() throws Exception {
        Http anonymous = new Http(monitor.url());
        for (String path : new String[] {"/api/v1/stats", "/api/v1/alerts", "/api/stats", "/api/attacks", "/api/v1/openapi.json"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).doesNotContain("10.0.0.66");
        }
        HttpResponse<String> page = anonymous.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login.html?next=%2F");
        assertThat(anonymous.get("/login.html").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionCookieIsHttpOnlyAndSameSiteAndEveryAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = new Http(monitor.url()).login("admin", monitor.adminPassword);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        HttpResponse<String> stats = admin.get("/api/v1/stats");
        assertThat(stats.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(stats.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(stats.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(stats.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void wrongPasswordsAreRefusedAndAfterFiveTheNextAttemptMustWait() throws Exception {
        Http guesser = new Http(monitor.url());
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.login("admin", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = guesser.login("admin", monitor.adminPassword);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(admin.get("/api/v1/system")).get("failedLogins").asLong()).isEqualTo(5);
    }

    @Test
    void anUnknownUserTakesTheSameAnswerAsAWrongPassword() throws Exception {
        HttpResponse<String> unknown = new Http(monitor.url()).login("nobody", "whatever-password");
        HttpResponse<String> wrong = new Http(monitor.url()).login("admin", "whatever-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void aTriageWhoseBodyIsNotJsonIsABadRequest() throws Exception {
        HttpResponse<String> answer = admin.post("/api/v1/alerts/scan-1/triage", "acknowledge, please");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Http.json(answer).get("error").asText()).startsWith("the body must be JSON like");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenOrAsAFormIsRefused() throws Exception {
        assertThat(admin.withoutCsrf().post("/api/v1/alerts/scan-1/triage", "{\"action\":\"acknowledge\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(monitor.url() + "/api/v1/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(Http.json(admin.get("/api/v1/alerts/scan-1")).get("status").asText()).isEqualTo("open");
    }

    @Test
    void rolesLimitWhatAUserMayDo() throws Exception {
        assertThat(admin.post("/api/v1/users", "{\"name\":\"vera\",\"role\":\"viewer\",\"password\":\"correct horse battery\"}")
                .statusCode()).isEqualTo(201);
        Http viewer = new Http(monitor.url());
        assertThat(viewer.login("vera", "correct horse battery").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/alerts").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/alerts/scan-1/triage", "{\"action\":\"acknowledge\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/users").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/v1/users", "{\"name\":\"vera\",\"role\":\"viewer\",\"password\":\"another password\"}")
                .statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", "{\"name\":\"short\",\"role\":\"viewer\",\"password\":\"short\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAdminsReadTheConfigurationInEffect() throws Exception {
        JsonNode config = Http.json(admin.get("/api/v1/config"));
        assertThat(config.get("file").asText()).isEqualTo(dir.resolve("iotwatch.yml").toString());
        assertThat(config.get("values").properties()).extracting(field -> field.getKey() + "=" + field.getValue().asText())
                .containsExactly("capture.interfaces=[\"eth0\"]", "database.password=(set)", "watch.folders=[\"<b>logs</b>\"]",
                        "web.port=8080");

        for (String role : new String[] {"viewer", "analyst"}) {
            assertThat(admin.post("/api/v1/users", "{\"name\":\"" + role + "\",\"role\":\"" + role
                    + "\",\"password\":\"correct horse battery\"}").statusCode()).isEqualTo(201);
            Http user = new Http(monitor.url());
            assertThat(user.login(role, "correct horse battery").statusCode()).isEqualTo(200);
            assertThat(user.get("/api/v1/config").statusCode()).as(role).isEqualTo(403);
        }
    }

    @Test
    void anApiTokenWorksWithoutCookieOrCsrfUntilDeleted() throws Exception {
        JsonNode token = Http.json(admin.post("/api/v1/tokens", "{\"name\":\"script\"}"));
        Http script = new Http(monitor.url()).bearer(token.get("token").asText());
        assertThat(script.get("/api/v1/stats").statusCode()).isEqualTo(200);
        assertThat(script.post("/api/v1/alerts/scan-1/triage", "{\"action\":\"acknowledge\"}").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tokens").body()).contains("script").doesNotContain(token.get("token").asText());
        assertThat(admin.delete("/api/v1/tokens/" + token.get("id").asText()).statusCode()).isEqualTo(204);
        assertThat(script.get("/api/v1/stats").statusCode()).isEqualTo(401);
        assertThat(new Http(monitor.url()).bearer("iw_made-up").get("/api/v1/stats").statusCode()).isEqualTo(401);
    }

    @Test
    void statsCountWhatIsStored() throws Exception {
        JsonNode stats = Http.json(admin.get("/api/v1/stats"));
        assertThat(stats.get("connections").asLong()).isEqualTo(20);
        assertThat(stats.get("packets").asLong()).isEqualTo(20);
        assertThat(stats.get("events").asLong()).isEqualTo(21);
        assertThat(stats.get("alerts").asLong()).isEqualTo(2);
        assertThat(stats.get("malicious").asLong()).isEqualTo(6);
        assertThat(stats.get("alertsByLevel").get("high").asLong()).isEqualTo(1);
        assertThat(stats.get("monitoring").get("status").asText()).isEqualTo("running");
        assertThat(Http.json(admin.get("/api/stats"))).isEqualTo(stats);
    }

    @Test
    void alertsFilterPageAndShowTheirEvidenceAndEvents() throws Exception {
        JsonNode high = Http.json(admin.get("/api/v1/alerts?level=high,critical"));
        assertThat(high.get("total").asLong()).isEqualTo(1);
        assertThat(high.get("items").get(0).get("class").asText()).isEqualTo("DNS-Tunneling");
        assertThat(Http.json(admin.get("/api/v1/alerts?src=10.0.0.66")).get("items").get(0).get("id").asText()).isEqualTo("scan-1");
        JsonNode page = Http.json(admin.get("/api/v1/alerts?limit=1&offset=1"));
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/alerts?level=severe").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/alerts?from=yesterday").body()).contains("'from'");

        JsonNode scan = Http.json(admin.get("/api/v1/alerts/scan-1"));
        assertThat(scan.get("mitre").get("url").asText()).isEqualTo("https://attack.mitre.org/techniques/T1046/");
        assertThat(scan.get("evidence").get("ports").asInt()).isEqualTo(20);
        assertThat(scan.get("events")).hasSize(20);
        HttpResponse<String> missing = admin.get("/api/v1/alerts/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("error").asText()).isEqualTo("no alert nope");
        HttpResponse<String> unknown = admin.get("/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).get("error").asText()).isEqualTo("Endpoint GET /api/v1/nothing-here not found");
    }

    @Test
    void suppressingAnAlertWritesAnAllowRuleTheDetectorsAreToldOf() throws Exception {
        JsonNode answer = Http.json(admin.post("/api/v1/alerts/scan-1/triage", "{\"action\":\"suppress\",\"note\":\"our scanner\"}"));
        assertThat(answer.get("status").asText()).isEqualTo("suppressed");
        assertThat(answer.get("rule").get("cidr").asText()).isEqualTo("10.0.0.66/32");
        assertThat(monitor.added).singleElement().satisfies(rule -> assertThat(rule.detector()).isEqualTo("scan"));
        JsonNode rules = Http.json(admin.get("/api/v1/allow-rules"));
        assertThat(rules).hasSize(1);
        assertThat(admin.delete("/api/v1/allow-rules/" + rules.get(0).get("id").asLong()).statusCode()).isEqualTo(204);
        assertThat(monitor.added).isEmpty();
        assertThat(Http.json(admin.get("/api/v1/alerts?status=suppressed")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theStreamSendsAnAlertAsItIsRaised() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(monitor.url() + "/api/v1/stream"))
                .header("Accept", "text/event-stream").header("Cookie", sessionCookie()).build();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> alertLine = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                boolean alertEvent = false;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("event: alert")) {
                        alertEvent = true;
                    } else if (alertEvent && line.startsWith("data:")) {
                        return line;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Http.json(admin.get("/api/v1/system")).get("sseClients").asInt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        monitor.raise("live-1", ThreatLevel.CRITICAL, "10.0.0.99");
        assertThat(alertLine.get(10, TimeUnit.SECONDS)).contains("\"id\":\"live-1\"").contains("\"level\":\"critical\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        JsonNode doc = Http.json(admin.get("/api/v1/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        for (String path : new String[] {"/api/v1/stats", "/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/triage",
            "/api/v1/devices", "/api/v1/threats", "/api/v1/network", "/api/v1/system", "/api/v1/config", "/api/v1/stream", "/api/stats",
            "/api/attacks", "/api/traffic_chart"}) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
    }

    private String sessionCookie() throws Exception {
        HttpResponse<String> login = new Http(monitor.url()).login("admin", monitor.adminPassword);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
