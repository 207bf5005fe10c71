package io.iotwatch.detect.vendor;

import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.detect.Detector;
import io.iotwatch.detect.FindingSink;
import io.iotwatch.detect.LruMap;
import io.iotwatch.detect.Printable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Passes on what the observing device detected itself (a FortiGate's IPS, DoS-policy anomaly and antivirus
 * logs): alerts of an enabled category become findings, one incident per signature (a campaign tries one
 * exploit on many devices from many addresses, and a person wants that as one alert, naming no single source
 * or target then). The first alert of a signature is reported at once; the repeats, which can be thousands a
 * minute in a flood, are counted and reported once per minute of event time, with the latest one's details.
 */
public final class VendorAlertDetector implements Detector {

    static final String NAME = "vendor";
    private static final String GROUP = "Vendor";
    private static final int MESSAGE_LENGTH = 300;
    private static final int FIELD_LENGTH = 120;
    /** Signatures followed at once; the stalest give way (it only means a repeat is reported as a first). */
    private static final int MAX_SIGNATURES = 100_000;

    private final VendorAlertConfig config;
    private final LruMap<Key, Repeats> signatures = new LruMap<>(MAX_SIGNATURES);
    private final List<Repeats> pending = new ArrayList<>();

    public VendorAlertDetector(VendorAlertConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.VENDOR_ALERT);
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
        Key key = new Key(category, alert.signature());
        Repeats repeats = signatures.get(key);
        if (repeats == null) {
            signatures.put(key, new Repeats(alert));
            out.report(finding(category, alert, alert.time(), alert.time(), 1, ip(alert.source().ip()),
                    ip(alert.destination().ip()), level(alert.severity())));
            return;
        }
        if (repeats.count == 0) {
            pending.add(repeats);
        }
        repeats.add(alert);
    }

    /** Reports the repeats counted since the last call, one finding per signature. */
    @Override
    public void advance(Instant now, FindingSink out) {
        for (Repeats r : pending) {
            out.report(finding(r.latest.category().strip().toLowerCase(Locale.ROOT), r.latest, r.first, r.last, r.count,
                    r.otherSource != null ? r.otherSource : r.source, r.otherTarget != null ? r.otherTarget : r.target,
                    r.level));
            r.reset();
        }
        pending.clear();
    }

    /** Signatures followed now. */
    int trackedSignatures() {
        return signatures.size();
    }

    private static Finding finding(String category, VendorAlertEvent alert, Instant first, Instant last, long count,
            String src, String dst, ThreatLevel level) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("category", Printable.of(category, FIELD_LENGTH));
        evidence.put("signature", Printable.of(alert.signature(), FIELD_LENGTH));
        evidence.put("severity", Printable.of(alert.severity(), FIELD_LENGTH));
        evidence.put("action", Printable.of(alert.action(), FIELD_LENGTH));
        evidence.put("protocol", Printable.of(alert.protocol(), FIELD_LENGTH));
        evidence.put("message", Printable.of(alert.message(), MESSAGE_LENGTH));
        String incidentKey = category + "|" + Printable.of(alert.signature(), FIELD_LENGTH);
        boolean decisive = category.equals("ips") || category.equals("virus");
        return new Finding(NAME, incidentKey, "Vendor-" + Printable.of(category, FIELD_LENGTH), GROUP, level,
                decisive ? 0.9 : 0.8, first, last, src, dst, null, mitre(category, alert.signature()), count, evidence);
    }

    private static String ip(String ip) {
        return ip.isEmpty() ? null : ip;
    }

    private record Key(String category, String signature) {}

    /**
     * Repeats of one signature since the last report: how many, when, the highest level, and a source and a
     * target other than the first alert's, if any, so that the incident can tell it names more than one.
     */
    private static final class Repeats {
        final String source;
        final String target;
        VendorAlertEvent latest;
        long count;
        Instant first;
        Instant last;
        ThreatLevel level;
        String otherSource;
        String otherTarget;

        Repeats(VendorAlertEvent alert) {
            this.source = ip(alert.source().ip());
            this.target = ip(alert.destination().ip());
        }

        void add(VendorAlertEvent alert) {
            latest = alert;
            Instant time = alert.time();
            first = count == 0 || time.isBefore(first) ? time : first;
            last = count == 0 || time.isAfter(last) ? time : last;
            ThreatLevel seen = level(alert.severity());
            level = count == 0 ? seen : level.max(seen);
            String src = ip(alert.source().ip());
            if (otherSource == null && src != null && !src.equals(source)) {
                otherSource = src;
            }
            String dst = ip(alert.destination().ip());
            if (otherTarget == null && dst != null && !dst.equals(target)) {
                otherTarget = dst;
            }
            count++;
        }

        void reset() {
            count = 0;
            latest = null;
            otherSource = null;
            otherTarget = null;
        }
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
