package io.iotwatch.detect.flood;

import static io.iotwatch.detect.Flows.ACK;
import static io.iotwatch.detect.Flows.FIN;
import static io.iotwatch.detect.Flows.PSH;
import static io.iotwatch.detect.Flows.RST;
import static io.iotwatch.detect.Flows.SYN;
import static io.iotwatch.detect.TestFlows.T0;
import static io.iotwatch.detect.TestFlows.logged;
import static io.iotwatch.detect.TestFlows.packetFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.detect.DetectionEngine;
import io.iotwatch.detect.TestFlows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class FloodDetectorTest {

    private static final String VICTIM = "192.168.1.50";
    private static final String ATTACKER = "192.168.1.66";
    private static final List<String> BOTS = List.of("192.168.1.71", "192.168.1.72", "192.168.1.73");

    /** The cases below reason in a 10 s window at the default rates; the default window is checked on its own. */
    private static final FloodConfig TEN_SECONDS = new FloodConfig(Duration.ofSeconds(10), 2000, 2000, 5000, 250, 50, 100_000);

    private final FloodDetector detector = new FloodDetector(TEN_SECONDS);
    private final List<Finding> findings = new ArrayList<>();
    private int fed;
    /** Events fed when the first finding came, -1 before. */
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

    /** {@code perSecond} flows a second for {@code seconds}, flow {@code i} made by {@code flow}. */
    private void stream(int perSecond, int seconds, IntFunction<ConnectionEvent> flow) {
        for (int i = 0; i < perSecond * seconds; i++) {
            feed(flow.apply(i));
        }
    }

    private void tick(Instant now) {
        detector.advance(now, findings::add);
    }

    private static Instant at(int i, int perSecond) {
        return T0.plusNanos(i * (1_000_000_000L / perSecond));
    }

    /** A SYN nobody answered, as hping3 --flood sends them: a new source port each, so a flow each. */
    private static ConnectionEvent syn(Instant time, String src, int i) {
        return packetFlow(time, "tcp", src, 1024 + i % 64_000, VICTIM, 80, 1, 60, 0, 0, Duration.ZERO, SYN);
    }

    private static ConnectionEvent udp(Instant time, String src, int i) {
        return packetFlow(time, "udp", src, 1024 + i % 64_000, VICTIM, 1 + i % 65_535, 1, 554, 0, 0, Duration.ZERO, 0);
    }

    private static String forged(Random random) {
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    @Test
    void aSynFloodFromOneSourceIsADosRaisedWhileItGoesOn() {
        stream(5000, 20, i -> syn(at(i, 5000), ATTACKER, i));

        assertThat(fedAtFirstFinding).as("raised at 2,000 a second over 10 s: the 20,000th SYN").isEqualTo(20_000);
        Finding first = findings.getFirst();
        assertThat(first.attackClass()).isEqualTo("DoS-SYN_Flood");
        assertThat(first.group()).isEqualTo("DoS");
        assertThat(first.level()).isEqualTo(ThreatLevel.HIGH);
        assertThat(first.mitre()).isEqualTo("T1498.001");
        assertThat(first.srcIp()).isEqualTo(ATTACKER);
        assertThat(first.dstIp()).isEqualTo(VICTIM);
        assertThat(first.count()).isEqualTo(20_000);
        assertThat(first.firstSeen()).isEqualTo(T0);
        assertThat(first.lastSeen()).as("event time of the finding, long before the flood's end at 20 s")
                .isBefore(T0.plusSeconds(5));
        assertThat(first.evidence()).containsEntry("flood", "SYN").containsEntry("rate_pps", 2000L)
                .containsEntry("threshold_pps", 2000).containsEntry("window_s", 10L).containsEntry("distinct_sources", 1L)
                .containsEntry("port", 80).containsEntry("distinct_ports", 1L).containsEntry("tcp_flags", List.of("SYN 20000"))
                .containsEntry("sample_sources", List.of(ATTACKER));
        assertThat(first.confidence()).isEqualTo(0.7);
    }

    @Test
    void theRestOfTheFloodIsReportedEachTickAndAddsUp() {
        stream(5000, 20, i -> syn(at(i, 5000), ATTACKER, i));
        tick(T0.plusSeconds(60));
        tick(T0.plusSeconds(120));

        assertThat(findings).hasSize(2).allMatch(f -> f.attackClass().equals("DoS-SYN_Flood"));
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(100_000);
        assertThat(findings.getLast().firstSeen()).isAfterOrEqualTo(findings.getFirst().lastSeen());
        assertThat(findings.getLast().evidence()).containsEntry("packets", 100_000L).containsEntry("rate_pps", 5000L);
        assertThat(findings.getLast().confidence()).isGreaterThan(0.7);
    }

    @Test
    void confidenceGrowsWithTheRateAndIsFullAtTenTimesIt() {
        stream(20_000, 3, i -> syn(at(i, 20_000), ATTACKER, i));
        tick(T0.plusSeconds(60));

        assertThat(findings.getFirst().confidence()).isEqualTo(0.7);
        assertThat(findings.getLast().evidence()).containsEntry("rate_pps", 6000L);
        assertThat(findings.getLast().confidence()).isCloseTo(0.7 + 0.3 * Math.log10(3), offset(0.01));

        FloodDetector fresh = new FloodDetector(TEN_SECONDS);
        List<Finding> fast = new ArrayList<>();
        for (int i = 0; i < 400_000; i++) {
            fresh.onEvent(syn(at(i, 200_000), ATTACKER, i), fast::add);
        }
        fresh.advance(T0.plusSeconds(60), fast::add);
        assertThat(fast.getLast().confidence()).isEqualTo(1.0);
    }

    @Test
    void aSynFloodFromSeveralSourcesIsADdosWithOneFindingPerSource() {
        stream(6000, 10, i -> syn(at(i, 6000), BOTS.get(i % 3), i));

        assertThat(findings).hasSize(3).allSatisfy(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-SYN_Flood");
            assertThat(f.group()).isEqualTo("DDoS");
            assertThat(f.dstIp()).isEqualTo(VICTIM);
            assertThat(f.evidence()).containsEntry("distinct_sources", 3L);
        });
        assertThat(findings).extracting(Finding::srcIp).containsExactlyInAnyOrderElementsOf(BOTS);
        assertThat(findings).extracting(Finding::incidentKey).doesNotHaveDuplicates();
        assertThat(fedAtFirstFinding).isEqualTo(20_000);
    }

    @Test
    void aSecondSourceJoiningTurnsTheDosIntoADdos() {
        stream(5000, 6, i -> syn(at(i, 5000), ATTACKER, i));
        assertThat(findings).singleElement().extracting(Finding::attackClass).isEqualTo("DoS-SYN_Flood");

        for (int i = 30_000; i < 60_000; i++) {
            feed(syn(at(i, 5000), i % 2 == 0 ? ATTACKER : BOTS.getFirst(), i));
        }
        tick(T0.plusSeconds(60));

        assertThat(findings.subList(1, findings.size())).hasSize(2).allSatisfy(f -> assertThat(f.attackClass()).isEqualTo("DDoS-SYN_Flood"))
                .extracting(Finding::srcIp).containsExactlyInAnyOrder(ATTACKER, BOTS.getFirst());
    }

    @Test
    void aSynFloodFromTheVictimsOwnAddressIsASynonymousIpFloodNamingOnlyTheVictim() {
        stream(5000, 10, i -> syn(at(i, 5000), VICTIM, i));

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-SynonymousIP_Flood");
            assertThat(f.group()).isEqualTo("DDoS");
            assertThat(f.srcIp()).isNull();
            assertThat(f.dstIp()).isEqualTo(VICTIM);
            assertThat(f.evidence()).containsEntry("forged_sources", true);
        });
    }

    @Test
    void aSynFloodFromRandomForgedSourcesIsADdosSynFloodNamingOnlyTheVictim() {
        Random random = new Random(7);
        stream(5000, 10, i -> syn(at(i, 5000), forged(random), i));

        Finding first = findings.getFirst();
        assertThat(findings).hasSize(1);
        assertThat(first.attackClass()).isEqualTo("DDoS-SYN_Flood");
        assertThat(first.group()).isEqualTo("DDoS");
        assertThat(first.srcIp()).isNull();
        assertThat(first.dstIp()).isEqualTo(VICTIM);
        assertThat(first.evidence()).containsEntry("forged_sources", true);
        assertThat((Long) first.evidence().get("distinct_sources")).isBetween(14_000L, 26_000L);
        assertThat((List<?>) first.evidence().get("sample_sources")).hasSize(5);
    }

    @Test
    void aBotnetTooLargeToNameIsADdosSynFloodNamingOnlyTheVictim() {
        List<String> bots = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            bots.add("10.1." + b / 250 + "." + (b % 250 + 1));
        }
        stream(5000, 10, i -> syn(at(i, 5000), bots.get(i % bots.size()), i));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-SYN_Flood");
            assertThat(f.srcIp()).isNull();
            assertThat(f.evidence()).containsEntry("forged_sources", false);
        });
    }

    @Test
    void handshakesAnsweredAndResetAreStillIncomplete() {
        // hping3 from a real address to an open port: SYN, the victim's SYN-ACK, the attacker's kernel resets.
        stream(3000, 10, i -> packetFlow(at(i, 3000), "tcp", ATTACKER, 1024 + i, VICTIM, 443, 2, 114, 1, 74,
                Duration.ofMillis(1), SYN | ACK | RST));

        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f.attackClass()).isEqualTo("DoS-SYN_Flood"));
    }

    @Test
    void tcpFloodsWithoutAHandshakeAreToldApartByTheirFlags() {
        assertThat(classOf(PSH | ACK, 1)).isEqualTo("DDoS-PSHACK_Flood");
        assertThat(classOf(RST | FIN, 0)).isEqualTo("DDoS-RSTFINFlood");
        assertThat(classOf(ACK, 1)).isEqualTo("DoS-TCP_Flood");
        assertThat(classOf(FIN | ACK, 1)).as("a FIN flood the victim resets is no RST-FIN flood").isEqualTo("DoS-TCP_Flood");
        assertThat(classOf(0, 0)).as("no flags at all").isEqualTo("DoS-TCP_Flood");
    }

    /** The class one source's flood of one-segment flows with these flags gets, {@code replies} resets back each. */
    private static String classOf(int flags, int replies) {
        FloodDetector fresh = new FloodDetector(TEN_SECONDS);
        List<Finding> out = new ArrayList<>();
        int victimFlags = replies > 0 ? RST : 0;
        for (int i = 0; i < 30_000; i++) {
            fresh.onEvent(packetFlow(at(i, 3000), "tcp", ATTACKER, 1024 + i, VICTIM, 80, 1, 54, replies, replies * 60L,
                    Duration.ZERO, flags | victimFlags), out::add);
        }
        assertThat(out).hasSize(1);
        return out.getFirst().attackClass();
    }

    @Test
    void aUdpFloodFromOneSourceIsADosAndFromSeveralADdos() {
        stream(6000, 10, i -> udp(at(i, 6000), ATTACKER, i));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("DoS-UDP_Flood");
            assertThat(f.evidence()).containsEntry("mean_packet_bytes", 554L).doesNotContainKey("tcp_flags");
        });
        assertThat(fedAtFirstFinding).isEqualTo(50_000);

        FloodDetector fresh = new FloodDetector(TEN_SECONDS);
        List<Finding> ddos = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            fresh.onEvent(udp(at(i, 6000), BOTS.get(i % 3), i), ddos::add);
        }
        assertThat(ddos).hasSize(3).allSatisfy(f -> assertThat(f.attackClass()).isEqualTo("DDoS-UDP_Flood"))
                .extracting(Finding::srcIp).containsExactlyInAnyOrderElementsOf(BOTS);
    }

    @Test
    void aReflectedUdpFloodFromLowPortsNamesTheReflectorsAsSources() {
        // A flow table takes the high port for the initiator: the victim is the flow's source, the reflector replies.
        stream(6000, 10, i -> packetFlow(at(i, 6000), "udp", VICTIM, 1024 + i % 60_000, BOTS.get(i % 3), 53, 0, 0, 1, 3000,
                Duration.ZERO, 0));

        assertThat(findings).hasSize(3).allSatisfy(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-UDP_Flood");
            assertThat(f.dstIp()).isEqualTo(VICTIM);
        }).extracting(Finding::srcIp).containsExactlyInAnyOrderElementsOf(BOTS);
    }

    @Test
    void anIcmpFloodThatIsOneLongFlowIsJudgedByItsOwnRate() {
        // hping3 --icmp --flood keeps one identifier: one flow of 100,000 echo requests, reported when it idles out.
        feed(packetFlow(T0, "icmp", ATTACKER, 0, VICTIM, 0, 100_000, 4_200_000, 100_000, 4_200_000, Duration.ofSeconds(10), 0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).as("the dataset has no DoS class for ICMP").isEqualTo("DDoS-ICMP_Flood");
            assertThat(f.srcIp()).isEqualTo(ATTACKER);
            assertThat(f.firstSeen()).isEqualTo(T0);
            assertThat(f.lastSeen()).isEqualTo(T0.plusSeconds(10));
            assertThat(f.evidence()).containsEntry("flows", 1L).containsEntry("rate_pps", 10_000L)
                    .containsEntry("distinct_sources", 1L).doesNotContainKey("port");
        });
    }

    @Test
    void anIcmpFloodFromForgedSourcesIsADdosNamingTheVictim() {
        Random random = new Random(3);
        stream(1000, 10, i -> packetFlow(at(i, 1000), "icmp", forged(random), 0, VICTIM, 0, 1, 42, 1, 42, Duration.ZERO, 0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.attackClass()).isEqualTo("DDoS-ICMP_Flood");
            assertThat(f.srcIp()).isNull();
        });
        assertThat(fedAtFirstFinding).isEqualTo(2500);
    }

    @Test
    void firewallLogsWithoutFlagsShowASynFloodAsSessionsNobodyAnswered() {
        // FortiGate logs a session when it ends: a timed-out SYN some 10 s later, flags unknown.
        stream(3000, 10, i -> logged(at(i, 3000).plusSeconds(10), "tcp", ATTACKER, 1024 + i, VICTIM, 443, 1, 44, 0, 0,
                Duration.ZERO, "timeout"));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.attackClass()).isEqualTo("DoS-SYN_Flood"));

        FloodDetector fresh = new FloodDetector(TEN_SECONDS);
        List<Finding> none = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            fresh.onEvent(logged(at(i, 3000), "tcp", "10.0." + (i % 200) + ".9", 1024 + i, VICTIM, 443, 12, 2_000, 10, 9_000,
                    Duration.ofSeconds(1), "close"), none::add);
        }
        assertThat(none).as("answered sessions").isEmpty();
    }

    // ---------------------------------------------------------------- what is not a flood

    @Test
    void aBigDownloadIsOneFlowBusyBothWays() {
        feed(packetFlow(T0, "tcp", "192.168.1.20", 50_000, "203.0.113.8", 443, 40_000, 2_700_000, 80_000, 118_000_000,
                Duration.ofSeconds(10), SYN | ACK | PSH | FIN));
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    @Test
    void aBusyResolverAndAnNtpServerAnswerWhatTheyAreAsked() {
        stream(5000, 30, i -> packetFlow(at(i, 5000), "udp", "10.0." + (i / 250 % 200) + "." + (i % 250 + 1), 30_000 + i % 30_000,
                "10.0.0.53", 53, 1, 80, 1, 140, Duration.ofMillis(2), 0));
        stream(5000, 30, i -> packetFlow(at(i, 5000), "udp", "10.1." + (i / 250 % 200) + "." + (i % 250 + 1), 123, "10.0.0.123",
                123, 1, 90, 1, 90, Duration.ofMillis(1), 0));
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    @Test
    void manyClientsOfOneWebServerAtNormalRatesCompleteTheirHandshakes() {
        stream(3000, 30, i -> packetFlow(at(i, 3000), "tcp", "10.2." + (i / 250 % 250) + "." + (i % 250 + 1), 40_000 + i % 20_000,
                VICTIM, 443, 12, 2_400, 10, 9_000, Duration.ofMillis(300), SYN | ACK | PSH | FIN));
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    @Test
    void cameraStreamsToARecorderAreSteadyFlowsBelowTheRate() {
        String recorder = "192.168.1.200";
        // Reported at the 30-minute active timeout: 2 Mbit/s is about 200 packets a second; a 4K camera's 25 Mbit/s
        // about 2,300; 32 of the latter into one recorder add up to 74,000 a second, but each is one steady flow.
        Duration halfHour = Duration.ofMinutes(30);
        feed(packetFlow(T0, "udp", "192.168.1.30", 40_000, recorder, 50_000, 200L * 1800, 200L * 1800 * 1300, 0, 0, halfHour, 0));
        for (int camera = 0; camera < 32; camera++) {
            feed(packetFlow(T0.plusMillis(camera), "udp", "192.168.2." + (camera + 1), 40_000, recorder, 50_000 + 2 * camera,
                    2300L * 1800, 2300L * 1800 * 1400, 0, 0, halfHour, 0));
        }
        tick(T0.plusSeconds(1900));

        assertThat(findings).isEmpty();
    }

    @Test
    void aFastPortScanIsAScanNotAFlood() {
        // nmap -p- -T5 on a LAN: every port once, thousands a second; the scan detector reports it.
        stream(6500, 10, i -> packetFlow(at(i, 6500), "tcp", ATTACKER, 40_000, VICTIM, 1 + i, 1, 58, 1, 60, Duration.ZERO,
                SYN | ACK | RST));
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    @Test
    void aReconnectionStormToADeadServerStaysBelowTheRate() {
        // 2,000 devices retry a broker that is down, backing off 1, 2 and 4 s: 8,000 SYNs in 7 s.
        for (int attempt = 0; attempt < 4; attempt++) {
            long offset = (1L << attempt) - 1;
            for (int device = 0; device < 2000; device++) {
                feed(packetFlow(T0.plusSeconds(offset).plusMillis(device % 1000), "tcp", "10.3." + device / 250 + "." + (device % 250 + 1),
                        40_000 + attempt, "10.0.0.10", 8883, 1, 74, 0, 0, Duration.ZERO, SYN));
            }
        }
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    @Test
    void tenSecondsJustBelowTheRateAreQuiet() {
        stream(1999, 10, i -> syn(at(i, 1999), ATTACKER, i));
        tick(T0.plusSeconds(60));

        assertThat(findings).isEmpty();
    }

    // ---------------------------------------------------------------- state, time, configuration

    @Test
    void victimsStayBoundedUnderMillionsOfDistinctTargets() {
        FloodDetector small = new FloodDetector(new FloodConfig(Duration.ofSeconds(10), 2000, 2000, 5000, 250, 50, 1000));
        for (int i = 0; i < 2_000_000; i++) {
            String victim = (10 + (i >>> 24)) + "." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            small.onEvent(packetFlow(at(i, 100_000), "udp", forgedFrom(i), 1024, victim, 53, 1, 60, 0, 0, Duration.ZERO, 0), findings::add);
        }

        assertThat(small.trackedVictims()).isEqualTo(1000);
        assertThat(small.evictions()).isEqualTo(2_000_000 - 1000);
        assertThat(findings).isEmpty();
    }

    @Test
    void millionsOfDistinctSourcesOfOneVictimAreCountedNotKept() {
        stream(100_000, 20, i -> syn(at(i, 100_000), forgedFrom(i), i));

        assertThat(detector.trackedVictims()).isEqualTo(1);
        tick(T0.plusSeconds(60));
        assertThat((Long) findings.getLast().evidence().get("distinct_sources")).isBetween(1_400_000L, 2_600_000L);
        assertThat(findings.stream().mapToLong(Finding::count).sum()).isEqualTo(2_000_000);
    }

    private static String forgedFrom(int i) {
        return (1 + (i >>> 24)) + "." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
    }

    @Test
    void quietVictimsAreForgottenOnEventTime() {
        stream(100, 10, i -> syn(at(i, 100), ATTACKER, i));
        feed(udp(T0, ATTACKER, 1));
        assertThat(detector.trackedVictims()).isEqualTo(1);

        tick(T0.plusSeconds(25));
        assertThat(detector.trackedVictims()).as("within two windows of the last flow").isEqualTo(1);
        tick(T0.plusSeconds(31));
        assertThat(detector.trackedVictims()).isZero();
    }

    @Test
    void aFloodAfterAQuietSpellIsReportedAgainIntoTheSameIncident() {
        DetectionEngine engine = new DetectionEngine(List.of(new FloodDetector(TEN_SECONDS)), List.of(), Duration.ofMinutes(30));
        for (int i = 0; i < 50_000; i++) {
            engine.accept(syn(at(i, 5000), ATTACKER, i));
        }
        for (int i = 0; i < 50_000; i++) {
            engine.accept(syn(at(i, 5000).plusSeconds(600), ATTACKER, i));
        }
        engine.finish();

        assertThat(engine.drainChanged()).singleElement().satisfies(alert -> {
            assertThat(alert.attackClass()).isEqualTo("DoS-SYN_Flood");
            assertThat(alert.count()).isEqualTo(100_000);
            assertThat(alert.firstSeen()).isEqualTo(T0);
            assertThat(alert.lastSeen()).isAfter(T0.plusSeconds(609));
        });
    }

    @Test
    void replayingTheSameEventsGivesTheSameFindings() {
        List<ConnectionEvent> events = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 40_000; i++) {
            events.add(syn(at(i, 4000), i % 4 == 0 ? forged(random) : BOTS.get(i % 3), i));
        }
        assertThat(run(events)).isEqualTo(run(events)).isNotEmpty();
    }

    @Test
    void byDefaultABoundedFloodOfASecondIsReportedAndABurstBelowTwoSecondsOfTheRateIsNot() {
        FloodDetector byDefault = new FloodDetector(FloodConfig.defaults());
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < 3_900; i++) {
            byDefault.onEvent(syn(at(i, 20_000), BOTS.get(i % 3), i), found::add);
        }
        assertThat(found).isEmpty();
        for (int i = 3_900; i < 20_000; i++) {
            byDefault.onEvent(syn(at(i, 20_000), BOTS.get(i % 3), i), found::add);
        }
        assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(f.attackClass()).isEqualTo("DDoS-SYN_Flood"));
        assertThat(found.getFirst().lastSeen()).isBefore(at(4_100, 20_000));
    }

    private static List<Alert> run(List<ConnectionEvent> events) {
        DetectionEngine engine = new DetectionEngine(List.of(new FloodDetector(TEN_SECONDS)), List.of(), Duration.ofMinutes(30));
        events.forEach(engine::accept);
        engine.finish();
        return engine.drainChanged();
    }

    @Test
    void configValidationNamesTheField() {
        assertThatThrownBy(() -> new FloodConfig(Duration.ofMillis(500), 1, 1, 1, 1, 1, 1)).hasMessageContaining("window");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 0, 1, 1, 1, 1, 1)).hasMessageContaining("synPerSecond");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 1, 0, 1, 1, 1, 1)).hasMessageContaining("tcpPerSecond");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 1, 1, 0, 1, 1, 1)).hasMessageContaining("udpPerSecond");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 1, 1, 1, 0, 1, 1)).hasMessageContaining("icmpPerSecond");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 1, 1, 1, 1, 0, 1)).hasMessageContaining("minFlows");
        assertThatThrownBy(() -> new FloodConfig(Duration.ofSeconds(10), 1, 1, 1, 1, 1, 0)).hasMessageContaining("maxVictims");
    }

    @Test
    void hostileEventsNeverThrow() {
        assertThatNoException().isThrownBy(() -> TestFlows.hostile(detector, 5));
    }
}
