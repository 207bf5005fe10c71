package io.iotwatch.detect.beacon;

import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BeaconDetectorTest {

    private static final String C2 = "203.0.113.66";

    private final List<Finding> findings = new ArrayList<>();

    /** Connections from each source to C2:443, every interval ±5%, with advance() every minute. */
    private void run(BeaconDetector detector, List<String> sources, int connections, double interval, long seed,
            boolean poisson) {
        Random random = new Random(seed);
        List<ConnectionEvent> events = new ArrayList<>();
        for (String src : sources) {
            double t = 0;
            for (int i = 0; i < connections; i++) {
                t += poisson ? -Math.log(1 - random.nextDouble()) * interval : interval * (0.95 + 0.1 * random.nextDouble());
                events.add(tcp(T0.plusMillis((long) (t * 1000)), src, C2, 443, 300, 1200));
            }
        }
        events.sort((a, b) -> a.time().compareTo(b.time()));
        Instant tick = T0;
        for (ConnectionEvent event : events) {
            detector.onEvent(event, findings::add);
            while (!event.time().isBefore(tick.plusSeconds(60))) {
                tick = tick.plusSeconds(60);
                detector.advance(tick, findings::add);
            }
        }
        detector.advance(events.getLast().time().plus(Duration.ofMinutes(15)), findings::add);
    }

    @Test
    void cleanBeaconToPrivateDestinationAlerts() {
        run(new BeaconDetector(BeaconConfig.defaults()), List.of("192.168.1.20"), 100, 60, 1, false);

        assertThat(findings).isNotEmpty();
        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("C2-Beaconing");
        assertThat(first.confidence()).isGreaterThanOrEqualTo(0.8);
        assertThat(first.srcIp()).isEqualTo("192.168.1.20");
        assertThat(first.dstIp()).isEqualTo(C2);
        assertThat(first.evidence()).containsEntry("prevalence", 1).containsEntry("port", 443);
        assertThat((double) first.evidence().get("interval_median_s")).isBetween(57.0, 63.0);
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(100);
    }

    @Test
    void sameBeaconToEndpointSharedByFiveDevicesIsQuiet() {
        run(new BeaconDetector(BeaconConfig.defaults()),
                List.of("192.168.1.20", "192.168.1.21", "192.168.1.22", "192.168.1.23", "192.168.1.24"), 100, 60, 2, false);

        assertThat(findings).isEmpty();
    }

    @Test
    void poissonTimedConnectionsAreQuiet() {
        for (long seed = 0; seed < 20; seed++) {
            run(new BeaconDetector(BeaconConfig.defaults()), List.of("192.168.1.20"), 200, 60, seed, true);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void fewerThanMinConnectionsAreQuiet() {
        run(new BeaconDetector(BeaconConfig.defaults()), List.of("192.168.1.20"), 19, 300, 3, false);

        assertThat(findings).isEmpty();
    }

    @Test
    void ntpIsSkipped() {
        BeaconDetector detector = new BeaconDetector(BeaconConfig.defaults());
        for (int i = 0; i < 100; i++) {
            detector.onEvent(TestFlows.connection(T0.plusSeconds(64L * i), "udp", "192.168.1.20", C2, 123, 48, 48, 1, "accept"),
                    findings::add);
        }
        detector.advance(T0.plusSeconds(7000), findings::add);

        assertThat(findings).isEmpty();
        assertThat(detector.trackedPairs()).isZero();
    }

    @Test
    void ongoingBeaconIsOneAlertWithGrowingCount() {
        DetectionEngine engine = new DetectionEngine(List.of(new BeaconDetector(BeaconConfig.defaults())), List.of(),
                Duration.ofHours(1));
        for (int i = 0; i < 300; i++) {
            engine.accept(tcp(T0.plusSeconds(60L * i), "10.1.1.5", C2, 8443, 500, 500));
        }
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().count()).isGreaterThan(250).isLessThanOrEqualTo(300);
        assertThat(alerts.getFirst().detector()).isEqualTo("beacon");
    }

    @Test
    void pairsStayBoundedUnderAFloodOfSources() {
        BeaconConfig small = new BeaconConfig(Duration.ofMinutes(15), 20, Duration.ofHours(1), 0.8, Duration.ofHours(24),
                1, true, Duration.ofHours(24), 512, 1000, 1000);
        BeaconDetector detector = new BeaconDetector(small);
        for (int i = 0; i < 1_000_000; i++) {
            String src = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            String dst = "45." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            detector.onEvent(tcp(T0.plusMillis(i), src, dst, 443, 100, 100), findings::add);
        }
        detector.advance(T0.plusSeconds(1000), findings::add);

        assertThat(detector.trackedPairs()).isLessThanOrEqualTo(1000);
        assertThat(detector.evictedPairs()).isEqualTo(999_000);
        assertThat(detector.evictedDestinations()).isEqualTo(999_000);
    }

    @Test
    void connectionsToADestinationOthersShareAreNotTracked() {
        BeaconDetector detector = new BeaconDetector(BeaconConfig.defaults());
        for (int i = 0; i < 100; i++) {
            detector.onEvent(tcp(T0.plusSeconds(i), "192.168.1." + (i % 5 + 10), "52.1.2.3", 8883, 100, 100), findings::add);
        }
        assertThat(detector.trackedPairs()).isEqualTo(1);
    }

    @Test
    void scoreOfPerfectBeaconIsOne() {
        long[] starts = new long[30];
        long[] sizes = new long[30];
        for (int i = 0; i < 30; i++) {
            starts[i] = i * 300_000L;
            sizes[i] = 512;
        }
        BeaconScore score = BeaconScore.of(starts, sizes, 30);

        assertThat(score.total()).isEqualTo(1.0);
        assertThat(score.intervalMedian()).isEqualTo(300.0);
        assertThat(BeaconScore.bowley(new double[] {1, 2, 3, 10, 20})).isPositive();
    }

    @Test
    void configValidationNamesTheField() {
        assertThatThrownBy(() -> new BeaconConfig(Duration.ZERO, 20, Duration.ofHours(1), 0.8, Duration.ofHours(24), 1,
                true, Duration.ofHours(24), 512, 10, 10)).hasMessageContaining("evaluateEvery");
        assertThatThrownBy(() -> new BeaconConfig(Duration.ofMinutes(1), 20, Duration.ofHours(1), 1.5, Duration.ofHours(24),
                1, true, Duration.ofHours(24), 512, 10, 10)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new BeaconConfig(Duration.ofMinutes(1), 20, Duration.ofHours(1), 0.8, Duration.ofHours(24),
                0, true, Duration.ofHours(24), 512, 10, 10)).hasMessageContaining("maxPrevalence");
        assertThatThrownBy(() -> new BeaconConfig(Duration.ofMinutes(1), 20, Duration.ofHours(1), 0.8, Duration.ofHours(24),
                1, true, Duration.ofHours(24), 10, 10, 10)).hasMessageContaining("maxConnectionsPerPair");
    }

    @Test
    void hostileEventsNeverThrow() {
        BeaconDetector detector = new BeaconDetector(BeaconConfig.defaults());
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 42));
    }
}
