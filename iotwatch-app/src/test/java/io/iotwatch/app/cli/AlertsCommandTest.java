package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.sim.logs.TruthCsv;
import io.iotwatch.sim.logs.TruthRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk a user takes: generate logs with planted attacks, ingest them, list the alerts. */
class AlertsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LEVELS = Set.of("critical", "high", "medium", "low");

    @TempDir
    static Path dir;

    static Path log;
    static List<TruthRecord> truth;
    static CliRun ingest;

    @BeforeAll
    static void generateAndIngest() throws IOException {
        log = dir.resolve("fgt.log");
        Path csv = dir.resolve("truth.csv");
        CliRun generate = CliRun.of("generate", "logs", "--devices", "40", "--hours", "6", "--seed", "7",
                "--out", log.toString(), "--truth", csv.toString());
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(generate.out()).contains("planted attacks");
        try (Reader in = Files.newBufferedReader(csv)) {
            truth = TruthCsv.read(in);
        }
        ingest = CliRun.of("ingest", "--no-progress", "--data-dir", dir.resolve("data").toString(), log.toString());
    }

    @Test
    void ingestCountsTheAlertsByDetectorAndLevel() {
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        assertThat(ingest.out()).contains("Alerts raised:", "detector", "critical", "bruteforce", "dns-tunnel", "beacon",
                "scan", "anomaly-port");
    }

    @Test
    void jsonAlertsHaveTheDocumentedFieldsAndNameThePlantedAttackers() throws IOException {
        List<JsonNode> alerts = alerts("--format", "json");

        assertThat(alerts).isNotEmpty();
        for (JsonNode alert : alerts) {
            assertThat(alert.fieldNames()).toIterable().contains("id", "first_seen", "last_seen", "detector", "class", "group",
                    "level", "confidence", "src_ip", "dst_ip", "mitre", "count", "evidence");
            assertThat(alert.get("level").asText()).isIn(LEVELS);
            assertThat(alert.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(alert.get("count").asLong()).isPositive();
            assertThat(alert.get("evidence").isObject()).isTrue();
            assertThat(alert.get("src_ip").isNull() || alert.get("src_ip").isTextual()).isTrue();
            Instant first = Instant.parse(alert.get("first_seen").asText());
            assertThat(Instant.parse(alert.get("last_seen").asText())).isAfterOrEqualTo(first);
        }
        List<String> sources = alerts.stream().map(a -> a.get("src_ip").asText()).toList();
        assertThat(truth).allSatisfy(attack -> assertThat(sources).contains(attack.source()));
    }

    @Test
    void levelAndSinceNarrowTheList() throws IOException {
        List<JsonNode> all = alerts("--format", "json");
        List<JsonNode> critical = alerts("--format", "json", "--level", "CRITICAL");
        assertThat(critical).isNotEmpty().allSatisfy(a -> assertThat(a.get("level").asText()).isEqualTo("critical"));
        assertThat(critical.size()).isLessThan(all.size());

        Instant middle = Instant.parse(all.get(all.size() / 2).get("last_seen").asText());
        List<JsonNode> recent = alerts("--format", "json", "--since", middle.toString());
        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(a -> assertThat(Instant.parse(a.get("last_seen").asText())).isAfterOrEqualTo(middle));
        assertThat(alerts("--format", "json", "--limit", "3")).hasSize(3);
        CliRun limited = CliRun.of("alerts", "--data-dir", dir.resolve("data").toString(), "--format", "json", "--limit", "3");
        assertThat(limited.err()).contains("the first 3 alerts");
    }

    @Test
    void theTableIsForPeople() {
        CliRun table = CliRun.of("alerts", "--data-dir", dir.resolve("data").toString(), "--level", "high");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("FIRST SEEN").contains("DictionaryBruteForce", "alerts.");
    }

    @Test
    void wrongOptionsAreUsageErrorsThatSayWhatIsAllowed() {
        String data = dir.resolve("data").toString();
        assertThat(CliRun.of("alerts", "--data-dir", data, "--level", "severe"))
                .satisfies(run -> assertThat(run.exitCode()).isEqualTo(2))
                .satisfies(run -> assertThat(run.err()).contains("low, medium, high, critical"));
        assertThat(CliRun.of("alerts", "--data-dir", data, "--since", "yesterday").err()).contains("ISO-8601");
        assertThat(CliRun.of("alerts", "--data-dir", data, "--format", "xml").err()).contains("table or json");
        assertThat(CliRun.of("generate", "logs", "--devices", "5", "--out", dir.resolve("x.log").toString()))
                .satisfies(run -> assertThat(run.exitCode()).isEqualTo(2))
                .satisfies(run -> assertThat(run.err()).contains("devices must be between 40"));
        assertThat(CliRun.of("generate", "logs", "--hours", "2", "--out", dir.resolve("x.log").toString()).err())
                .contains("duration must be at least");
        assertThat(CliRun.of("generate", "logs", "--out", dir.resolve("no/such/folder/x.log").toString()).err())
                .contains("its folder does not exist");
    }

    @Test
    void listingAFolderWithNothingStoredCreatesNothing() {
        Path empty = dir.resolve("never-ingested");
        CliRun run = CliRun.of("alerts", "--data-dir", empty.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No alerts: nothing is stored in");
        assertThat(empty.resolve("iotwatch.db")).doesNotExist();
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        Path again = dir.resolve("again.log");
        CliRun run = CliRun.of("generate", "logs", "--devices", "40", "--hours", "6", "--seed", "7", "--out", again.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.mismatch(log, again)).isEqualTo(-1L);
    }

    @Test
    void suppressionRulesFromTheConfigurationKeepAlertsOutAndAreCounted() throws IOException {
        Path config = Files.writeString(dir.resolve("suppress.yml"), """
                detect:
                  suppress:
                    - detector: scan
                """);
        Path data = dir.resolve("suppressed");
        CliRun run = CliRun.of("ingest", "--no-progress", "--config", config.toString(), "--data-dir", data.toString(),
                log.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("findings of scan suppressed by rules in the configuration");
        CliRun listed = CliRun.of("alerts", "--format", "json", "--data-dir", data.toString());
        assertThat(listed.out()).doesNotContain("\"detector\":\"scan\"").contains("\"detector\":\"bruteforce\"");
    }

    @Test
    void detectionCanBeTurnedOff() throws IOException {
        Path config = Files.writeString(dir.resolve("off.yml"), "detect:\n  enabled: false\n");
        Path data = dir.resolve("off");
        CliRun run = CliRun.of("ingest", "--no-progress", "--config", config.toString(), "--data-dir", data.toString(),
                log.toString());

        assertThat(run.out()).contains("Detection is off");
        assertThat(CliRun.of("alerts", "--data-dir", data.toString()).out()).contains("No alerts.");
    }

    private static List<JsonNode> alerts(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("alerts", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> alerts = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            alerts.add(JSON.readTree(line));
        }
        return alerts;
    }
}
