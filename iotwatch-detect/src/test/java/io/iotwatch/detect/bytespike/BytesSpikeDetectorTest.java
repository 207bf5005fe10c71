package io.iotwatch.detect.bytespike;

import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesSpikeDetectorTest {

    private static final String CAMERA = "192.168.1.40";
    private static final Instant SPIKE = T0.plus(Duration.ofHours(24));

    private final BytesSpikeDetector detector = new BytesSpikeDetector(BytesSpikeConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();

    /** A day of 50 to 150 KB out every minute to the vendor cloud. */
    private void baseline() {
        Random random = new Random(5);
        for (int minute = 0; minute < 24 * 60; minute++) {
            detector.onEvent(tcp(T0.plusSeconds(60L * minute), CAMERA, "52.1.2.3", 443, 50_000 + random.nextInt(100_000), 900),
                    findings::add);
        }
    }

    @Test
    void spikeAfterDayOfSmallTrafficAlerts() {
        baseline();
        for (int i = 0; i < 10; i++) {
            detector.onEvent(tcp(SPIKE.plusSeconds(i), CAMERA, "185.100.1.1", 443, 5_000_000, 900), findings::add);
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("Exfiltration");
            assertThat(f.level()).isEqualTo(ThreatLevel.HIGH);
            assertThat(f.mitre()).isEqualTo("T1048");
            assertThat(f.srcIp()).isEqualTo(CAMERA);
            assertThat(f.dstIp()).isEqualTo("185.100.1.1");
            assertThat(f.evidence()).containsKeys("bucket_bytes", "baseline_median", "baseline_mad", "k", "bucket_start")
                    .containsEntry("top_destination", "185.100.1.1");
        });
    }

    @Test
    void spikeToACloudEndpointOtherDevicesUseTooIsQuiet() {
        baseline();
        for (int other = 1; other <= 3; other++) {
            detector.onEvent(tcp(SPIKE.minusSeconds(600 + other), "192.168.1." + (40 + other), "52.9.9.9", 443, 30_000_000, 900),
                    findings::add);
        }
        for (int i = 0; i < 10; i++) {
            detector.onEvent(tcp(SPIKE.plusSeconds(i), CAMERA, "52.9.9.9", 443, 5_000_000, 900), findings::add);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void spikeGrowingPastCriticalEscalatesTheSameIncident() {
        DetectionEngine engine = new DetectionEngine(List.of(new BytesSpikeDetector(BytesSpikeConfig.defaults())), List.of(),
                Duration.ofHours(1));
        Random random = new Random(6);
        for (int minute = 0; minute < 24 * 60; minute++) {
            engine.accept(tcp(T0.plusSeconds(60L * minute), CAMERA, "52.1.2.3", 443, 50_000 + random.nextInt(100_000), 900));
        }
        // three quarters of an hour: three buckets, each a spike, the first already past critical
        for (int minute = 0; minute < 45; minute++) {
            engine.accept(tcp(SPIKE.plusSeconds(60L * minute), CAMERA, "185.100.1.1", 443, 50_000_000, 900));
        }
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(ThreatLevel.CRITICAL);
            assertThat(a.count()).isEqualTo(3);
        });
    }

    @Test
    void spikeToInternalBackupIsQuiet() {
        baseline();
        for (int i = 0; i < 10; i++) {
            detector.onEvent(tcp(SPIKE.plusSeconds(i), CAMERA, "10.0.0.50", 445, 50_000_000, 900), findings::add);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void deviceWithoutHistoryIsQuiet() {
        for (int i = 0; i < 10; i++) {
            detector.onEvent(tcp(T0.plusSeconds(i), CAMERA, "185.100.1.1", 443, 50_000_000, 900), findings::add);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void devicesStayBoundedUnderAFloodOfSources() {
        BytesSpikeDetector small = new BytesSpikeDetector(new BytesSpikeConfig(Duration.ofMinutes(5), 288, 12, 10,
                20_000_000L, 200_000_000L, 2, Duration.ofHours(24), 1000));
        for (int i = 0; i < 1_000_000; i++) {
            String src = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(tcp(T0.plusMillis(i), src, "52.1.2.3", 443, 100, 100), findings::add);
        }

        assertThat(small.trackedDevices()).isEqualTo(1000);
        assertThat(small.evictions()).isEqualTo(999_000);
        small.advance(T0.plus(Duration.ofDays(2)), findings::add);
        assertThat(small.trackedDevices()).isZero();
    }

    @Test
    void configValidationNamesTheField() {
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ZERO, 288, 12, 10, 1, 1, 1, Duration.ofHours(1), 1)).hasMessageContaining("bucket");
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ofMinutes(5), 288, 300, 10, 1, 1, 1, Duration.ofHours(1), 1))
                .hasMessageContaining("minBuckets");
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ofMinutes(5), 288, 12, Double.NaN, 1, 1, 1, Duration.ofHours(1), 1))
                .hasMessageContaining("k");
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ofMinutes(5), 288, 12, 10, 10, 5, 1, Duration.ofHours(1), 1))
                .hasMessageContaining("criticalBytes");
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ofMinutes(5), 288, 12, 10, 1, 1, 0, Duration.ofHours(1), 1))
                .hasMessageContaining("maxPrevalence");
        assertThatThrownBy(() -> new BytesSpikeConfig(Duration.ofMinutes(5), 288, 12, 10, 1, 1, 1, Duration.ZERO, 1))
                .hasMessageContaining("prevalenceWindow");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 11));
    }
}
