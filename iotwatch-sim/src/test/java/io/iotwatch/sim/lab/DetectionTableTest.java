package io.iotwatch.sim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.sim.truth.AttackTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTableTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ATTACKER = "10.77.0.66";
    private static final String VICTIM = "10.77.0.10";
    private static final AttackTruth SCAN = attack("port-scan", "Recon-PortScan", 0, 5);
    private static final AttackTruth FLOOD = attack("syn-flood", "DDoS-SYN_Flood", 15, 20);
    private static final AttackTruth GUESS = attack("ssh-dictionary", "DictionaryBruteForce", 30, 40);

    @Test
    void eachAttackGetsTheClassesAndTheDelayOfTheFirstAlertCreditedToIt() {
        Alert scan = alert("a1", "scan", "Recon-PortScan", ATTACKER, 1, 5);
        Alert guess = alert("a2", "bruteforce", "DictionaryBruteForce", ATTACKER, 31, 39);

        DetectionTable table = DetectionTable.of(List.of(SCAN, FLOOD, GUESS),
                List.of(new RaisedAlert(scan, T0.plusSeconds(11)), new RaisedAlert(guess, T0.plusSeconds(38))));

        assertThat(table.rows()).extracting(r -> r.attack().attack(), DetectionTable.Row::classes, DetectionTable.Row::classFound,
                DetectionTable.Row::firstAlert).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("port-scan", List.of("Recon-PortScan"), true, Duration.ofSeconds(11)),
                        org.assertj.core.groups.Tuple.tuple("syn-flood", List.of(), false, null),
                        org.assertj.core.groups.Tuple.tuple("ssh-dictionary", List.of("DictionaryBruteForce"), true, Duration.ofSeconds(8)));
        assertThat(table.unmatched()).isEmpty();
    }

    @Test
    void anIncidentThatGoesOnIntoTheNextAttackCountsForItFromTheVersionThatTookItIn() {
        Alert first = alert("a1", "scan", "Recon-PortScan", ATTACKER, 1, 5);
        Alert grown = alert("a1", "scan", "Recon-PortScan", ATTACKER, 1, 18);

        DetectionTable table = DetectionTable.of(List.of(SCAN, FLOOD),
                List.of(new RaisedAlert(first, T0.plusSeconds(10)), new RaisedAlert(grown, T0.plusSeconds(24))));

        assertThat(table.rows().get(0).firstAlert()).isEqualTo(Duration.ofSeconds(10));
        assertThat(table.rows().get(1).firstAlert()).isEqualTo(Duration.ofSeconds(9));
        assertThat(table.rows().get(1).classFound()).isFalse();
        assertThat(table.rows().get(1).detected()).isTrue();
    }

    @Test
    void alertsAnsweringNoAttackAreListedBelowTheTable() {
        Alert stray = alert("s1", "beacon", "C2-Beaconing", "10.77.0.23", 100, 400);

        DetectionTable table = DetectionTable.of(List.of(SCAN), List.of(new RaisedAlert(stray, T0.plusSeconds(500))));

        assertThat(table.unmatched()).extracting(r -> r.alert().id()).containsExactly("s1");
        assertThat(table.text()).contains("port-scan", "Recon-PortScan", "no", "expected class found for 0 of 1 attacks",
                "alerts answering no attack: 1", "beacon C2-Beaconing", "10.77.0.23 -> 10.77.0.10");
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerAttack() {
        String csv = DetectionTable.of(List.of(SCAN, FLOOD), List.of()).csv();

        assertThat(csv.lines()).hasSize(3).first().isEqualTo("attack,expected class,detected,first alert after,alerts,detected as");
        assertThat(csv).contains("syn-flood,DDoS-SYN_Flood,no,-,0,-");
    }

    private static AttackTruth attack(String id, String attackClass, int from, int to) {
        return new AttackTruth(id, attackClass, T0.plusSeconds(from), T0.plusSeconds(to), List.of(ATTACKER), VICTIM, "tool", id);
    }

    private static Alert alert(String id, String detector, String attackClass, String source, int from, int to) {
        return new Alert(id, detector, source, attackClass, "group", ThreatLevel.HIGH, 0.9, T0.plusSeconds(from),
                T0.plusSeconds(to), source, VICTIM, null, "T0000", 1, Map.of());
    }
}
