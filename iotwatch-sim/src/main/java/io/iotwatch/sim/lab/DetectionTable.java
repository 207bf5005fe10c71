package io.iotwatch.sim.lab;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.sim.truth.AlertMatcher;
import io.iotwatch.sim.truth.AttackTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sensor's table: for each attack, the class expected, the alert classes iotwatch raised for it and how
 * long after the attack began the first of them was raised, by the wall clock. Alerts are judged version by
 * version (an incident that goes on from one attack into the next, the same attacker scanning and then
 * flooding, is handed on again with each new finding), and {@link AlertMatcher} credits each version to one
 * attack by its latest evidence. Alerts that answer no attack are listed below the table.
 */
public final class DetectionTable {

    /** One attack's line. */
    public record Row(AttackTruth attack, List<String> classes, boolean classFound, Duration firstAlert, int alerts) {
        public Row {
            classes = List.copyOf(classes);
        }

        public boolean detected() {
            return firstAlert != null;
        }
    }

    private final List<Row> rows;
    private final List<RaisedAlert> unmatched;

    private DetectionTable(List<Row> rows, List<RaisedAlert> unmatched) {
        this.rows = List.copyOf(rows);
        this.unmatched = List.copyOf(unmatched);
    }

    public static DetectionTable of(List<AttackTruth> truth, List<RaisedAlert> versions) {
        Map<AttackTruth, List<RaisedAlert>> credited = new IdentityHashMap<>();
        truth.forEach(t -> credited.put(t, new ArrayList<>()));
        for (RaisedAlert version : versions) {
            AlertMatcher.creditedAttack(truth, version.alert()).ifPresent(a -> credited.get(a).add(version));
        }
        List<Row> rows = new ArrayList<>();
        for (AttackTruth attack : truth) {
            List<RaisedAlert> mine = credited.get(attack);
            AlertMatcher.Match match = new AlertMatcher.Match(attack, mine.stream().map(RaisedAlert::alert).toList());
            Instant first = mine.stream().map(RaisedAlert::raisedAt).min(Instant::compareTo).orElse(null);
            Set<String> ids = new LinkedHashSet<>();
            mine.forEach(v -> ids.add(v.alert().id()));
            rows.add(new Row(attack, match.classes(), match.classFound(),
                    first == null ? null : Duration.between(attack.start(), first), ids.size()));
        }
        Map<String, RaisedAlert> latest = new LinkedHashMap<>();
        versions.forEach(v -> latest.put(v.alert().id(), v));
        List<Alert> finals = latest.values().stream().map(RaisedAlert::alert).toList();
        List<Alert> stray = AlertMatcher.unmatched(truth, finals);
        List<RaisedAlert> unmatched = latest.values().stream().filter(v -> stray.contains(v.alert())).toList();
        return new DetectionTable(rows, unmatched);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The latest version of each alert that answers no attack. */
    public List<RaisedAlert> unmatched() {
        return unmatched;
    }

    TextTable table() {
        TextTable table = new TextTable("attack", "expected class", "detected", "first alert after", "alerts", "detected as");
        for (Row row : rows) {
            table.row(row.attack().attack(), row.attack().attackClass(),
                    !row.detected() ? "no" : row.classFound() ? "yes" : "other class",
                    row.detected() ? seconds(row.firstAlert()) : "-", Integer.toString(row.alerts()),
                    row.classes().isEmpty() ? "-" : String.join(" ", row.classes()));
        }
        return table;
    }

    /** The table, then the alerts that answer no attack. */
    public String text() {
        StringBuilder out = new StringBuilder(table().text());
        long found = rows.stream().filter(Row::classFound).count();
        long any = rows.stream().filter(Row::detected).count();
        out.append(String.format("%nexpected class found for %d of %d attacks; some alert for %d%n", found, rows.size(), any));
        out.append(String.format("alerts answering no attack: %d%n", unmatched.size()));
        for (RaisedAlert stray : unmatched) {
            Alert a = stray.alert();
            out.append(String.format("  %s %s %s level %s, %s -> %s, first seen %s%n", a.detector(), a.attackClass(),
                    a.domain() == null ? "" : "domain " + a.domain() + ",", a.level().name().toLowerCase(Locale.ROOT),
                    a.srcIp(), a.dstIp(), a.firstSeen()));
        }
        return out.toString();
    }

    public String csv() {
        return table().csv();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
