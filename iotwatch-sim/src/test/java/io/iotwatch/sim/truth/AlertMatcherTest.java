package io.iotwatch.sim.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMatcherTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final AttackTruth SCAN = new AttackTruth("port-scan", "Recon-PortScan", T0, T0.plusSeconds(60),
            List.of("10.9.0.2"), "10.9.0.10", "nmap", "nmap -sS 10.9.0.10");
    private static final AttackTruth SPOOFED = new AttackTruth("synonymous-ip-flood", "DDoS-SynonymousIP_Flood", T0,
            T0.plusSeconds(60), List.of("198.51.100.0/24"), "10.9.0.10", "hping3", "hping3 -S --rand-source");
    private static final AttackTruth TUNNEL = new AttackTruth("dns-tunnel", "DNS-Tunneling", T0, T0.plusSeconds(60),
            List.of("10.9.0.4"), "t.lab.example", "iodine", "iodine t.lab.example");

    @Test
    void anAlertFromAnAttackerDuringTheAttackAnswersIt() {
        Alert scan = alert("Recon-PortScan", "10.9.0.2", "10.9.0.10", null, 30, 40);

        AlertMatcher.Match match = AlertMatcher.match(List.of(SCAN), List.of(scan)).getFirst();

        assertThat(match.detected()).isTrue();
        assertThat(match.classFound()).isTrue();
        assertThat(match.classes()).containsExactly("Recon-PortScan");
    }

    @Test
    void timeAndSourceMustBothFit() {
        List<Alert> misses = List.of(
                alert("Recon-PortScan", "10.9.0.3", "10.9.0.10", null, 30, 40),
                alert("Recon-PortScan", "10.9.0.2", "10.9.0.10", null, -20, -1),
                alert("Recon-PortScan", "10.9.0.2", "10.9.0.10", null, 60 + 121, 300));

        assertThat(AlertMatcher.match(List.of(SCAN), misses).getFirst().detected()).isFalse();
        assertThat(AlertMatcher.unmatched(List.of(SCAN), misses)).hasSize(3);
    }

    @Test
    void aLateAlertWithinTheSlackStillCountsAndAWrongClassShows() {
        Alert late = alert("DDoS-SYN_Flood", "10.9.0.2", "10.9.0.10", null, 150, 170);

        AlertMatcher.Match match = AlertMatcher.match(List.of(SCAN), List.of(late)).getFirst();

        assertThat(match.detected()).isTrue();
        assertThat(match.classFound()).isFalse();
        assertThat(match.classes()).containsExactly("DDoS-SYN_Flood");
    }

    @Test
    void forgedSourcesMatchByPrefixOrByVictim() {
        Alert inside = alert("DDoS-SynonymousIP_Flood", "198.51.100.77", "10.9.0.10", null, 1, 2);
        Alert manySources = alert("DDoS-SynonymousIP_Flood", null, "10.9.0.10", null, 1, 2);
        Alert otherVictim = alert("DDoS-SynonymousIP_Flood", null, "10.9.0.11", null, 1, 2);

        assertThat(AlertMatcher.match(List.of(SPOOFED), List.of(inside, manySources, otherVictim)).getFirst().alerts())
                .containsExactly(inside, manySources);
        assertThat(AlertMatcher.match(List.of(SCAN), List.of(manySources)).getFirst().detected()).isFalse();
    }

    @Test
    void anAlertNamingNoSourceAnswersAnAttackFromSeveralAddressesByItsVictim() {
        AttackTruth ddos = new AttackTruth("syn-flood", "DDoS-SYN_Flood", T0, T0.plusSeconds(60),
                List.of("10.9.0.2", "10.9.0.3", "10.9.0.4"), "10.9.0.10", "hping3", "hping3 -S");
        Alert manySources = alert("DDoS-SYN_Flood", null, "10.9.0.10", null, 1, 2);
        Alert otherVictim = alert("DDoS-SYN_Flood", null, "10.9.0.11", null, 1, 2);
        Alert stranger = alert("DDoS-SYN_Flood", "10.9.0.99", "10.9.0.10", null, 1, 2);

        assertThat(AlertMatcher.match(List.of(ddos), List.of(manySources, otherVictim, stranger)).getFirst().alerts())
                .containsExactly(manySources);
    }

    @Test
    void anAlertAnsweringSeveralAttacksIsCreditedToTheOneThatStartedLast() {
        AttackTruth flood = new AttackTruth("syn-flood", "DDoS-SYN_Flood", T0.plusSeconds(70), T0.plusSeconds(80),
                List.of("10.9.0.2"), "10.9.0.10", "hping3", "hping3 -S 10.9.0.10");
        List<AttackTruth> truth = List.of(SCAN, flood);
        Alert duringTheFlood = alert("DDoS-SYN_Flood", "10.9.0.2", "10.9.0.10", null, 72, 75);
        Alert beforeTheFlood = alert("Recon-PortScan", "10.9.0.2", "10.9.0.10", null, 30, 40);

        assertThat(AlertMatcher.creditedAttack(truth, duringTheFlood)).contains(flood);
        assertThat(AlertMatcher.creditedAttack(truth, beforeTheFlood)).contains(SCAN);
        assertThat(AlertMatcher.match(truth, List.of(duringTheFlood))).extracting(m -> m.alerts().size())
                .containsExactly(0, 1);
        assertThat(AlertMatcher.creditedAttack(truth, alert("x", "10.9.9.9", "10.9.0.99", null, 1, 2))).isEmpty();
    }

    @Test
    void aTunnelMatchesByItsDomain() {
        Alert tunnel = alert("DNS-Tunneling", null, null, "T.LAB.EXAMPLE", 10, 20);

        assertThat(AlertMatcher.match(List.of(TUNNEL), List.of(tunnel)).getFirst().detected()).isTrue();
    }

    @Test
    void prefixesCompareNumericAddressesOnly() {
        assertThat(Prefix.contains("10.0.0.0/8", "10.200.3.4")).isTrue();
        assertThat(Prefix.contains("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(Prefix.contains("2001:db8::/32", "2001:db8:ff::1")).isTrue();
        assertThat(Prefix.contains("10.0.0.0/8", "2001:db8::1")).isFalse();
        assertThat(Prefix.contains("10.0.0.0/33", "10.0.0.1")).isFalse();
        assertThat(Prefix.contains("10.0.0.0/x", "10.0.0.1")).isFalse();
        assertThat(Prefix.contains("example.com/8", "10.0.0.1")).isFalse();
        assertThat(Prefix.contains("10.0.0.0/8", "example.com")).isFalse();
    }

    private static Alert alert(String cls, String src, String dst, String domain, int fromSecond, int toSecond) {
        return new Alert("id", "test", "key", cls, "Recon", ThreatLevel.LOW, 0.9, T0.plusSeconds(fromSecond),
                T0.plusSeconds(toSecond), src, dst, domain, "T1046", 1, Map.of());
    }
}
