package io.iotwatch.detect.scan;

import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.denied;
import static io.iotwatch.detect.TestFlows.tcp;
import static io.iotwatch.detect.TestFlows.unansweredPing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanDetectorTest {

    private final ScanDetector detector = new ScanDetector(ScanConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();

    private void feed(Event event) {
        detector.onEvent(event, findings::add);
    }

    @Test
    void portScanOfHundredPortsAlerts() {
        for (int port = 1; port <= 100; port++) {
            feed(denied(T0.plusMillis(port * 100L), "tcp", "198.51.100.7", "192.168.1.10", port));
        }
        detector.advance(T0.plusSeconds(60), findings::add);

        assertThat(findings).isNotEmpty();
        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("Recon-PortScan");
        assertThat(first.mitre()).isEqualTo("T1046");
        assertThat(first.dstIp()).isEqualTo("192.168.1.10");
        assertThat(first.level()).isEqualTo(ThreatLevel.MEDIUM);
        assertThat(first.count()).isEqualTo(15);
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(100);
    }

    @Test
    void internalScannerIsHigh() {
        for (int port = 1; port <= 20; port++) {
            feed(TestFlows.connection(T0.plusSeconds(port), "tcp", "10.0.0.9", "10.0.0.10", port, 60, 0, 0, "server-rst"));
        }

        assertThat(findings).singleElement().extracting(Finding::level).isEqualTo(ThreatLevel.HIGH);
    }

    @Test
    void aSynScanSeenInPacketsIsAPortScan() {
        // From packets a refused probe brings one RST back (60 bytes), and an open port's SYN-ACK is reset by the scanner.
        for (int port = 1; port <= 20; port++) {
            feed(TestFlows.connection(T0.plusMillis(port), "tcp", "10.0.0.9", "10.0.0.10", port, 60, 60, 1,
                    port % 5 == 0 ? "client-rst" : "server-rst"));
        }

        assertThat(findings).singleElement().extracting(Finding::attackClass).isEqualTo("Recon-PortScan");
    }

    @Test
    void connectionsResetAfterAnExchangeAreQuiet() {
        for (int port = 1; port <= 40; port++) {
            feed(TestFlows.connection(T0.plusMillis(port), "tcp", "10.0.0.9", "10.0.0.10", port, 600, 900, 4, "server-rst"));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void tenPortsAreQuiet() {
        for (int port = 1; port <= 10; port++) {
            feed(denied(T0.plusSeconds(port), "tcp", "198.51.100.7", "192.168.1.10", port));
        }
        detector.advance(T0.plusSeconds(60), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void successfulConnectionsAreQuiet() {
        for (int i = 1; i <= 100; i++) {
            feed(tcp(T0.plusSeconds(i), "192.168.1.30", "198.51.100." + i, 443, 900, 40_000));
            feed(tcp(T0.plusSeconds(i), "192.168.1.30", "198.51.100.200", 1000 + i, 900, 40_000));
        }
        detector.advance(T0.plusSeconds(200), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void pingSweepOfFiftyHostsAlerts() {
        for (int host = 1; host <= 50; host++) {
            feed(unansweredPing(T0.plusSeconds(host), "192.168.1.66", "192.168.1." + (100 + host)));
        }
        detector.advance(T0.plusSeconds(120), findings::add);

        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("Recon-PingSweep");
        assertThat(first.mitre()).isEqualTo("T1018");
        assertThat(first.dstIp()).isNull();
        assertThat(first.evidence()).containsEntry("port", 0);
        assertThat(first.evidence().get("sample_targets")).asInstanceOf(LIST).hasSize(10).contains("192.168.1.101");
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(50);
    }

    @Test
    void tcpSweepIsHostDiscovery() {
        for (int host = 1; host <= 30; host++) {
            feed(denied(T0.plusSeconds(host), "tcp", "198.51.100.7", "192.168.2." + host, 23));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("Recon-HostDiscovery");
            assertThat(f.evidence()).containsEntry("port", 23);
        });
    }

    @Test
    void attemptsSpreadOverWindowsDoNotAddUp() {
        for (int port = 1; port <= 28; port++) {
            feed(denied(T0.plus(Duration.ofMinutes(port / 2 * 5L)), "tcp", "198.51.100.7", "192.168.1.10", port));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void ongoingScanIsOneAlertWithGrowingCount() {
        DetectionEngine engine = new DetectionEngine(List.of(new ScanDetector(ScanConfig.defaults())), List.of(),
                Duration.ofMinutes(30));
        for (int port = 1; port <= 1000; port++) {
            engine.accept(denied(T0.plusMillis(port * 200L), "tcp", "198.51.100.7", "192.168.1.10", port));
        }
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.attackClass()).isEqualTo("Recon-PortScan");
            assertThat(a.count()).isEqualTo(1000);
        });
    }

    @Test
    void keysStayBoundedUnderAFloodOfSources() {
        ScanDetector small = new ScanDetector(new ScanConfig(Duration.ofMinutes(5), 15, 25, 64, 1000));
        for (int i = 0; i < 1_000_000; i++) {
            String src = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(denied(T0.plusMillis(i), "tcp", src, "192.168.1.1", 22), findings::add);
        }

        assertThat(small.trackedKeys()).isLessThanOrEqualTo(2000);
        assertThat(small.evictions()).isEqualTo(2 * 999_000);
        assertThat(findings).isEmpty();
    }

    @Test
    void longSetCountsDistinctUpToItsCap() {
        LongSet set = new LongSet(100);
        for (long i = 1; i <= 1000; i++) {
            set.add(i);
            set.add(i);
        }
        assertThat(set.size()).isEqualTo(100);
        assertThat(set.add(1)).isFalse();
    }

    @Test
    void longSetAgreesWithAHashSetOverRandomValuesAndClears() {
        Random random = new Random(46);
        for (int round = 0; round < 200; round++) {
            int max = 1 + random.nextInt(40);
            LongSet set = new LongSet(max);
            Set<Long> reference = new HashSet<>();
            for (int i = 0; i < random.nextInt(120); i++) {
                if (random.nextInt(30) == 0) {
                    set.clear();
                    reference.clear();
                }
                // few distinct values, so that repeats and a repeated first value are common
                long value = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
                boolean fresh = reference.size() < max && !reference.contains(value);
                if (fresh) {
                    reference.add(value);
                }
                assertThat(set.add(value)).as("round %d add %d", round, value).isEqualTo(fresh);
                assertThat(set.size()).isEqualTo(reference.size());
            }
        }
    }

    @Test
    void configValidationNamesTheField() {
        assertThatThrownBy(() -> new ScanConfig(Duration.ZERO, 15, 25, 4096, 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new ScanConfig(Duration.ofMinutes(5), 1, 25, 4096, 10)).hasMessageContaining("portThreshold");
        assertThatThrownBy(() -> new ScanConfig(Duration.ofMinutes(5), 15, 25, 20, 10)).hasMessageContaining("maxDistinctPerKey");
        assertThatThrownBy(() -> new ScanConfig(Duration.ofMinutes(5), 15, 25, 4096, 0)).hasMessageContaining("maxKeys");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 7));
    }
}
