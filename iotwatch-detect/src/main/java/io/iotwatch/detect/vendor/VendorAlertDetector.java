package io.iotwatch.detect.vendor;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.Printable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Passes on what the observing device detected itself (a FortiGate's IPS, DoS-policy anomaly and antivirus
 * logs): every such alert of an enabled category becomes a finding, and repeats of one signature between the
 * same two hosts become one incident. Keeps no state: the device already decided.
 */
public final class VendorAlertDetector implements Detector {

    static final String NAME = "vendor";
    private static final String GROUP = "Vendor";
    private static final int MESSAGE_LENGTH = 300;
    private static final int FIELD_LENGTH = 120;

    private final VendorAlertConfig config;

    public VendorAlertDetector(VendorAlertConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onEvent(Event event, FindingSink out) {
        if (!(event instanceof VendorAlertEvent alert)) {
            return;
        }
        String category = alert.category().strip().toLowerCase(Locale.ROOT);
        if (!config.categories().contains(category)) {
            return;
        }
        String signature = Printable.of(alert.signature(), FIELD_LENGTH);
        String src = alert.source().ip();
        String dst = alert.destination().ip();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("category", Printable.of(category, FIELD_LENGTH));
        evidence.put("signature", signature);
        evidence.put("severity", Printable.of(alert.severity(), FIELD_LENGTH));
        evidence.put("action", Printable.of(alert.action(), FIELD_LENGTH));
        evidence.put("protocol", Printable.of(alert.protocol(), FIELD_LENGTH));
        evidence.put("message", Printable.of(alert.message(), MESSAGE_LENGTH));
        // One incident per signature: a campaign tries the same exploit on many devices from many addresses,
        // and a person wants that as one alert (naming no single source or target then), not one per pair.
        String incidentKey = category + "|" + signature;
        boolean decisive = category.equals("ips") || category.equals("virus");
        out.report(new Finding(NAME, incidentKey, "Vendor-" + Printable.of(category, FIELD_LENGTH), GROUP,
                level(alert.severity()), decisive ? 0.9 : 0.8, alert.time(), alert.time(),
                src.isEmpty() ? null : src, dst.isEmpty() ? null : dst, null, mitre(category, alert.signature()), 1,
                evidence));
    }

    /**
     * The vendor's severity word as a level; numbers 1 to 5 rank upwards as the words do (1 information,
     * 5 critical), and anything unknown, informational or empty is LOW.
     */
    static ThreatLevel level(String severity) {
        return switch (severity.strip().toLowerCase(Locale.ROOT)) {
            case "critical", "5" -> ThreatLevel.CRITICAL;
            case "high", "4" -> ThreatLevel.HIGH;
            case "medium", "3" -> ThreatLevel.MEDIUM;
            default -> ThreatLevel.LOW;
        };
    }

    /**
     * IPS signatures mostly match exploits of exposed services (T1190), a virus is malware someone was meant
     * to run (T1204), anomalies are floods (T1498) or scans (T1046), anything else active scanning (T1595).
     */
    static String mitre(String category, String signature) {
        return switch (category) {
            case "ips" -> "T1190";
            case "virus" -> "T1204";
            case "anomaly" -> {
                String name = signature.toLowerCase(Locale.ROOT);
                yield name.contains("flood") ? "T1498" : name.contains("scan") ? "T1046" : "T1595";
            }
            default -> "T1595";
        };
    }
}
