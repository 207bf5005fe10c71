package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.report.schedule.ReportSchedule;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.web.auth.PasswordHasher;
import io.iotwatch.web.monitor.Monitor;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a keystore configured the dashboard speaks HTTPS only, and marks its cookie Secure and sends HSTS. */
class TlsTest {

    private static final String PASSWORD = "keystore-secret";

    @TempDir
    Path dir;

    @Test
    void aKeystoreTurnsOnHttpsOnlyWithSecureCookiesAndHsts() throws Exception {
        Path keystore = dir.resolve("iotwatch.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "iotwatch", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        try (EventStore store = EventStores.open(StoreSettings.embedded(dir.resolve("data")))) {
            Monitor monitor = new Monitor("test", Instant.now(), "sqlite", List::of, List.of(), null, List.of(),
                    Monitor.AllowListener.NONE, null, ReportSchedule.NONE, Map.of(), null);
            WebSettings settings = new WebSettings("127.0.0.1", 0, keystore, PASSWORD, Duration.ofMinutes(5), Duration.ofHours(1));
            WebServer server = WebServer.start(settings, store, monitor, Clock.systemUTC(), new PasswordHasher(1_000));
            try {
                assertThat(server.url("127.0.0.1")).startsWith("https://");
                HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
                HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(server.url("127.0.0.1") + "api/v1/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                                + server.firstAdminPassword().orElseThrow() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
                assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();

                HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login.html")).build();
                assertThat(plainAnswer(plain)).as("plain HTTP on the TLS port").isNotEqualTo(200);
            } finally {
                server.close();
            }
        }
    }

    /** The status of a plain HTTP request, or -1 when the server closed the connection on it. */
    private static int plainAnswer(HttpRequest request) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException refused) {
            return -1;
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
