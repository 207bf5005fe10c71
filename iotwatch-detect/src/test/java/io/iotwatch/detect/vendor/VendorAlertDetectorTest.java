package io.iotwatch.detect.vendor;

import static io.iotwatch.detect.TestEvents.at;
import static io.iotwatch.detect.TestEvents.randomText;
import static io.iotwatch.detect.TestEvents.vendor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestEvents;
import io.iotwatch.detect.TestEvents.Findings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VendorAlertDetectorTest {

    private static final String ATTACKER = "198.51.100.9";
    private static final String CAMERA = "192.168.1.50";

    private final VendorAlertDetector detector = new VendorAlertDetector(VendorAlertConfig.defaults());
    private final Findings out = new Findings();

    @Test
    void anIpsDetectionBecomesAFinding() {
        detector.onEvent(vendor(at(0), "ips", "Hikvision.IP.Camera.Command.Injection", "critical", ATTACKER, CAMERA,
                "web_server: Hikvision.IP.Camera.Command.Injection"), out);

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.detector()).isEqualTo("vendor");
            assertThat(f.attackClass()).isEqualTo("Vendor-ips");
            assertThat(f.group()).isEqualTo("Vendor");
            assertThat(f.level()).isEqualTo(ThreatLevel.CRITICAL);
            assertThat(f.confidence()).isEqualTo(0.9);
            assertThat(f.mitre()).isEqualTo("T1190");
            assertThat(f.srcIp()).isEqualTo(ATTACKER);
            assertThat(f.dstIp()).isEqualTo(CAMERA);
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.firstSeen()).isEqualTo(at(0)).isEqualTo(f.lastSeen());
            assertThat(f.evidence()).containsEntry("category", "ips")
                    .containsEntry("signature", "Hikvision.IP.Camera.Command.Injection")
                    .containsEntry("severity", "critical").containsEntry("action", "dropped")
                    .containsEntry("protocol", "tcp").containsKey("message");
        });
    }

    @Test
    void severityWordsAndNumbersMapToLevels() {
        assertThat(VendorAlertDetector.level("critical")).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(VendorAlertDetector.level(" HIGH ")).isEqualTo(ThreatLevel.HIGH);
        assertThat(VendorAlertDetector.level("medium")).isEqualTo(ThreatLevel.MEDIUM);
        for (String low : List.of("low", "info", "information", "notice", "warning", "", "nonsense", "1", "2")) {
            assertThat(VendorAlertDetector.level(low)).as(low).isEqualTo(ThreatLevel.LOW);
        }
        assertThat(VendorAlertDetector.level("3")).isEqualTo(ThreatLevel.MEDIUM);
        assertThat(VendorAlertDetector.level("4")).isEqualTo(ThreatLevel.HIGH);
        assertThat(VendorAlertDetector.level("5")).isEqualTo(ThreatLevel.CRITICAL);
    }

    @Test
    void techniquesFollowCategoryAndSignature() {
        assertThat(VendorAlertDetector.mitre("virus", "EICAR_TEST_FILE")).isEqualTo("T1204");
        assertThat(VendorAlertDetector.mitre("anomaly", "tcp_syn_flood")).isEqualTo("T1498");
        assertThat(VendorAlertDetector.mitre("anomaly", "tcp_port_scan")).isEqualTo("T1046");
        assertThat(VendorAlertDetector.mitre("anomaly", "ip_src_session")).isEqualTo("T1595");
        assertThat(VendorAlertDetector.mitre("webfilter", "Malicious Websites")).isEqualTo("T1595");

        detector.onEvent(vendor(at(0), "anomaly", "udp_flood", "", ATTACKER, CAMERA, ""), out);
        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.confidence()).isEqualTo(0.8);
            assertThat(f.level()).isEqualTo(ThreatLevel.LOW);
            assertThat(f.mitre()).isEqualTo("T1498");
        });
    }

    @Test
    void policyCategoriesAreOffByDefaultAndCanBeTurnedOn() {
        detector.onEvent(vendor(at(0), "webfilter", "Social Networking", "notice", "192.168.1.10", "203.0.113.1", ""), out);
        detector.onEvent(vendor(at(0), "app-ctrl", "BitTorrent", "warning", "192.168.1.10", "203.0.113.1", ""), out);
        assertThat(out.all).isEmpty();

        VendorAlertDetector all = new VendorAlertDetector(new VendorAlertConfig(Set.of("IPS", " webfilter ")));
        all.onEvent(vendor(at(0), "webfilter", "Social Networking", "notice", "192.168.1.10", "203.0.113.1", ""), out);
        all.onEvent(vendor(at(0), "anomaly", "tcp_syn_flood", "critical", ATTACKER, CAMERA, ""), out);
        assertThat(out.all).extracting(Finding::attackClass).containsExactly("Vendor-webfilter");
    }

    @Test
    void aSignatureIsOneIncidentUntilItGoesQuietAndNamesItsTargetWhileThereIsOne() {
        DetectionEngine engine = new DetectionEngine(List.of(detector), List.of(), Duration.ofMinutes(30));
        for (int i = 0; i < 50; i++) {
            engine.accept(vendor(at(i * 10), "ips", "Mirai.Botnet", "high", ATTACKER, CAMERA, "blocked"));
        }
        engine.accept(vendor(at(500), "ips", "Other.Exploit", "high", ATTACKER, CAMERA, "blocked"));
        engine.accept(vendor(at(600), "ips", "Mirai.Botnet", "high", ATTACKER, "192.168.1.51", "blocked"));
        engine.accept(vendor(at(600 + 3600), "ips", "Mirai.Botnet", "high", ATTACKER, CAMERA, "blocked"));
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).extracting(Alert::count).containsExactly(51L, 1L, 1L);
        assertThat(alerts.getFirst().dstIp()).isNull();
        assertThat(alerts.getFirst().srcIp()).isEqualTo(ATTACKER);
        assertThat(alerts.getLast().dstIp()).isEqualTo(CAMERA);
    }

    @Test
    void aFloodIsReportedAtOnceThenCountedOncePerMinute() {
        for (int i = 0; i < 1000; i++) {
            detector.onEvent(vendor(at(i / 100), "anomaly", "udp_flood", i < 500 ? "high" : "critical",
                    ATTACKER, CAMERA, "clear_session"), out);
        }
        assertThat(out.all).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(1));

        detector.advance(at(60), out);
        assertThat(out.all).hasSize(2);
        assertThat(out.all.get(1)).satisfies(f -> {
            assertThat(f.count()).isEqualTo(999);
            assertThat(f.level()).isEqualTo(ThreatLevel.CRITICAL);
            assertThat(f.srcIp()).isEqualTo(ATTACKER);
            assertThat(f.evidence()).containsEntry("severity", "critical");
        });
        detector.advance(at(120), out);
        assertThat(out.all).hasSize(2);
        assertThat(detector.trackedSignatures()).isEqualTo(1);
    }

    @Test
    void oneExploitTriedOnOneTargetFromManySourcesNamesNoSingleSource() {
        DetectionEngine engine = new DetectionEngine(List.of(detector), List.of(), Duration.ofMinutes(30));
        for (int i = 0; i < 20; i++) {
            engine.accept(vendor(at(i * 10), "ips", "Mirai.Botnet", "high", "198.51.100." + i, CAMERA, "blocked"));
        }
        engine.finish();

        assertThat(engine.drainChanged()).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isEqualTo(20);
            assertThat(alert.srcIp()).isNull();
            assertThat(alert.dstIp()).isEqualTo(CAMERA);
        });
    }

    @Test
    void emptyAddressesBecomeNullAndLongMessagesAreCut() {
        detector.onEvent(vendor(at(0), "virus", "W32/Agent", "medium", "", "", "x\u0000\n".repeat(500)), out);

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.srcIp()).isNull();
            assertThat(f.dstIp()).isNull();
            String message = (String) f.evidence().get("message");
            assertThat(message).hasSize(300).doesNotContain("\u0000", "\n").startsWith("x??x");
        });
    }

    @Test
    void randomAndHostileEventsNeverThrow() {
        Random random = new Random(7);
        String[] categories = {"ips", "IPS", "anomaly", "virus", "", "webfilter", "\u0000ips"};
        Findings findings = new Findings();

        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < 20_000; i++) {
                detector.onEvent(vendor(at(random.nextInt(100_000) - 50_000), categories[random.nextInt(categories.length)],
                        randomText(random), randomText(random), random.nextBoolean() ? "" : randomText(random),
                        randomText(random), randomText(random)), findings);
                detector.onEvent(TestEvents.dns(at(i), "10.0.0.1", randomText(random), "A"), findings);
            }
            detector.advance(at(100_000), findings);
        });
        assertThat(findings.all).isNotEmpty().allSatisfy(f -> assertThat(f.evidence().toString()).doesNotContain("\u0000", "\n"));
    }


    @Test
    void theConfigRejectsBlankCategories() {
        assertThatThrownBy(() -> new VendorAlertConfig(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categories");
        assertThatThrownBy(() -> new VendorAlertConfig(new HashSet<>(Arrays.asList("ips", " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("categories");
        assertThat(new VendorAlertConfig(Set.of()).categories()).isEmpty();
    }
}
