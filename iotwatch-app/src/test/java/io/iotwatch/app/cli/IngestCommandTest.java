package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.EventType;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.StoreSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    static final Path SAMPLES = Path.of("..", "samples", "fortigate");
    static final long SAMPLE_LINES = 2_010;
    static final long SAMPLE_REJECTS = 2;

    @TempDir
    Path data;

    @Test
    void theSamplesAreStoredAndSummarised() {
        CliRun run = ingest(SAMPLES.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Read 2,010 lines from 2 log inputs", "Events by type:", "connection", "rejected");
        assertThat(run.out()).contains("field-framings.log:9:", "field-framings.log:10:");
        assertThat(run.out()).contains("FortiGate's own alerts", "ips \"Mirai.Botnet\" (critical)");
        assertThat(run.out()).contains("Failed logins", "\"admin\" from 198.51.100.23 via ssh");
        StoreSummary stored = summary();
        assertThat(stored.totalEvents()).isEqualTo(SAMPLE_LINES - SAMPLE_REJECTS);
        assertThat(stored.rejects()).isEqualTo(SAMPLE_REJECTS);
        assertThat(stored.eventsByType().get(EventType.CONNECTION)).isPositive();
        assertThat(stored.eventsByType().get(EventType.AUTH)).isPositive();
        assertThat(stored.eventsByType().get(EventType.VENDOR_ALERT)).isPositive();
        assertThat(data.resolve("logs").resolve("iotwatch.log")).exists();
    }

    @Test
    void ingestingTheSameFilesTwiceStoresThemOnce() {
        assertThat(ingest(SAMPLES.toString()).exitCode()).isZero();
        CliRun again = ingest(SAMPLES.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("2,010 lines were already stored by an earlier run and were skipped");
        assertThat(summary().totalEvents()).isEqualTo(SAMPLE_LINES - SAMPLE_REJECTS);
        assertThat(summary().rejects()).isEqualTo(SAMPLE_REJECTS);
    }

    @Test
    void aFileThatGrewIsReadFromWhereTheLastRunStopped() throws IOException {
        Path log = data.resolve("growing.log");
        String first = Files.readString(SAMPLES.resolve("field-framings.log"), StandardCharsets.ISO_8859_1);
        String padding = "date=2026-03-14 time=09:00:00 devname=\"FGT\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " srcip=10.0.0.1 dstip=10.0.0.2 proto=6 action=\"accept\" comment=\"" + "x".repeat(200) + "\"\n";
        Files.writeString(log, first + padding.repeat(400), StandardCharsets.ISO_8859_1);
        assertThat(ingest(log.toString()).exitCode()).isZero();
        long before = summary().totalEvents();

        Files.writeString(log, padding.repeat(5), StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        CliRun again = ingest(log.toString());

        assertThat(again.out()).contains("410 lines were already stored");
        assertThat(summary().totalEvents()).isEqualTo(before + 5);
    }

    @Test
    void standardInputIsReadWithDash() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(
                    "date=2026-03-14 time=08:02:11 logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.0.0.1 dstip=10.0.0.2 proto=17\n"
                            .getBytes(StandardCharsets.UTF_8)));
            CliRun run = ingest("-");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Read 1 line from 1 log input");
        } finally {
            System.setIn(saved);
        }
        assertThat(summary().eventsByType().get(EventType.CONNECTION)).isEqualTo(1);
    }

    @Test
    void aMissingFileFailsWithItsName() {
        CliRun run = ingest("no/such/file.log");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("no such file or folder", "no/such/file.log");
    }

    @Test
    void aWrongConfigValueStopsTheStartNamingTheKey() throws IOException {
        Path config = Files.writeString(data.resolve("bad.yml"), "ingest:\n  batch-size: 0\n");
        CliRun run = CliRun.of("ingest", "--config", config.toString(), "--data-dir", data.toString(), "--no-progress",
                SAMPLES.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("ingest.batch-size");
    }

    @Test
    void anUnreachableDatabaseFailsNamingIt() {
        CliRun run = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress",
                "--db", "jdbc:postgresql://127.0.0.1:1/none", SAMPLES.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot open the database jdbc:postgresql://127.0.0.1:1/none");
    }

    private CliRun ingest(String path) {
        return CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", path);
    }

    private StoreSummary summary() {
        try (EventStore store = EventStores.open(StoreSettings.embedded(data))) {
            return store.summary();
        }
    }
}
