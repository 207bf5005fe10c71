package io.iotwatch.detect.bruteforce;

import static io.iotwatch.detect.TestEvents.at;
import static io.iotwatch.detect.TestEvents.randomText;
import static io.iotwatch.detect.TestEvents.auth;
import static io.iotwatch.detect.TestEvents.connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestEvents;
import io.iotwatch.detect.TestEvents.Findings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BruteForceDetectorTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String CAMERA = "192.168.1.50";

    private final BruteForceDetector detector = new BruteForceDetector(BruteForceConfig.defaults());
    private final Findings out = new Findings();

    private void fail(double seconds, String user) {
        detector.onEvent(auth(at(seconds), ATTACKER, CAMERA, "ssh", user, Outcome.FAILURE), out);
    }

    private void succeed(double seconds, String user) {
        detector.onEvent(auth(at(seconds), ATTACKER, CAMERA, "ssh", user, Outcome.SUCCESS), out);
    }

    @Test
    void tenFailuresWithinFiveMinutesAreDictionaryBruteForce() {
        for (int i = 0; i < 10; i++) {
            fail(i * 20, i < 3 ? "root" : "admin" + i);
        }

        assertThat(out.all).hasSize(1);
        Finding f = out.all.getFirst();
        assertThat(f.detector()).isEqualTo("bruteforce");
        assertThat(f.attackClass()).isEqualTo("DictionaryBruteForce");
        assertThat(f.group()).isEqualTo("BruteForce");
        assertThat(f.mitre()).isEqualTo("T1110.001");
        assertThat(f.level()).isEqualTo(ThreatLevel.HIGH);
        assertThat(f.srcIp()).isEqualTo(ATTACKER);
        assertThat(f.dstIp()).isEqualTo(CAMERA);
        assertThat(f.count()).isEqualTo(10);
        assertThat(f.firstSeen()).isEqualTo(at(0));
        assertThat(f.lastSeen()).isEqualTo(at(180));
        assertThat(f.evidence()).containsEntry("failures", 10L).containsEntry("window_seconds", 300L)
                .containsEntry("service", "ssh").containsEntry("first_attempt", at(0).toString())
                .containsEntry("last_attempt", at(180).toString());
        assertThat(f.evidence().get("users")).asInstanceOf(LIST)
                .containsExactly("root", "admin3", "admin4", "admin5", "admin6", "admin7", "admin8", "admin9");
    }

    @Test
    void nineFailuresAreNotEnough() {
        for (int i = 0; i < 9; i++) {
            fail(i, "root");
        }
        detector.advance(at(60), out);

        assertThat(out.all).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAlert() {
        for (int i = 0; i < 30; i++) {
            fail(i * 34, "root");
            detector.advance(at(i * 34), out);
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void failuresALittleOutOfOrderStillCount() {
        double[] times = {10, 0, 30, 20, 50, 40, 70, 60, 90, 80};
        for (double t : times) {
            fail(t, "root");
        }

        assertThat(out.all).singleElement().satisfies(f -> assertThat(f.firstSeen()).isEqualTo(at(0)));
    }

    @Test
    void otherTargetsAndServicesAreOtherKeys() {
        for (int i = 0; i < 5; i++) {
            detector.onEvent(auth(at(i), ATTACKER, CAMERA, "ssh", "root", Outcome.FAILURE), out);
            detector.onEvent(auth(at(i), ATTACKER, CAMERA, "telnet", "root", Outcome.FAILURE), out);
            detector.onEvent(auth(at(i), ATTACKER, "192.168.1.51", "ssh", "root", Outcome.FAILURE), out);
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void aLoginThatWorksAfterTheBurstIsCritical() {
        for (int i = 0; i < 12; i++) {
            fail(i, "admin");
        }
        succeed(20, "admin");
        succeed(21, "admin");

        assertThat(out.all).hasSize(2);
        Finding critical = out.all.get(1);
        assertThat(critical.level()).isEqualTo(ThreatLevel.CRITICAL);
        assertThat(critical.attackClass()).isEqualTo("DictionaryBruteForce");
        assertThat(critical.incidentKey()).isEqualTo(out.all.getFirst().incidentKey());
        assertThat(critical.count()).as("the two failures after the alert").isEqualTo(2);
        assertThat(critical.evidence()).containsEntry("succeeded", true).containsEntry("user", "admin")
                .containsEntry("failures", 12L);
    }

    @Test
    void aLoginLongAfterTheBurstIsNotBlamedOnIt() {
        for (int i = 0; i < 10; i++) {
            fail(i, "admin");
        }
        succeed(9 + 301, "admin");

        assertThat(out.all).extracting(Finding::level).containsExactly(ThreatLevel.HIGH);
    }

    @Test
    void anAdminWhoMistypesTwiceThenGetsInGivesNothing() {
        detector.onEvent(auth(at(0), "192.168.1.10", "192.168.1.1", "https", "admin", Outcome.FAILURE), out);
        detector.onEvent(auth(at(4), "192.168.1.10", "192.168.1.1", "https", "admin", Outcome.FAILURE), out);
        detector.onEvent(auth(at(9), "192.168.1.10", "192.168.1.1", "https", "admin", Outcome.SUCCESS), out);
        detector.advance(at(60), out);
        detector.advance(at(600), out);

        assertThat(out.all).isEmpty();
        assertThat(detector.trackedKeys()).isZero();
    }

    @Test
    void firewallAdminAndVpnLoginsTakeTheSamePath() {
        for (int i = 0; i < 10; i++) {
            detector.onEvent(auth(at(i), ATTACKER, "", "vpn", "user" + i, Outcome.FAILURE), out);
        }

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.dstIp()).isNull();
            assertThat(f.evidence()).containsEntry("service", "vpn");
        });
    }

    @Test
    void anOngoingIncidentKeepsReportingItsNewFailures() {
        for (int i = 0; i < 10; i++) {
            fail(i, "root");
        }
        for (int i = 10; i < 17; i++) {
            fail(i, "root");
        }
        detector.advance(at(60), out);
        fail(70, "root");
        detector.advance(at(120), out);
        detector.advance(at(180), out);

        assertThat(out.all).extracting(Finding::count).containsExactly(10L, 7L, 1L);
        assertThat(out.all.get(1).firstSeen()).isEqualTo(at(10));
        assertThat(out.all.get(1).lastSeen()).isEqualTo(at(16));
        assertThat(out.all.get(2).evidence()).containsEntry("failures", 18L);
    }

    @Test
    void theEngineMakesOneAlertOfTheWholeIncident() {
        DetectionEngine engine = new DetectionEngine(List.of(detector), List.of(), Duration.ofMinutes(30));
        for (int i = 0; i < 200; i++) {
            engine.accept(auth(at(i * 2), ATTACKER, CAMERA, "telnet", "user" + i, Outcome.FAILURE));
        }
        engine.accept(auth(at(401), ATTACKER, CAMERA, "telnet", "user199", Outcome.SUCCESS));
        engine.finish();

        List<Alert> alerts = engine.drainChanged();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(200);
            assertThat(a.level()).isEqualTo(ThreatLevel.CRITICAL);
            assertThat(a.firstSeen()).isEqualTo(at(0));
            assertThat(a.evidence()).containsEntry("failures", 200L).containsEntry("succeeded", true)
                    .containsEntry("user", "user199");
            assertThat(a.evidence().get("users")).asInstanceOf(LIST).hasSize(10);
        });
    }

    @Test
    void shortSmallConnectionsToALoginPortAreGuessing() {
        for (int i = 0; i < 10; i++) {
            detector.onEvent(connection(at(i * 5), ATTACKER, CAMERA, 2323, Duration.ofSeconds(2), 900), out);
        }

        assertThat(out.all).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(ThreatLevel.HIGH);
            assertThat(f.count()).isEqualTo(10);
            assertThat(f.dstIp()).isEqualTo(CAMERA);
            assertThat(f.evidence()).containsEntry("attempts", 10L).containsEntry("service", "telnet")
                    .containsEntry("port", 2323);
        });
    }

    @Test
    void aLongSessionAfterGuessingIsCritical() {
        for (int i = 0; i < 10; i++) {
            detector.onEvent(connection(at(i * 5), ATTACKER, CAMERA, 22, Duration.ofSeconds(3), 4000), out);
        }
        detector.onEvent(connection(at(100), ATTACKER, CAMERA, 22, Duration.ofSeconds(600), 80_000), out);

        assertThat(out.all).extracting(Finding::level).containsExactly(ThreatLevel.HIGH, ThreatLevel.CRITICAL);
        assertThat(out.all.get(1).evidence()).containsEntry("succeeded", true).containsEntry("service", "ssh")
                .containsEntry("session_seconds", 600L);
    }

    @Test
    void aHandfulOfSshSessionsIsNormalUse() {
        for (int i = 0; i < 5; i++) {
            detector.onEvent(connection(at(i * 30), "192.168.1.10", CAMERA, 22, Duration.ofSeconds(1), 3000), out);
            detector.onEvent(connection(at(i * 30 + 1), "192.168.1.10", CAMERA, 22, Duration.ofMinutes(20), 500_000), out);
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void onlyAcceptedTcpToLoginPortsCounts() {
        for (int i = 0; i < 20; i++) {
            detector.onEvent(connection(at(i), "tcp", ATTACKER, CAMERA, 22, Duration.ofSeconds(1), 100, "deny"), out);
            detector.onEvent(connection(at(i), "udp", ATTACKER, CAMERA, 23, Duration.ofSeconds(1), 100, "accept"), out);
            detector.onEvent(connection(at(i), ATTACKER, CAMERA, 443, Duration.ofSeconds(1), 100), out);
            detector.onEvent(connection(at(i), ATTACKER, CAMERA, 22, Duration.ofSeconds(1), 50_000), out);
        }

        assertThat(out.all).isEmpty();
    }

    @Test
    void idleKeysAreForgotten() {
        for (int i = 0; i < 12; i++) {
            fail(i, "root");
        }
        detector.onEvent(auth(at(0), "10.0.0.9", CAMERA, "ssh", "root", Outcome.FAILURE), out);
        assertThat(detector.trackedKeys()).isEqualTo(2);

        detector.advance(at(11 + 300), out);
        assertThat(detector.trackedKeys()).isEqualTo(1);
        detector.advance(at(11 + 301), out);
        assertThat(detector.trackedKeys()).isZero();
    }

    @Test
    void aMillionSourcesStayWithinTheKeyCap() {
        BruteForceConfig d = BruteForceConfig.defaults();
        BruteForceDetector small = new BruteForceDetector(new BruteForceConfig(d.failures(), d.attempts(), d.window(),
                d.authPorts(), d.maxAttemptDuration(), d.maxAttemptBytes(), d.sessionDuration(), d.sessionBytes(), 1000));
        Instant t = at(0);
        for (int i = 0; i < 1_000_000; i++) {
            String src = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(auth(t, src, CAMERA, "ssh", "root", Outcome.FAILURE), out);
        }

        assertThat(small.trackedKeys()).isEqualTo(1000);
        assertThat(small.evictedKeys()).isEqualTo(999_000);
        assertThat(out.all).isEmpty();
    }

    @Test
    void randomAndHostileEventsNeverThrow() {
        Random random = new Random(20250601);
        List<Event> events = new ArrayList<>();
        String[] services = {"ssh", "", "telnet", "https", "vpn", "\u0000\n\u202e"};
        for (int i = 0; i < 50_000; i++) {
            // Mostly ascending with jitter, now and then far out of order.
            Instant t = random.nextInt(100) == 0 ? at(random.nextInt(7200) - 3600) : at(i / 10.0 + random.nextInt(60));
            String src = random.nextInt(4) == 0 ? "" : "10.0.0." + random.nextInt(5);
            String dst = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> randomText(random);
                default -> CAMERA;
            };
            events.add(switch (random.nextInt(3)) {
                case 0 -> auth(t, src, dst, services[random.nextInt(services.length)], randomText(random),
                        Outcome.values()[random.nextInt(3)]);
                case 1 -> connection(t, random.nextBoolean() ? "tcp" : randomText(random), src, dst,
                        random.nextBoolean() ? 22 : random.nextInt(65536), Duration.ofMillis(random.nextInt(100_000)),
                        random.nextInt(60_000), random.nextBoolean() ? "accept" : randomText(random));
                default -> TestEvents.dns(t, src, randomText(random), "A");
            });
        }
        Findings findings = new Findings();

        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < events.size(); i++) {
                detector.onEvent(events.get(i), findings);
                if (i % 500 == 0) {
                    detector.advance(events.get(i).time(), findings);
                }
            }
        });
        assertThat(findings.all).isNotEmpty();
        assertThat(findings.all).allSatisfy(f -> assertThat(f.evidence().toString()).doesNotContain("\n", "\u0000", "\u202e"));
    }


    @Test
    void theConfigRejectsValuesThatCannotWork() {
        BruteForceConfig d = BruteForceConfig.defaults();
        assertThatThrownBy(() -> new BruteForceConfig(1, 10, d.window(), d.authPorts(), d.maxAttemptDuration(),
                d.maxAttemptBytes(), d.sessionDuration(), d.sessionBytes(), 10)).hasMessageContaining("failures");
        assertThatThrownBy(() -> new BruteForceConfig(10, 10, Duration.ZERO, d.authPorts(), d.maxAttemptDuration(),
                d.maxAttemptBytes(), d.sessionDuration(), d.sessionBytes(), 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new BruteForceConfig(10, 10, d.window(), Set.of(22, 70_000), d.maxAttemptDuration(),
                d.maxAttemptBytes(), d.sessionDuration(), d.sessionBytes(), 10)).hasMessageContaining("authPorts");
        assertThatThrownBy(() -> new BruteForceConfig(10, 10, d.window(), d.authPorts(), d.maxAttemptDuration(),
                d.maxAttemptBytes(), d.sessionDuration(), d.maxAttemptBytes(), 10)).hasMessageContaining("sessionBytes");
        assertThatThrownBy(() -> new BruteForceConfig(10, 10, d.window(), d.authPorts(), d.maxAttemptDuration(),
                d.maxAttemptBytes(), d.sessionDuration(), d.sessionBytes(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKeys");
    }
}
