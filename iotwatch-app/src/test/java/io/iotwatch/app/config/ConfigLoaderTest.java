package io.iotwatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.report.render.ReportFormat;
import io.iotwatch.report.schedule.Cadence;
import io.iotwatch.report.schedule.ReportSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void theShippedFileDocumentsExactlyTheDefaults() {
        Path shipped = Path.of("..", "iotwatch.yml");
        assertThat(shipped).exists();
        assertThat(loader.load(Optional.of(shipped), Map.of(), Map.of())).isEqualTo(IotwatchConfig.defaults());
    }

    @Test
    void fileThenEnvironmentThenOptionsEachOverrideTheOneBefore(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), """
                data-dir: /from/file
                ingest:
                  batch-size: 100
                  queue-batches: 3
                """);
        IotwatchConfig config = loader.load(
                Optional.of(file),
                Map.of("IOTWATCH_INGEST_BATCH_SIZE", "200", "IOTWATCH_DATA_DIR", "/from/env"),
                Map.of("data-dir", "/from/option"));
        assertThat(config.dataDir()).isEqualTo("/from/option");
        assertThat(config.ingest().batchSize()).isEqualTo(200);
        assertThat(config.ingest().queueBatches()).isEqualTo(3);
        assertThat(config.ingest().maxLineBytes()).isEqualTo(IotwatchConfig.defaults().ingest().maxLineBytes());
    }

    @Test
    void suppressionRulesAreReadFromTheFileAndCheckedRuleByRule(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), """
                detect:
                  suppress:
                    - cidr: 10.0.0.50/32
                    - detector: dns-tunnel
                      domain: cloudfront.net
                """);
        assertThat(loader.load(Optional.of(file), Map.of(), Map.of()).detect().suppress()).containsExactly(
                new IotwatchConfig.Suppress(null, "10.0.0.50/32", null),
                new IotwatchConfig.Suppress("dns-tunnel", null, "cloudfront.net"));

        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                detect:
                  suppress:
                    - cidr: 10.0.0.0/8
                    - cidr: 10.0.0.0/40
                """);
        assertThatThrownBy(() -> loader.load(Optional.of(bad), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("detect.suppress")
                .hasMessageContaining("rule 2")
                .hasMessageContaining("0 to 32");
        Path empty = Files.writeString(dir.resolve("empty.yml"), "detect:\n  suppress:\n    - {}\n");
        assertThatThrownBy(() -> loader.load(Optional.of(empty), Map.of(), Map.of()))
                .hasMessageContaining("needs a detector, a cidr or a domain");
        Path notAList = Files.writeString(dir.resolve("scalar.yml"), "detect:\n  suppress: 10.0.0.1\n");
        assertThatThrownBy(() -> loader.load(Optional.of(notAList), Map.of(), Map.of()))
                .hasMessageContaining("'detect.suppress'").hasMessageContaining("must be a list");
    }

    @Test
    void floodThresholdsComeFromTheFileAndTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), """
                detect:
                  web-ports: [80, 8123]
                  flood:
                    syn-packets-per-second: 3000
                  slowhttp:
                    concurrent-connections: 200
                """);
        IotwatchConfig config = loader.load(Optional.of(file), Map.of("IOTWATCH_DETECT_FLOOD_UDP_PACKETS_PER_SECOND", "9000"),
                Map.of("detect.http-flood.connections-per-second", "80"));

        assertThat(config.detect().flood().toFloodConfig().synPerSecond()).isEqualTo(3000);
        assertThat(config.detect().flood().toFloodConfig().udpPerSecond()).isEqualTo(9000);
        assertThat(config.detect().flood().toFloodConfig().icmpPerSecond()).isEqualTo(250);
        assertThat(config.detect().httpFloodConfig().connectionsPerSecond()).isEqualTo(80);
        assertThat(config.detect().httpFloodConfig().ports()).containsExactlyInAnyOrder(80, 8123);
        assertThat(config.detect().slowHttpConfig().concurrentConnections()).isEqualTo(200);
        assertThat(config.detect().slowHttpConfig().ports()).containsExactlyInAnyOrder(80, 8123);
    }

    @ParameterizedTest
    @CsvSource({
        "detect.flood.window-seconds, 0, 1 to 3600",
        "detect.flood.syn-packets-per-second, 0, 1 to 100000000",
        "detect.flood.tcp-packets-per-second, -5, 1 to 100000000",
        "detect.flood.udp-packets-per-second, 0, 1 to 100000000",
        "detect.flood.icmp-packets-per-second, 0, 1 to 100000000",
        "detect.flood.min-flows, 0, 1 to 100000000",
        "detect.flood.max-victims, 0, 1 to 10000000",
        "detect.http-flood.window-seconds, 7200, 1 to 3600",
        "detect.http-flood.connections-per-second, 0, 1 to 100000000",
        "detect.http-flood.max-duration-seconds, 0, 1 to 86400",
        "detect.http-flood.max-keys, 0, 1 to 10000000",
        "detect.slowhttp.window-seconds, 30, 60 to 86400",
        "detect.slowhttp.concurrent-connections, 1, 2 to 100000000",
        "detect.slowhttp.min-duration-seconds, 400, 1 to 300",
        "detect.slowhttp.max-bytes-per-second, 0, 1 to 100000000",
        "detect.slowhttp.max-keys, 0, 1 to 10000000",
    })
    void aFloodThresholdOutOfRangeStopsTheStartNamingItsKey(String key, String value, String allowed) {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("command-line option")
                .hasMessageContaining(allowed);
    }

    @Test
    void webPortsMustBeAListOfPorts(@TempDir Path dir) throws IOException {
        for (String ports : List.of("[80, 0]", "[]", "[80, 70000]", "[80, null]")) {
            Path file = Files.writeString(dir.resolve("c.yml"), "detect:\n  web-ports: " + ports + "\n");
            assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                    .as(ports)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'detect.web-ports'")
                    .hasMessageContaining("1 to 65535");
        }
    }

    @Test
    void sourcesOfServeComeFromTheFileAndTheirSingleValuesAlsoFromTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), """
                capture:
                  interfaces: [eth0, wlan0]
                  bpf: not port 22
                watch:
                  folders:
                    - /var/log/fortigate
                """);
        IotwatchConfig config = loader.load(Optional.of(file),
                Map.of("IOTWATCH_CAPTURE_BPF", "udp", "IOTWATCH_WATCH_INTERVAL_SECONDS", "30"), Map.of());

        assertThat(config.capture().interfaces()).containsExactly("eth0", "wlan0");
        assertThat(config.capture().bpf()).isEqualTo("udp");
        assertThat(config.watch().folders()).containsExactly("/var/log/fortigate");
        assertThat(config.watch().interval()).hasSeconds(30);
        assertThat(IotwatchConfig.defaults().capture().interfaces()).isEmpty();
        assertThat(IotwatchConfig.defaults().watch().folders()).isEmpty();
        assertThat(IotwatchConfig.defaults().watch().intervalSeconds()).isEqualTo(5);
    }

    @Test
    void aBadSourceEntryStopsTheStartNamingItsKeyAndEntry(@TempDir Path dir) throws IOException {
        Map<String, String> bad = Map.of(
                "capture:\n  interfaces: [eth0, \"\"]\n", "'capture.interfaces'",
                "capture:\n  interfaces: [eth0, eth0]\n", "'capture.interfaces'",
                "capture:\n  interfaces: eth0\n", "'capture.interfaces'",
                "watch:\n  folders: [logs, null]\n", "'watch.folders'",
                "watch:\n  interval-seconds: 0\n", "'watch.interval-seconds'");
        assertEachRefused(dir, bad);
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("IOTWATCH_WATCH_INTERVAL_SECONDS", "7200"), Map.of()))
                .hasMessageContaining("'watch.interval-seconds'")
                .hasMessageContaining("IOTWATCH_WATCH_INTERVAL_SECONDS")
                .hasMessageContaining("1 to 3600");
        Path duplicate = Files.writeString(dir.resolve("c.yml"), "capture:\n  interfaces: [eth0, eth0]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(duplicate), Map.of(), Map.of()))
                .hasMessageContaining("entry 2 eth0").hasMessageContaining("each given once");
    }

    @Test
    void theReportScheduleAndFolderComeFromTheFileAndTheFolderAlsoFromTheEnvironment(@TempDir Path dir) throws IOException {
        IotwatchConfig defaults = loader.load(Optional.empty(), Map.of(), Map.of("data-dir", "/var/lib/iotwatch"));
        assertThat(defaults.reportsFolder()).isEqualTo(Path.of("/var/lib/iotwatch", "reports"));
        assertThat(defaults.reports().toSchedule()).isEqualTo(new ReportSchedule(List.of(), List.of(ReportFormat.PDF)));
        assertThat(defaults.reports().toSchedule().isEmpty()).isTrue();

        Path file = Files.writeString(dir.resolve("c.yml"), """
                reports:
                  schedule: [monthly, Daily]
                  formats: [json, pdf]
                """);
        IotwatchConfig config = loader.load(Optional.of(file), Map.of("IOTWATCH_REPORTS_FOLDER", "/srv/reports"), Map.of());
        assertThat(config.reportsFolder()).isEqualTo(Path.of("/srv/reports"));
        assertThat(config.reports().toSchedule()).isEqualTo(new ReportSchedule(List.of(Cadence.MONTHLY, Cadence.DAILY),
                List.of(ReportFormat.JSON, ReportFormat.PDF)));
    }

    @Test
    void aBadReportScheduleStopsTheStartNamingItsKeyAndTheChoices(@TempDir Path dir) throws IOException {
        Map<String, String> bad = Map.of(
                "reports:\n  schedule: [daily, hourly]\n", "'reports.schedule'",
                "reports:\n  schedule: [weekly, WEEKLY]\n", "'reports.schedule'",
                "reports:\n  schedule: daily\n", "'reports.schedule'",
                "reports:\n  schedule: [null]\n", "'reports.schedule'",
                "reports:\n  formats: [docx]\n", "'reports.formats'",
                "reports:\n  formats: []\n", "'reports.formats'",
                "reports:\n  formats: [pdf, pdf]\n", "'reports.formats'");
        assertEachRefused(dir, bad);
        Path hourly = Files.writeString(dir.resolve("c.yml"), "reports:\n  schedule: [daily, hourly]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(hourly), Map.of(), Map.of()))
                .hasMessageContaining("entry 2 hourly").hasMessageContaining("daily, weekly, monthly");
        Path docx = Files.writeString(dir.resolve("c.yml"), "reports:\n  formats: [docx]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(docx), Map.of(), Map.of()))
                .hasMessageContaining("entry 1 docx").hasMessageContaining(ReportFormat.names());
    }

    @Test
    void environmentNamesFollowTheKeys() {
        assertThat(ConfigLoader.envName("database.url")).isEqualTo("IOTWATCH_DATABASE_URL");
        assertThat(ConfigLoader.envName("syslog.udp-receive-buffer-bytes")).isEqualTo("IOTWATCH_SYSLOG_UDP_RECEIVE_BUFFER_BYTES");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "ingest:\n  batchsize: 5\n");
        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'ingest.batchsize'")
                .hasMessageContaining("batch-size");
    }

    @Test
    void aValueOfTheWrongTypeNamesKeyAndOrigin() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("IOTWATCH_SYSLOG_TCP_PORT", "six"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'syslog.tcp-port'")
                .hasMessageContaining("IOTWATCH_SYSLOG_TCP_PORT")
                .hasMessageContaining("whole number");
    }

    @Test
    void aValueOutOfRangeNamesWhatIsAllowed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "syslog:\n  udp-port: 70000\n");
        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'syslog.udp-port'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void badLevelAndBadUrlAreRefused() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), Map.of("log.level", "loud")))
                .hasMessageContaining("'log.level'").hasMessageContaining("trace, debug, info, warn, error");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of(), Map.of("database.url", "postgres://x")))
                .hasMessageContaining("'database.url'").hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void aBrokenYamlFileSaysWhere(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "ingest:\n  batch-size: [1,\n");
        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMappingWhereAValueBelongsIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "data-dir:\n  nested: 1\n");
        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("'data-dir'").hasMessageContaining("single value");
    }

    /** Each file (key) stops the load with a message naming what is wrong (value) and the file. */
    private void assertEachRefused(Path dir, Map<String, String> bad) throws IOException {
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            Path file = Files.writeString(dir.resolve("c.yml"), entry.getKey());
            assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of(), Map.of()))
                    .as(entry.getKey())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(entry.getValue())
                    .hasMessageContaining(file.toString());
        }
    }
}
