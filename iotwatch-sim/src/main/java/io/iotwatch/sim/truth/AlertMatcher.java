package io.iotwatch.sim.truth;

import io.iotwatch.core.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which alerts answer which attack of a ground truth: the lab's sensor table and the generator's tests both
 * judge detections this way.
 *
 * <p>An alert answers an attack when its time span overlaps the attack's, widened by {@link #SLACK} after
 * the end (detectors that judge a flow when it ends, or a window when it closes, report late), and it names
 * the attack: its source is one of the attackers (an address, or inside a prefix such as
 * {@code 198.51.100.0/24} for spoofed sources), or, for attacks whose sources are forged, its target is the
 * victim, or, for attacks from several addresses, it names no source (an alert about many sources names none)
 * and its target is the victim, or its domain is the victim (DNS tunnels). The class is not part of the match:
 * the table shows what was found beside what was expected, so a flood reported under the wrong class still shows.
 *
 * <p>One attacker's attacks, or attacks on one victim, may follow each other within the slack, so an alert can
 * answer several; it is credited to the one that started last (an alert answers only attacks that had started
 * by its latest evidence).
 */
public final class AlertMatcher {

    /** How long after an attack's last packet an alert still counts for it. */
    public static final Duration SLACK = Duration.ofMinutes(2);

    /** One attack and the alerts that answer it, in the order given. */
    public record Match(AttackTruth attack, List<Alert> alerts) {

        public Match {
            alerts = List.copyOf(alerts);
        }

        public boolean detected() {
            return !alerts.isEmpty();
        }

        /** Whether some alert has the attack's expected class. */
        public boolean classFound() {
            return alerts.stream().anyMatch(a -> a.attackClass().equals(attack.attackClass()));
        }

        /** The distinct classes of the alerts, in the order first seen. */
        public List<String> classes() {
            return alerts.stream().map(Alert::attackClass).distinct().toList();
        }
    }

    private AlertMatcher() {
    }

    /** Each attack with the alerts credited to it; every alert is credited to one attack at most. */
    public static List<Match> match(List<AttackTruth> truth, List<Alert> alerts) {
        Map<AttackTruth, List<Alert>> credited = new IdentityHashMap<>();
        truth.forEach(attack -> credited.put(attack, new ArrayList<>()));
        for (Alert alert : alerts) {
            creditedAttack(truth, alert).ifPresent(attack -> credited.get(attack).add(alert));
        }
        return truth.stream().map(attack -> new Match(attack, credited.get(attack))).toList();
    }

    /** The attack {@code alert} is credited to, if it answers any. */
    public static Optional<AttackTruth> creditedAttack(List<AttackTruth> truth, Alert alert) {
        return truth.stream().filter(attack -> answers(alert, attack)).max(Comparator.comparing(AttackTruth::start));
    }

    /** The alerts that answer no attack at all: false alarms, or detections of something the truth omits. */
    public static List<Alert> unmatched(List<AttackTruth> truth, List<Alert> alerts) {
        return alerts.stream().filter(a -> truth.stream().noneMatch(t -> answers(a, t))).toList();
    }

    static boolean answers(Alert alert, AttackTruth attack) {
        Instant from = attack.start();
        Instant until = attack.end().plus(SLACK);
        if (alert.lastSeen().isBefore(from) || alert.firstSeen().isAfter(until)) {
            return false;
        }
        if (attack.attacker(alert.srcIp())) {
            return true;
        }
        boolean manySources = attack.attackers().size() > 1 && alert.srcIp() == null;
        return (attack.forgedSources() || manySources) && attack.victim().equals(alert.dstIp())
                || attack.victim().equalsIgnoreCase(alert.domain());
    }
}
