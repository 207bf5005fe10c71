package io.iotwatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
