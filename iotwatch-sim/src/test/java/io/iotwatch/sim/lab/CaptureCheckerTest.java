package io.iotwatch.sim.lab;

import static io.iotwatch.sim.lab.TestCaptures.ACK;
import static io.iotwatch.sim.lab.TestCaptures.SYN;
import static io.iotwatch.sim.lab.TestCaptures.dns;
import static io.iotwatch.sim.lab.TestCaptures.ipv4;
import static io.iotwatch.sim.lab.TestCaptures.ipv4Fragment;
import static io.iotwatch.sim.lab.TestCaptures.tcp;
import static io.iotwatch.sim.lab.TestCaptures.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.sim.truth.AttackKind;
import io.iotwatch.sim.truth.AttackTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture checks of real attack plans, over small captures built here. */
class CaptureCheckerTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant END = START.plusSeconds(10);
    private static final LabSettings SMALL = new LabSettings(7, 300, LabSettings.DEFAULT_BEACON, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);
    private static final String VICTIM = Topology.VICTIM.address();
    private static final String GATEWAY = Topology.GATEWAY.address();
    private static final long ATTACKER_MAC = SpoofingAttacks.mac(Topology.ATTACKER.mac());
    private static final long GATEWAY_MAC = SpoofingAttacks.mac(Topology.GATEWAY.mac());
    private static final long OTHER = TestCaptures.OTHER_MAC;

    @TempDir
    Path dir;

    @Test
    void aSynFloodFromEveryAttackerAddressPasses() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < 150; i++) {
            capture.add(at(i), synFrom(Attacks.FLOOD_SOURCES.get(i % 3), 1000 + i, 80));
        }

        CaptureChecker.Result result = check(AttackKind.SYN_FLOOD, capture);

        assertThat(result.passed()).isTrue();
        assertThat(result.observed()).extracting(CaptureChecker.Observed::count).containsExactly(150L, 3L);
    }

    @Test
    void aFloodFromOneAddressOnlyFailsTheSourcesCriterion() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < 200; i++) {
            capture.add(at(i), synFrom(Attacks.FLOOD_SOURCES.getFirst(), 1000 + i, 80));
        }

        CaptureChecker.Result result = check(AttackKind.SYN_FLOOD, capture);

        assertThat(result.passed()).isFalse();
        assertThat(result.observed()).extracting(CaptureChecker.Observed::holds).containsExactly(true, false);
    }

    @Test
    void packetsOutsideTheWindowDoNotCount() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < 150; i++) {
            Instant outside = i % 2 == 0 ? START.minusSeconds(2) : END.plusSeconds(4);
            capture.add(outside, synFrom(Attacks.FLOOD_SOURCES.get(i % 3), 1000 + i, 80));
        }

        assertThat(check(AttackKind.SYN_FLOOD, capture).observed().getFirst().count()).isZero();
    }

    @Test
    void aPortScanNeedsAThousandDistinctPorts() throws IOException {
        TestCaptures full = new TestCaptures();
        TestCaptures repeated = new TestCaptures();
        for (int port = 1; port <= 1024; port++) {
            full.add(at(port), synFrom(Topology.ATTACKER.address(), 40000, port));
            repeated.add(at(port), synFrom(Topology.ATTACKER.address(), 40000, 1 + port % 10));
        }

        assertThat(check(AttackKind.PORT_SCAN, full).passed()).isTrue();
        CaptureChecker.Result few = check(AttackKind.PORT_SCAN, repeated);
        assertThat(few.passed()).isFalse();
        assertThat(few.observed().getFirst().count()).isEqualTo(10);
    }

    @Test
    void arpSpoofingCountsOnlyRepliesClaimingTheGatewayFromTheAttackersMac() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < 5; i++) {
            capture.add(at(i), TestCaptures.arp(2, ATTACKER_MAC, GATEWAY, VICTIM));
            capture.add(at(i), TestCaptures.arp(2, GATEWAY_MAC, GATEWAY, VICTIM));
            capture.add(at(i), TestCaptures.arp(1, ATTACKER_MAC, GATEWAY, VICTIM));
        }

        CaptureChecker.Result result = check(AttackKind.ARP_SPOOFING, capture);

        assertThat(result.passed()).isTrue();
        assertThat(result.observed().getFirst().count()).isEqualTo(5);
    }

    @Test
    void dnsSpoofingNeedsTheForgedAnswerFromTheAttackersMac() throws IOException {
        String phone = Topology.PHONE.address();
        byte[] forged = dns(SpoofingAttacks.SPOOFED_NAME, Topology.ATTACKER.address());
        byte[] real = dns(SpoofingAttacks.SPOOFED_NAME, Topology.CLOUD);
        TestCaptures genuine = new TestCaptures()
                .add(at(1), ipv4(GATEWAY_MAC, GATEWAY, phone, 17, udp(53, 40000, real)))
                .add(at(2), ipv4(GATEWAY_MAC, GATEWAY, phone, 17, udp(53, 40001, forged)));
        TestCaptures spoofed = new TestCaptures().add(at(1), ipv4(ATTACKER_MAC, GATEWAY, phone, 17, udp(53, 40000, forged)));

        assertThat(check(AttackKind.DNS_SPOOFING, genuine).passed()).isFalse();
        assertThat(check(AttackKind.DNS_SPOOFING, spoofed).passed()).isTrue();
    }

    @Test
    void aDnsTunnelNeedsManyDistinctNamesUnderItsDomain() throws IOException {
        String camera = Topology.CAMERA.address();
        TestCaptures tunnel = new TestCaptures();
        TestCaptures elsewhere = new TestCaptures();
        for (int i = 0; i < 200; i++) {
            byte[] query = dns("a" + i + "x0abcdef." + Topology.TUNNEL_DOMAIN, null);
            tunnel.add(at(i), ipv4(OTHER, camera, VICTIM, 17, udp(40000, 53, query)));
            byte[] other = dns("a" + i + ".tunnel.example.org", null);
            elsewhere.add(at(i), ipv4(OTHER, camera, VICTIM, 17, udp(40000, 53, other)));
        }

        CaptureChecker.Result result = check(AttackKind.DNS_TUNNEL, tunnel);
        assertThat(result.passed()).isTrue();
        assertThat(result.observed()).extracting(CaptureChecker.Observed::count).containsExactly(200L, 200L);
        assertThat(check(AttackKind.DNS_TUNNEL, elsewhere).passed()).isFalse();
    }

    @Test
    void fragmentationFloodsCountFragmentsOfTheirProtocol() throws IOException {
        TestCaptures tcpFragments = new TestCaptures();
        TestCaptures udpFragments = new TestCaptures();
        for (int i = 0; i < 150; i++) {
            String source = Attacks.FLOOD_SOURCES.get(i % 3);
            tcpFragments.add(at(i), ipv4Fragment(OTHER, source, VICTIM, 6, 0x2000, tcp(1000 + i, 80, ACK, new byte[40])));
            udpFragments.add(at(i), ipv4Fragment(OTHER, source, VICTIM, 17, 0x2000, udp(1000 + i, 5683, new byte[40])));
        }

        assertThat(check(AttackKind.ACK_FRAGMENTATION, tcpFragments).passed()).isTrue();
        assertThat(check(AttackKind.ACK_FRAGMENTATION, udpFragments).passed()).isFalse();
        assertThat(check(AttackKind.UDP_FRAGMENTATION, udpFragments).passed()).isTrue();
    }

    @Test
    void greFloodsAreToldApartByWhatTheyCarry() throws IOException {
        TestCaptures greip = new TestCaptures();
        for (int i = 0; i < 150; i++) {
            String source = Attacks.FLOOD_SOURCES.get(i % 3);
            byte[] inner = ipv4(OTHER, source, VICTIM, 17, udp(1000 + i, 2000, new byte[512]));
            // the inner IP packet without its Ethernet header
            greip.add(at(i), ipv4(OTHER, source, VICTIM, 47, TestCaptures.gre(0x0800, Arrays.copyOfRange(inner, 14, inner.length))));
        }

        assertThat(check(AttackKind.GREIP_FLOOD, greip).passed()).isTrue();
        assertThat(check(AttackKind.GREETH_FLOOD, greip).passed()).isFalse();
    }

    @Test
    void webAttacksAreFoundByWhatTheirRequestsCarry() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < WebAttacks.SQL.size(); i++) {
            capture.add(at(i), ipv4(OTHER, Topology.ATTACKER.address(), VICTIM, 6, tcp(40000 + i, 80, TestCaptures.PSH | ACK,
                    TestCaptures.text("GET /search?q=%27+OR+%271%27%3d%271 HTTP/1.1\r\nHost: 10.77.0.10\r\n\r\n"))));
        }

        assertThat(check(AttackKind.SQL_INJECTION, capture).passed()).isTrue();
        assertThat(check(AttackKind.XSS, capture).passed()).isFalse();
    }

    @Test
    void aDamagedCaptureIsReportedWithWhatWasReadBeforeTheDamage() throws IOException {
        TestCaptures capture = new TestCaptures();
        for (int i = 0; i < 150; i++) {
            capture.add(at(i), synFrom(Attacks.FLOOD_SOURCES.get(i % 3), 1000 + i, 80));
        }
        Path file = capture.write(dir.resolve("cut.pcap"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

        CaptureChecker.Report report = CaptureChecker.check(file, List.of(subject(AttackKind.SYN_FLOOD)));

        assertThat(report.damage()).isNotEmpty();
        assertThat(report.packets()).isEqualTo(149);
        assertThat(report.results().getFirst().observed().getFirst().count()).isEqualTo(149);
    }

    private CaptureChecker.Result check(AttackKind kind, TestCaptures capture) throws IOException {
        Path file = capture.write(dir.resolve(kind.id + "-" + System.nanoTime() + ".pcap"));
        return CaptureChecker.check(file, List.of(subject(kind))).results().getFirst();
    }

    private static CaptureChecker.Subject subject(AttackKind kind) {
        AttackPlan plan = Attacks.plan(kind, new LabFiles(Path.of("/lab/run")), SMALL);
        AttackTruth truth = new AttackTruth(kind.id, kind.attackClass, START, END, plan.attackers(), plan.victim(), "test",
                plan.command());
        return new CaptureChecker.Subject(truth, plan.criteria());
    }

    private static Instant at(int i) {
        return START.plusMillis(i % 9000);
    }

    private static byte[] synFrom(String source, int sourcePort, int port) {
        return ipv4(OTHER, source, VICTIM, 6, tcp(sourcePort, port, SYN, new byte[0]));
    }
}
