package io.iotwatch.detect.slowhttp;

import static io.iotwatch.detect.Flows.ACK;
import static io.iotwatch.detect.Flows.FIN;
import static io.iotwatch.detect.Flows.PSH;
import static io.iotwatch.detect.Flows.SYN;
import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.logged;
import static io.iotwatch.detect.TestFlows.packetFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.detect.Flows;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlowHttpDetectorTest {

    private static final String SERVER = "192.168.1.80";
    private static final String ATTACKER = "192.168.1.66";
    private static final int FLAGS = SYN | ACK | PSH | FIN;

    private final SlowHttpDetector detector = new SlowHttpDetector(SlowHttpConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();

    private void feed(List<ConnectionEvent> events) {
        events.forEach(e -> detector.onEvent(e, findings::add));
    }

    /**
     * slowhttptest -c 500 -r 50 against a server that drops a request whose headers are still incomplete after
     * {@code held}: 500 connections opened 50 a second, each reopened as soon as the server drops it, for
     * {@code seconds}. A connection sends a header line every 10 s; events come as connections end, as the packet
     * path reports them (stamped with their first packet).
     */
    private static List<ConnectionEvent> slowloris(String source, Duration held, int seconds) {
        List<ConnectionEvent> events = new ArrayList<>();
        long heldMillis = held.toMillis();
        for (int slot = 0; slot < 500; slot++) {
            for (long start = slot * 20L; start + heldMillis <= seconds * 1000L; start += heldMillis) {
                long lines = heldMillis / 10_000;
                events.add(packetFlow(T0.plusMillis(start), "tcp", source, 1024 + slot, SERVER, 80, 3 + lines, 400 + lines * 80,
                        2 + lines, 140 + lines * 66, held, FLAGS));
            }
        }
        events.sort(Comparator.comparing(e -> e.time().plus(e.duration())));
        return events;
    }

    @Test
    void manyIdleConnectionsHeldAtOnceAreASlowLorisRaisedWhileItGoesOn() {
        feed(slowloris(ATTACKER, Duration.ofSeconds(40), 300));

        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("DDoS-SlowLoris");
        assertThat(first.group()).isEqualTo("DDoS");
        assertThat(first.level()).isEqualTo(ThreatLevel.HIGH);
        assertThat(first.mitre()).isEqualTo("T1499.002");
        assertThat(first.srcIp()).isEqualTo(ATTACKER);
        assertThat(first.dstIp()).isEqualTo(SERVER);
        assertThat(first.lastSeen()).as("the first connections the server dropped, long before the attack's end at 300 s")
                .isBefore(T0.plusSeconds(45));
        assertThat((Long) first.evidence().get("concurrent")).isBetween(100L, 120L);
        assertThat(first.evidence()).containsEntry("threshold_concurrent", 100).containsEntry("mean_duration_s", 40L)
                .containsEntry("port", 80);

        detector.advance(T0.plusSeconds(400), findings::add);
        assertThat((Long) findings.getLast().evidence().get("concurrent")).isBetween(450L, 500L);
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(slowloris(ATTACKER, Duration.ofSeconds(40), 300).size());
        assertThat(findings.getLast().confidence()).isGreaterThan(0.85);
    }

    @Test
    void connectionsHeldUntilTheAttackerLetsGoAreSeenWhenTheyEnd() {
        List<ConnectionEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // A firewall logs each session when it ends: the attacker held them all for the test's 240 s.
            events.add(logged(T0.plusSeconds(250), "tcp", ATTACKER, 1024 + i, SERVER, 443, 27, 2_500, 25, 1_700,
                    Duration.ofSeconds(240), "client-rst"));
        }
        feed(events);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.firstSeen()).isEqualTo(T0.plusSeconds(10));
            assertThat(f.lastSeen()).isEqualTo(T0.plusSeconds(250));
        });
    }

    @Test
    void aBrowsersKeepAliveConnectionsAndOneIdleSocketPerDeviceAreNormal() {
        List<ConnectionEvent> events = new ArrayList<>();
        for (int minute = 0; minute < 60; minute += 2) {
            for (int c = 0; c < 6; c++) {
                events.add(packetFlow(T0.plusSeconds(minute * 60L), "tcp", "192.168.1.20", 50_000 + c, SERVER, 443, 9, 1_200, 8, 3_000,
                        Duration.ofSeconds(75), FLAGS));
            }
        }
        for (int device = 0; device < 1000; device++) {
            events.add(packetFlow(T0, "tcp", "10.0." + device / 250 + "." + (device % 250 + 1), 40_000, SERVER, 443, 200, 14_000,
                    200, 14_000, Duration.ofMinutes(30), FLAGS));
        }
        events.sort(Comparator.comparing(e -> e.time().plus(e.duration())));
        feed(events);
        detector.advance(T0.plusSeconds(7200), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void busyLongConnectionsAndShortOnesAreNotSlow() {
        List<ConnectionEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // A stream of 5 kB a second each, and a request answered in a second.
            events.add(packetFlow(T0, "tcp", ATTACKER, 1024 + i, SERVER, 80, 400, 30_000, 600, 300_000, Duration.ofSeconds(60), FLAGS));
            events.add(packetFlow(T0, "tcp", ATTACKER, 30_000 + i, SERVER, 80, 4, 400, 3, 200, Duration.ofSeconds(1), FLAGS));
        }
        feed(events);

        assertThat(findings).isEmpty();
    }

    @Test
    void fewerThanTheThresholdHeldAtOnceIsQuiet() {
        // A proxy's pool of 64 idle upstream connections, recycled each minute.
        List<ConnectionEvent> events = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            for (int c = 0; c < 64; c++) {
                events.add(packetFlow(T0.plusSeconds(minute * 60L), "tcp", "192.168.1.5", 40_000 + c, SERVER, 8080, 5, 600, 4, 500,
                        Duration.ofSeconds(60), FLAGS));
            }
        }
        feed(events);
        detector.advance(T0.plusSeconds(3600), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void pairsStayBoundedAndAreForgottenOnEventTime() {
        SlowHttpDetector small = new SlowHttpDetector(new SlowHttpConfig(Duration.ofMinutes(5), 100, Duration.ofSeconds(20), 200,
                Flows.WEB_PORTS, 1000));
        for (int i = 0; i < 1_000_000; i++) {
            String src = (1 + (i >>> 24)) + "." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(packetFlow(T0.plusMillis(i), "tcp", src, 40_000, SERVER, 80, 5, 500, 4, 400, Duration.ofSeconds(30), FLAGS),
                    findings::add);
        }

        assertThat(small.trackedPairs()).isEqualTo(1000);
        assertThat(small.evictions()).isEqualTo(999_000);
        small.advance(T0.plusSeconds(1400), findings::add);
        assertThat(small.trackedPairs()).isZero();
        assertThat(findings).isEmpty();
    }

    @Test
    void configValidationNamesTheField() {
        Duration w = Duration.ofMinutes(5);
        Duration d = Duration.ofSeconds(20);
        assertThatThrownBy(() -> new SlowHttpConfig(Duration.ofSeconds(5), 100, d, 200, Flows.WEB_PORTS, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new SlowHttpConfig(w, 1, d, 200, Flows.WEB_PORTS, 1)).hasMessageContaining("concurrentConnections");
        assertThatThrownBy(() -> new SlowHttpConfig(w, 100, Duration.ofMinutes(6), 200, Flows.WEB_PORTS, 1)).hasMessageContaining("minDuration");
        assertThatThrownBy(() -> new SlowHttpConfig(w, 100, d, 0, Flows.WEB_PORTS, 1)).hasMessageContaining("maxBytesPerSecond");
        assertThatThrownBy(() -> new SlowHttpConfig(w, 100, d, 200, Set.of(0), 1)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new SlowHttpConfig(w, 100, d, 200, Flows.WEB_PORTS, 0)).hasMessageContaining("maxKeys");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 13));
    }
}
