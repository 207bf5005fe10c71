package io.iotwatch.app.cli;

import io.iotwatch.core.alert.Alert;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Alerts as a fixed-width table for people; JSON is for programs. The source shows the attacker's MAC beside
 * its address where a detector names it (ARP spoofing, where the MAC is what identifies the attacker).
 */
final class AlertTable {

    private static final String ATTACKER_MAC = "attacker_mac";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-20s  %-20s  %-8s  %-13s  %-22s  %-15s  %-15s  %7s  %s%n";

    private AlertTable() {}

    static void print(PrintWriter out, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        out.printf(ROW, "FIRST SEEN", "LAST SEEN", "LEVEL", "DETECTOR", "CLASS", "SOURCE", "TARGET", "COUNT", "ID");
        for (Alert a : alerts) {
            out.printf(ROW, TIME.format(a.firstSeen()), TIME.format(a.lastSeen()), a.level().id(), a.detector(),
                    a.attackClass(), source(a), orDash(a.dstIp() != null ? a.dstIp() : a.domain()),
                    String.format("%,d", a.count()), a.id());
        }
        out.printf("%,d alert%s.%n", alerts.size(), alerts.size() == 1 ? "" : "s");
    }

    private static String source(Alert a) {
        Object mac = a.evidence().get(ATTACKER_MAC);
        return mac == null ? orDash(a.srcIp()) : orDash(a.srcIp()) + " " + orDash(mac.toString());
    }

    private static String orDash(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        boolean plain = s.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7f && (cp < 0x80 || cp >= 0xa0));
        return plain ? s : IngestReport.quoted(s);
    }
}
