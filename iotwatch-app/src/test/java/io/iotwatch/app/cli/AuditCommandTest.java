package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.app.config.ConfigLoader;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.SignedHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @TempDir
    Path data;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return CliRun.of(all);
    }

    private void ingestSamples(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "ingest";
        args[1] = "--data-dir";
        args[2] = data.toString();
        args[3] = "--no-progress";
        System.arraycopy(options, 0, args, 4, options.length);
        args[args.length - 1] = IngestCommandTest.SAMPLES.toString();
        CliRun ingest = CliRun.of(args);
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
    }

    private List<AuditEntry> entriesAbout(String subject) {
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            return store.audit().entriesAbout(subject, 100);
        }
    }

    private String anAlertId() {
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            return store.alerts(io.iotwatch.store.AlertQuery.all()).getFirst().id();
        }
    }

    @Test
    void anIngestLeavesALogThatVerifiesAndWhoseProofsCheckOfflineWithTheStandaloneTool() throws Exception {
        ingestSamples();

        CliRun verify = run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Audit log verified: 1 block,", "(0 not yet in a sealed block)", "Signed with key ");

        Path head = data.resolve("head.json");
        assertThat(run("audit", "head", "--out", head.toString()).exitCode()).isZero();
        assertThat(SignedHead.parse(Files.readString(head)).selfConsistent()).isTrue();
        Path key = data.resolve("key.pem");
        assertThat(run("audit", "key", "--out", key.toString()).exitCode()).isZero();
        String alert = anAlertId();
        Path proof = data.resolve("proof.json");
        CliRun prove = run("audit", "prove", alert, "--out", proof.toString());
        assertThat(prove.exitCode()).as(prove.toString()).isZero();

        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("..", "tools", "audit-verify", "AuditVerify.java").toString(), proof.toString(), "--key", key.toString(),
                "--subject", alert).redirectErrorStream(true).start();
        assertThat(tool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tool.exitValue()).as(said).isZero();
        assertThat(said).startsWith("OK: entry ").contains("subject " + alert);

        CliRun anchored = run("audit", "verify", "--head", head.toString());
        assertThat(anchored.exitCode()).as(anchored.toString()).isZero();
        assertThat(anchored.out()).contains("It extends the anchored head of block 0");
    }

    @Test
    void anAlertChangedBehindItsBackFailsVerificationNamingIt() throws SQLException {
        ingestSamples();
        String alert = anAlertId();
        try (Connection c = DriverManager.getConnection(StoreSettings.embedded(data).jdbcUrl()); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE alerts SET level = 'low' WHERE id = '" + alert + "'");
        }

        CliRun verify = run("audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.out()).contains("FAILED verification", "alert " + alert, "changed without an entry");
        CliRun json = run("audit", "verify", "--json");
        assertThat(json.out()).contains("\"valid\" : false", "\"problems\"");
    }

    @Test
    void withoutADatabaseItSaysSoAndCreatesNone() {
        CliRun verify = run("audit", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.err()).contains("there is no database in");
        assertThat(data.resolve("iotwatch.db")).doesNotExist();
        CliRun prove = run("audit", "prove");
        assertThat(prove.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aProofOfSomethingUnknownIsAClearError() {
        ingestSamples();
        CliRun prove = run("audit", "prove", "no-such-alert");
        assertThat(prove.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(prove.err()).contains("no entry about 'no-such-alert'");
        assertThat(run("audit", "prove", "--entry", "999999").err()).contains("not in a sealed block yet");
    }

    @Test
    void theConfigurationIsRecordedWhenItChangesAndSecretsOnlyAsSet() throws IOException {
        ingestSamples();
        ingestSamples();
        assertThat(entriesAbout(ConfigAudit.SUBJECT)).hasSize(1);
        ingestSamples("--batch-size", "100");
        List<AuditEntry> recorded = entriesAbout(ConfigAudit.SUBJECT);
        assertThat(recorded).hasSize(2).extracting(AuditEntry::kind).containsOnly(ConfigAudit.KIND);
        assertThat(recorded.getFirst().data()).contains("\"ingest.batch-size\":\"100\"");

        IotwatchConfig secret = new ConfigLoader().load(Optional.empty(), Map.of(),
                Map.of("database.password", "hunter2", "web.tls-password", ""));
        Map<String, String> flat = ConfigAudit.flatten(secret);
        assertThat(flat).containsEntry("database.password", "(set)").containsEntry("web.tls-password", "")
                .containsEntry("web.port", "8080").containsKey("audit.block-entries");
        assertThat(flat.values()).doesNotContain("hunter2");

        // a password written into the database's URL: each URL as given, then as shown
        Map<String, String> urls = Map.of(
                "jdbc:postgresql://db:5432/iot?user=iw&password=hunter2&ssl=true",
                "jdbc:postgresql://db:5432/iot?user=iw&password=(set)&ssl=true",
                "jdbc:mariadb://iw:hunter2@db:3306/iot",
                "jdbc:mariadb://iw:(set)@db:3306/iot",
                "jdbc:mariadb://address=(host=db)(user=iw)(Password=hunter2)/iot",
                "jdbc:mariadb://address=(host=db)(user=iw)(Password=(set))/iot",
                "jdbc:postgresql://127.0.0.1:5432/test",
                "jdbc:postgresql://127.0.0.1:5432/test");
        urls.forEach((given, shown) -> assertThat(ConfigAudit.flatten(
                new ConfigLoader().load(Optional.empty(), Map.of(), Map.of("database.url", given)))).containsEntry("database.url", shown));
    }
}
