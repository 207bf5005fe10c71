package io.iotwatch.detect.httpflood;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpFloodDetectorTest {

    private static final String SERVER = "192.168.1.80";
    private static final String ATTACKER = "192.168.1.66";
    private static final String SECOND = "192.168.1.67";

    private final HttpFloodDetector detector = new HttpFloodDetector(HttpFloodConfig.defaults());
    private final List<Finding> findings = new ArrayList<>();
    private int fed;
    private int fedAtFirstFinding = -1;

    private void feed(ConnectionEvent event) {
        detector.onEvent(event, finding -> {
            if (findings.isEmpty()) {
                fedAtFirstFinding = fed + 1;
            }
            findings.add(finding);
        });
        fed++;
    }

    private static Instant at(int i, int perSecond) {
        return T0.plusNanos(i * (1_000_000_000L / perSecond));
    }

    /** One GET and its answer on a connection of its own: handshake, request, response, close. */
    private static ConnectionEvent get(Instant time, String client, int i, int port) {
        return packetFlow(time, "tcp", client, 1024 + i % 60_000, SERVER, port, 6, 620, 5, 1_900, Duration.ofMillis(40),
                SYN | ACK | PSH | FIN);
    }

    @Test
    void oneSourceOpeningConnectionsFarFasterThanAnyClientIsADosRaisedWhileItGoesOn() {
        for (int i = 0; i < 200 * 20; i++) {
            feed(get(at(i, 200), ATTACKER, i, 80));
        }

        assertThat(fedAtFirstFinding).as("50 a second over 10 s").isEqualTo(500);
        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("DoS-HTTP_Flood");
        assertThat(first.group()).isEqualTo("DoS");
        assertThat(first.level()).isEqualTo(ThreatLevel.HIGH);
        assertThat(first.mitre()).isEqualTo("T1499.002");
        assertThat(first.srcIp()).isEqualTo(ATTACKER);
        assertThat(first.dstIp()).isEqualTo(SERVER);
        assertThat(first.count()).isEqualTo(500);
        assertThat(first.lastSeen()).isBefore(T0.plusSeconds(3));
        assertThat(first.evidence()).containsEntry("rate_cps", 50L).containsEntry("threshold_cps", 50)
                .containsEntry("port", 80).containsEntry("mean_request_bytes", 620L).containsEntry("mean_response_bytes", 1_900L);

        detector.advance(T0.plusSeconds(60), findings::add);
        assertThat(findings).hasSize(2);
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(4000);
        assertThat(findings.getLast().confidence()).isGreaterThan(0.7);
    }

    @Test
    void twoSourcesOverTheRateAgainstOneServerAreADdos() {
        for (int i = 0; i < 300 * 20; i++) {
            feed(get(at(i, 300), i % 2 == 0 ? ATTACKER : SECOND, i, 443));
        }
        detector.advance(T0.plusSeconds(60), findings::add);

        assertThat(findings.getFirst().attackClass()).as("the first over the rate is alone so far").isEqualTo("DoS-HTTP_Flood");
        assertThat(findings.subList(1, findings.size())).allSatisfy(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-HTTP_Flood");
            assertThat(f.group()).isEqualTo("DDoS");
            assertThat(f.evidence()).containsEntry("sources_over_rate", 2L);
        }).extracting(Finding::srcIp).contains(ATTACKER, SECOND);
    }

    @Test
    void manyClientsAtNormalRatesNeverAddUp() {
        // 2,000 devices each polling the hub every 2 s without keep-alive: 1,000 connections a second in all.
        for (int i = 0; i < 1000 * 60; i++) {
            feed(get(at(i, 1000), "10.0." + (i % 2000 / 250) + "." + (i % 250 + 1), i, 443));
        }
        detector.advance(T0.plusSeconds(120), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void justBelowTheRateIsQuiet() {
        for (int i = 0; i < 49 * 60; i++) {
            feed(get(at(i, 49), ATTACKER, i, 80));
        }
        detector.advance(T0.plusSeconds(120), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void onlyShortCompletedConnectionsToWebPortsCount() {
        for (int i = 0; i < 200 * 20; i++) {
            Instant t = at(i, 200);
            // Held open for a minute (a slowloris connection), a SYN nobody answered, SSH, a denied session.
            feed(packetFlow(t, "tcp", ATTACKER, 1024 + i, SERVER, 80, 8, 700, 6, 400, Duration.ofSeconds(60), SYN | ACK | PSH | FIN));
            feed(packetFlow(t, "tcp", ATTACKER, 1024 + i, SERVER, 80, 1, 60, 0, 0, Duration.ZERO, SYN));
            feed(packetFlow(t, "tcp", ATTACKER, 1024 + i, SERVER, 22, 6, 620, 5, 1_900, Duration.ofMillis(40), SYN | ACK | PSH | FIN));
            feed(logged(t, "tcp", ATTACKER, 1024 + i, SERVER, 443, 1, 60, 0, 0, Duration.ZERO, "deny"));
        }
        detector.advance(T0.plusSeconds(60), findings::add);

        assertThat(findings).isEmpty();
    }

    @Test
    void firewallSessionsThatWereAnsweredCountAndOtherPortsCanBeWatched() {
        HttpFloodDetector custom = new HttpFloodDetector(new HttpFloodConfig(Duration.ofSeconds(10), 50, Duration.ofSeconds(20),
                Set.of(8123), 1000));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            custom.onEvent(logged(at(i, 100), "tcp", ATTACKER, 1024 + i, SERVER, 8123, 5, 700, 4, 2_000, Duration.ZERO, "close"), out::add);
        }

        assertThat(out).singleElement().satisfies(f -> assertThat(f.attackClass()).isEqualTo("DoS-HTTP_Flood"));
    }

    @Test
    void pairsStayBoundedUnderMillionsOfSources() {
        HttpFloodDetector small = new HttpFloodDetector(new HttpFloodConfig(Duration.ofSeconds(10), 50, Duration.ofSeconds(20),
                Flows.WEB_PORTS, 1000));
        for (int i = 0; i < 1_000_000; i++) {
            String src = (1 + (i >>> 24)) + "." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(get(at(i, 100_000), src, i, 443), findings::add);
        }

        assertThat(small.trackedPairs()).isEqualTo(1000);
        assertThat(small.evictions()).isEqualTo(999_000);
        assertThat(findings).isEmpty();
        small.advance(T0.plusSeconds(100), findings::add);
        assertThat(small.trackedPairs()).isZero();
    }

    @Test
    void configValidationNamesTheField() {
        Duration w = Duration.ofSeconds(10);
        Duration d = Duration.ofSeconds(20);
        assertThatThrownBy(() -> new HttpFloodConfig(Duration.ZERO, 50, d, Flows.WEB_PORTS, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new HttpFloodConfig(w, 0, d, Flows.WEB_PORTS, 1)).hasMessageContaining("connectionsPerSecond");
        assertThatThrownBy(() -> new HttpFloodConfig(w, 50, Duration.ZERO, Flows.WEB_PORTS, 1)).hasMessageContaining("maxDuration");
        assertThatThrownBy(() -> new HttpFloodConfig(w, 50, d, Set.of(), 1)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new HttpFloodConfig(w, 50, d, Set.of(70_000), 1)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new HttpFloodConfig(w, 50, d, Flows.WEB_PORTS, 0)).hasMessageContaining("maxKeys");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 9));
    }
}
