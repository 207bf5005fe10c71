package io.iotwatch.detect.newport;

import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewPortDetectorTest {

    private static final String PLUG = "192.168.1.77";

    private final NewPortDetector detector = new NewPortDetector(NewPortConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();

    /** Three hours of a plug talking HTTPS and MQTT to its cloud and DNS to the router. */
    private void usualTraffic() {
        for (int minute = 0; minute < 180; minute++) {
            detector.onEvent(tcp(T0.plusSeconds(60L * minute), PLUG, "52.1.2.3", 443, 500, 500), findings::add);
            detector.onEvent(tcp(T0.plusSeconds(60L * minute + 5), PLUG, "52.1.2.4", 8883, 100, 100), findings::add);
            detector.onEvent(TestFlows.connection(T0.plusSeconds(60L * minute + 9), "udp", PLUG, "192.168.1.1", 53, 60, 90, 1,
                    "accept"), findings::add);
        }
    }

    @Test
    void newPortAfterLearningAlerts() {
        usualTraffic();
        detector.onEvent(tcp(T0.plus(Duration.ofHours(3)), PLUG, "45.33.2.1", 23, 60, 0), findings::add);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("Protocol-Anomaly");
            assertThat(f.mitre()).isEqualTo("T1571");
            assertThat(f.srcIp()).isEqualTo(PLUG);
            assertThat(f.dstIp()).isEqualTo("45.33.2.1");
            assertThat(f.evidence()).containsEntry("protocol", "tcp").containsEntry("port", 23)
                    .containsEntry("learned_count", 2)
                    .containsEntry("learned", List.of("tcp/443", "tcp/8883"));
        });
    }

    @Test
    void newPortDuringLearningIsQuiet() {
        detector.onEvent(tcp(T0, PLUG, "52.1.2.3", 443, 500, 500), findings::add);
        detector.onEvent(tcp(T0.plus(Duration.ofMinutes(90)), PLUG, "45.33.2.1", 23, 60, 0), findings::add);
        detector.onEvent(tcp(T0.plus(Duration.ofHours(3)), PLUG, "45.33.2.2", 23, 60, 0), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void deviceWithManyLearnedPairsIsLeftAlone() {
        for (int port = 0; port < 30; port++) {
            detector.onEvent(tcp(T0.plusSeconds(port), "192.168.1.5", "52.1.2.3", 8000 + port, 500, 500), findings::add);
        }
        detector.onEvent(tcp(T0.plus(Duration.ofHours(3)), "192.168.1.5", "45.33.2.1", 22, 60, 0), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void aDeviceThatReachedManyDestinationsWhileLearningIsLeftAlone() {
        String laptop = "192.168.1.91";
        for (int i = 0; i < 150; i++) {
            detector.onEvent(tcp(T0.plusSeconds(60L * i), laptop, "151.101." + (i % 40) + ".1", 443, 900, 9000), findings::add);
        }
        detector.onEvent(tcp(T0.plus(Duration.ofHours(3)), laptop, "45.33.2.1", 6667, 60, 0), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void aPortOtherDevicesAlreadyUseIsTheNetworksHabitNotAnAnomaly() {
        detector.onEvent(TestFlows.connection(T0, "udp", "192.168.1.60", "142.250.1.1", 443, 900, 9000, 1, "accept"),
                findings::add);
        usualTraffic();
        detector.onEvent(TestFlows.connection(T0.plus(Duration.ofHours(3)), "udp", PLUG, "142.250.1.1", 443, 900, 9000, 1,
                "accept"), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void aNewPortToAnInternalAddressIsLeftToOtherDetectors() {
        usualTraffic();
        detector.onEvent(tcp(T0.plus(Duration.ofHours(3)), PLUG, "10.0.0.50", 445, 5_000_000, 1000), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void aDeviceFirstSeenIdleLearnsFromItsFirstHundredConnectionsNotOnlyItsFirstHours() {
        String phone = "192.168.1.90";
        for (int hour = 0; hour < 3; hour++) {
            detector.onEvent(tcp(T0.plus(Duration.ofHours(hour)), phone, "52.1.2.3", 443, 500, 500), findings::add);
        }
        for (int i = 0; i < 100; i++) {
            detector.onEvent(TestFlows.connection(T0.plus(Duration.ofHours(4)).plusSeconds(i), "udp", phone, "142.250.1." + i % 4,
                    443, 900, 9000, 1, "accept"), findings::add);
        }
        detector.onEvent(tcp(T0.plus(Duration.ofHours(5)), phone, "45.33.2.1", 23, 60, 0), findings::add);

        assertThat(findings).extracting(f -> f.evidence().get("port")).containsExactly(23);
        assertThat(findings.getFirst().evidence()).containsEntry("learned", List.of("tcp/443", "udp/443"));
    }

    @Test
    void ongoingUseOfNewPortIsOneAlertWithGrowingCount() {
        DetectionEngine engine = new DetectionEngine(List.of(new NewPortDetector(NewPortConfig.defaults())), List.of(),
                Duration.ofHours(1));
        for (int minute = 0; minute < 180; minute++) {
            engine.accept(tcp(T0.plusSeconds(60L * minute), PLUG, "52.1.2.3", 443, 500, 500));
        }
        for (int i = 0; i < 50; i++) {
            engine.accept(tcp(T0.plus(Duration.ofHours(3)).plusSeconds(10L * i), PLUG, "45.9.9.9", 3333, 500, 500));
        }
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(50);
            assertThat(a.dstIp()).isEqualTo("45.9.9.9");
        });
    }

    @Test
    void devicesStayBoundedUnderAFloodOfSources() {
        NewPortDetector small = new NewPortDetector(new NewPortConfig(Duration.ofHours(2), 100, true, 8, 16, 0, Duration.ofDays(7), 1000));
        for (int i = 0; i < 1_000_000; i++) {
            String src = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(tcp(T0.plusMillis(i), src, "52.1.2.3", 443, 100, 100), findings::add);
        }

        assertThat(small.trackedDevices()).isEqualTo(1000);
        assertThat(small.evictions()).isEqualTo(999_000);
    }

    @Test
    void codesRoundTripToLabels() {
        assertThat(NewPortDetector.label(NewPortDetector.code("udp", 53))).isEqualTo("udp/53");
        assertThat(NewPortDetector.label(NewPortDetector.code("icmp", 8))).isEqualTo("icmp/0");
        assertThat(NewPortDetector.label(NewPortDetector.code("47", 0))).isEqualTo("47/0");
        assertThat(NewPortDetector.label(NewPortDetector.code("weird", 1))).isEqualTo("other/1");
    }

    @Test
    void configValidationNamesTheField() {
        assertThatThrownBy(() -> new NewPortConfig(Duration.ZERO, 100, true, 8, 16, 0, Duration.ofDays(7), 1)).hasMessageContaining("learning");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), 100, true, 0, 16, 0, Duration.ofDays(7), 1))
                .hasMessageContaining("maxLearnedPairs");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), 100, true, 8, 16, 0, Duration.ofHours(1), 1))
                .hasMessageContaining("forgetAfter");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), 100, true, 8, 16, 0, Duration.ofDays(7), 0))
                .hasMessageContaining("maxDevices");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), -1, true, 8, 16, 0, Duration.ofDays(7), 1))
                .hasMessageContaining("minLearningConnections");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), 100, true, 8, 0, 0, Duration.ofDays(7), 1))
                .hasMessageContaining("maxLearnedDestinations");
        assertThatThrownBy(() -> new NewPortConfig(Duration.ofHours(2), 100, true, 8, 16, -1, Duration.ofDays(7), 1))
                .hasMessageContaining("maxOtherUsers");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 13));
    }
}
