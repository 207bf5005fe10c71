package io.iotwatch.app.cli;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.sim.logs.TruthRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of the rule detectors against a generator's truth file, per attack profile.
 *
 * <p>An alert is right for a planted attack when its class is one that the attack's profile should raise,
 * it names the attack's source, and its time span overlaps the attack's (with {@link #SLACK} on either side,
 * for detectors that judge at the end of a window). Recall of a profile: its attacks that some alert is
 * right for. Precision of a profile: of the alerts of its classes, those right for an attack of it, among
 * those right for it or for no attack at all; an alert of its classes that is right for an attack of
 * another profile (the brute-force alert of a telnet attack counted under ssh) is neither. Alerts of
 * the firewall's own detections (group Vendor) are the firewall's verdicts, not iotwatch's, and are left
 * out. An iotwatch alert right for no planted attack at all is a false alarm: the hard negatives.
 */
final class DetectionScore {

    static final Duration SLACK = Duration.ofMinutes(5);

    /** The alert classes each profile should raise. */
    static final Map<String, Set<String>> CLASSES = Map.ofEntries(
            Map.entry("ssh-bruteforce", Set.of("DictionaryBruteForce")),
            Map.entry("telnet-bruteforce", Set.of("DictionaryBruteForce")),
            Map.entry("admin-bruteforce", Set.of("DictionaryBruteForce")),
            Map.entry("dns-tunnel-iodine", Set.of("DNS-Tunneling")),
            Map.entry("dns-tunnel-dnscat2", Set.of("DNS-Tunneling")),
            Map.entry("c2-beacon", Set.of("C2-Beaconing")),
            Map.entry("exfiltration", Set.of("Exfiltration")),
            Map.entry("unusual-port", Set.of("Protocol-Anomaly")),
            Map.entry("port-scan", Set.of("Recon-PortScan")),
            Map.entry("host-sweep", Set.of("Recon-PingSweep", "Recon-HostDiscovery")));

    /** One profile's figures in one run. */
    record Row(String profile, int planted, int found, int rightAlerts, int wrongAlerts, int crossAlerts) {
        double recall() {
            return planted == 0 ? 1 : (double) found / planted;
        }

        double precision() {
            int judged = rightAlerts + wrongAlerts;
            return judged == 0 ? 1 : (double) rightAlerts / judged;
        }
    }

    /** Per profile, and the false alarms: iotwatch alerts right for no planted attack. */
    record Result(Map<String, Row> rows, List<Alert> falseAlarms) {}

    private DetectionScore() {}

    static Result score(List<TruthRecord> truth, List<Alert> alerts) {
        List<Alert> own = alerts.stream().filter(a -> !a.group().equals("Vendor")).toList();
        Map<String, Row> rows = new TreeMap<>();
        for (String profile : CLASSES.keySet()) {
            List<TruthRecord> planted = truth.stream().filter(t -> t.profile().equals(profile)).toList();
            int found = (int) planted.stream().filter(t -> own.stream().anyMatch(a -> right(a, t))).count();
            int rightAlerts = 0;
            int wrongAlerts = 0;
            int crossAlerts = 0;
            for (Alert alert : own) {
                if (!CLASSES.get(profile).contains(alert.attackClass())) {
                    continue;
                }
                if (planted.stream().anyMatch(t -> right(alert, t))) {
                    rightAlerts++;
                } else if (truth.stream().anyMatch(t -> sameActor(alert, t))) {
                    crossAlerts++;
                } else {
                    wrongAlerts++;
                }
            }
            rows.put(profile, new Row(profile, planted.size(), found, rightAlerts, wrongAlerts, crossAlerts));
        }
        List<Alert> falseAlarms = new ArrayList<>();
        for (Alert alert : own) {
            if (truth.stream().noneMatch(t -> sameActor(alert, t))) {
                falseAlarms.add(alert);
            }
        }
        return new Result(rows, falseAlarms);
    }

    static boolean right(Alert alert, TruthRecord attack) {
        return CLASSES.getOrDefault(attack.profile(), Set.of()).contains(alert.attackClass()) && sameActor(alert, attack);
    }

    /** The alert names the attack's source and overlaps its time. */
    static boolean sameActor(Alert alert, TruthRecord attack) {
        return attack.source().equals(alert.srcIp())
                && !alert.firstSeen().isAfter(attack.end().plus(SLACK))
                && !alert.lastSeen().isBefore(attack.start().minus(SLACK));
    }
}
