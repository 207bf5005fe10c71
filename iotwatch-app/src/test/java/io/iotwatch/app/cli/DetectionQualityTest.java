package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.logs.TestFiles;
import io.iotwatch.logs.fortigate.FortiGateParser;
import io.iotwatch.sim.logs.GeneratorOptions;
import io.iotwatch.sim.logs.LogGenerator;
import io.iotwatch.sim.logs.TruthRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How well the rule detectors find the attacks the generator plants, on four seeds: the figures of
 * docs/DETECTION.md, which this test writes to target/detection-quality.md. See {@link DetectionScore}
 * for what counts as found and as right.
 */
class DetectionQualityTest {

    static final long[] SEEDS = {1, 2, 3, 4};
    static final int DEVICES = 60;
    static final Duration HOURS = Duration.ofHours(8);

    @Test
    void everyPlantedProfileIsFoundWithPrecisionAndRecallOfAtLeast95PercentAndTheHardNegativesStayQuiet()
            throws IOException {
        StringBuilder table = new StringBuilder()
                .append("| seed | profile | planted | found | recall | right alerts | wrong alerts | other attacks' | precision |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> failures = new ArrayList<>();
        for (long seed : SEEDS) {
            GeneratorOptions options = GeneratorOptions.defaults().withDevices(DEVICES).withDuration(HOURS).withSeed(seed);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            List<TruthRecord> truth = new LogGenerator(options).generate(log);
            DetectionScore.Result result = DetectionScore.score(truth, detect(log.toByteArray(), seed));

            for (DetectionScore.Row row : result.rows().values()) {
                table.append("| %d | %s | %d | %d | %.2f | %d | %d | %d | %.2f |\n".formatted(seed, row.profile(), row.planted(),
                        row.found(), row.recall(), row.rightAlerts(), row.wrongAlerts(), row.crossAlerts(), row.precision()));
                if (row.planted() == 0 || row.recall() < 0.95 || row.precision() < 0.95) {
                    failures.add("seed " + seed + ": " + row);
                }
            }
            result.falseAlarms().forEach(alert -> failures.add("seed " + seed + ": false alarm " + alert));
        }
        Path report = Path.of("target", "detection-quality.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);

        assertThat(failures).as("detection quality, table in " + report.toAbsolutePath()).isEmpty();
    }

    @Test
    void aBurstOfTheRealAdminLoginFailuresRaisesTheBruteForceAlert() throws IOException {
        Optional<Path> data = TestFiles.sharedData("fortigate");
        assumeTrue(data.isPresent(), "shared/data/fortigate is absent");
        String failed = Files.readAllLines(data.get().resolve("elastic-test-fortinet-7-6.log")).stream()
                .filter(line -> line.contains("logdesc=\"Admin login failed\""))
                .findFirst().orElseThrow();
        FortiGateParser parser = new FortiGateParser();
        Event once = decode(parser, failed, 0);
        assertThat(once).isInstanceOfSatisfying(AuthEvent.class, auth -> assertThat(auth.outcome()).isEqualTo(Outcome.FAILURE));

        StringBuilder burst = new StringBuilder();
        long eventTime = Long.parseLong(failed.replaceAll(".*eventtime=(\\d+).*", "$1"));
        for (int i = 0; i < 12; i++) {
            burst.append(failed.replaceAll("eventtime=\\d+", "eventtime=" + (eventTime + i * 5_000_000_000L))).append('\n');
        }
        List<Alert> alerts = detect(burst.toString().getBytes(StandardCharsets.UTF_8), 1);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo("bruteforce");
            assertThat(alert.level()).isEqualTo(ThreatLevel.HIGH);
            assertThat(alert.srcIp()).isEqualTo(((AuthEvent) once).source().ip());
            assertThat(alert.count()).isEqualTo(12);
        });
    }

    /** Parses the lines and runs the detectors, as ingest does; the alerts at the end. */
    static List<Alert> detect(byte[] log, long stream) {
        FortiGateParser parser = new FortiGateParser();
        DetectionEngine engine = new DetectionEngine(Detection.detectors(), List.of(), Duration.ofMinutes(30));
        Map<String, Alert> alerts = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= log.length; i++) {
            if (i == log.length || log[i] == '\n') {
                if (i > start) {
                    Event event = parser.decode(log, start, i - start, new EventId(stream, start));
                    assertThat(event).as("line at %d: %s", start, parser.rejectReason()).isNotNull();
                    engine.accept(event);
                    engine.drainChanged().forEach(alert -> alerts.put(alert.id(), alert));
                }
                start = i + 1;
            }
        }
        engine.finish();
        engine.drainChanged().forEach(alert -> alerts.put(alert.id(), alert));
        return List.copyOf(alerts.values());
    }

    private static Event decode(FortiGateParser parser, String line, long position) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.decode(bytes, 0, bytes.length, new EventId(1, position));
    }
}
