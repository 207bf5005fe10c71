package io.iotwatch.detect;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.Finding;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.core.taxonomy.AttackClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the detectors over events on event time and merges their findings into alerts: one alert per
 * ongoing incident, whose count, last-seen time, level and evidence grow with it, rather than one alert
 * per finding. An incident ends when no finding of it arrives for {@code incidentGap}; a later finding
 * opens a new alert. Not thread-safe: feed it from one thread.
 */
public final class DetectionEngine {

    /** Evidence key listing the detectors whose findings corroborated an alert. */
    public static final String CORROBORATED_BY = "corroborated_by";

    /**
     * How far apart in time a rule's and the model's findings may be and still be one attack: the model judges a
     * flow when it ends, up to the flow table's timeouts (10 s unanswered, tens of seconds idle) after its
     * packets, while a rule reports as the packets come.
     */
    static final Duration CORROBORATION_WINDOW = Duration.ofMinutes(1);

    /** How often, in event time, detectors are told that time has passed. */
    static final Duration TICK = Duration.ofMinutes(1);

    private final List<Detector> detectors;
    // The detectors of each event type, by ordinal: an event visits only those that look at its type.
    private final Detector[][] byType;
    // written by the dashboard's triage while the detectors run
    private final List<Suppression> suppressions;
    private final Duration incidentGap;
    private final Set<String> corroborators;
    private final FindingSink sink = this::merge;

    private final Map<String, Incident> open = new HashMap<>();
    private final Map<String, Alert> changed = new LinkedHashMap<>();
    private final Map<String, EnumMap<ThreatLevel, Long>> alertsByDetector = new TreeMap<>();
    private final Map<String, Long> suppressedByDetector = new TreeMap<>();
    private Instant watermark;
    private Instant nextTick;

    public DetectionEngine(List<Detector> detectors, List<Suppression> suppressions, Duration incidentGap) {
        this(detectors, suppressions, incidentGap, Set.of());
    }

    /**
     * @param corroborators detectors whose findings join another detector's open incident of the same group
     *                      about the same source or target, and that other detectors' findings join in turn,
     *                      so one attack seen by a rule and by the model is one alert with both pieces of
     *                      evidence (the model is one); rules never join each other this way
     */
    public DetectionEngine(List<Detector> detectors, List<Suppression> suppressions, Duration incidentGap,
            Set<String> corroborators) {
        if (incidentGap.isNegative() || incidentGap.isZero()) {
            throw new IllegalArgumentException("incidentGap must be positive: " + incidentGap);
        }
        this.detectors = List.copyOf(detectors);
        this.byType = new Detector[EventType.values().length][];
        for (EventType type : EventType.values()) {
            byType[type.ordinal()] = detectors.stream().filter(d -> d.eventTypes().contains(type)).toArray(Detector[]::new);
        }
        this.suppressions = new CopyOnWriteArrayList<>(suppressions);
        this.incidentGap = incidentGap;
        this.corroborators = Set.copyOf(corroborators);
    }

    /** Suppresses what {@code rule} matches from now on; safe to call while another thread detects. */
    public void suppress(Suppression rule) {
        suppressions.add(rule);
    }

    /** Undoes {@link #suppress} of an equal rule. */
    public void unsuppress(Suppression rule) {
        suppressions.remove(rule);
    }

    /** Runs the detectors that look at the event's type, then tells all of them when a minute of event time has passed. */
    public void accept(Event event) {
        for (Detector detector : byType[event.type().ordinal()]) {
            detector.onEvent(event, sink);
        }
        Instant time = event.time();
        if (watermark == null || time.isAfter(watermark)) {
            watermark = time;
        }
        if (nextTick == null) {
            nextTick = watermark.plus(TICK);
        } else if (!watermark.isBefore(nextTick)) {
            advance(watermark);
            nextTick = watermark.plus(TICK);
        }
    }

    /** End of input: detectors evaluate what is pending at the time of the last event. */
    public void finish() {
        if (watermark != null) {
            for (Detector detector : detectors) {
                detector.finish(watermark, sink);
            }
            closeQuietIncidents(watermark);
        }
    }

    /** Alerts raised or updated since the last call, each once, in the order they first changed. */
    public List<Alert> drainChanged() {
        if (changed.isEmpty()) {
            return List.of();
        }
        List<Alert> alerts = new ArrayList<>(changed.values());
        changed.clear();
        return alerts;
    }

    /** Alerts raised so far by detector and level (an alert counts at its current level). */
    public Map<String, Map<ThreatLevel, Long>> alertCounts() {
        Map<String, Map<ThreatLevel, Long>> copy = new TreeMap<>();
        alertsByDetector.forEach((detector, levels) -> copy.put(detector, Map.copyOf(levels)));
        return copy;
    }

    /** Alerts raised so far, all detectors and levels. */
    public long alertTotal() {
        return alertsByDetector.values().stream().flatMap(levels -> levels.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Findings that suppression rules kept from becoming alerts, by detector. */
    public Map<String, Long> suppressedCounts() {
        return Map.copyOf(suppressedByDetector);
    }

    private void advance(Instant now) {
        for (Detector detector : detectors) {
            detector.advance(now, sink);
        }
        closeQuietIncidents(now);
    }

    private void closeQuietIncidents(Instant now) {
        Instant horizon = now.minus(incidentGap);
        for (Iterator<Incident> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().alert.lastSeen().isBefore(horizon)) {
                it.remove();
            }
        }
    }

    private void merge(Finding finding) {
        for (Suppression suppression : suppressions) {
            if (suppression.matches(finding)) {
                suppressedByDetector.merge(finding.detector(), 1L, Long::sum);
                return;
            }
        }
        String key = finding.detector() + '\u0000' + finding.incidentKey();
        Incident incident = open.get(key);
        if (incident == null || finding.firstSeen().isAfter(incident.alert.lastSeen().plus(incidentGap))) {
            Incident joined = corroborated(finding);
            if (joined != null) {
                open.put(key, joined);
                Alert before = joined.alert;
                joined.alert = joined.corroborate(finding, corroborators.contains(finding.detector()));
                count(before.detector(), before.level(), joined.alert.level());
                changed.put(joined.alert.id(), joined.alert);
                return;
            }
            incident = new Incident(newAlert(finding));
            open.put(key, incident);
            count(incident.alert.detector(), null, incident.alert.level());
        } else if (!incident.alert.detector().equals(finding.detector())) {
            Alert before = incident.alert;
            incident.alert = incident.corroborate(finding, corroborators.contains(finding.detector()));
            count(before.detector(), before.level(), incident.alert.level());
        } else {
            Alert before = incident.alert;
            incident.alert = incident.merge(finding);
            count(before.detector(), before.level(), incident.alert.level());
        }
        changed.put(incident.alert.id(), incident.alert);
    }

    /**
     * The open incident of another detector that {@code finding} corroborates: one side a corroborator and the
     * other not, classes that can name one attack ({@link AttackClass#sameAttack}), within
     * {@link #CORROBORATION_WINDOW} of each other, and the same source or target.
     */
    private Incident corroborated(Finding finding) {
        if (corroborators.isEmpty()) {
            return null;
        }
        boolean fromCorroborator = corroborators.contains(finding.detector());
        for (Incident incident : open.values()) {
            Alert a = incident.alert;
            if (corroborators.contains(a.detector()) != fromCorroborator && AttackClass.sameAttack(a.attackClass(), finding.attackClass())
                    && !finding.firstSeen().isAfter(a.lastSeen().plus(CORROBORATION_WINDOW))
                    && !finding.lastSeen().isBefore(a.firstSeen().minus(CORROBORATION_WINDOW))
                    && (same(a.srcIp(), finding.srcIp()) || same(a.dstIp(), finding.dstIp()))) {
                return incident;
            }
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private void count(String detector, ThreatLevel from, ThreatLevel to) {
        EnumMap<ThreatLevel, Long> levels = alertsByDetector.computeIfAbsent(detector, d -> new EnumMap<>(ThreatLevel.class));
        if (from != null) {
            levels.merge(from, -1L, Long::sum);
        }
        levels.merge(to, 1L, Long::sum);
    }

    private static Alert newAlert(Finding f) {
        return new Alert(alertId(f), f.detector(), f.incidentKey(), f.attackClass(), f.group(), f.level(), f.confidence(),
                f.firstSeen(), f.lastSeen(), f.srcIp(), f.dstIp(), f.domain(), f.mitre(), f.count(), f.evidence());
    }

    /** Stable over reruns: the same incident in the same logs always gets the same id. */
    static String alertId(Finding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((f.detector() + '\u0000' + f.incidentKey() + '\u0000' + f.firstSeen()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An open incident: its alert so far, and whether its findings named more than one source or target. */
    private static final class Incident {
        Alert alert;
        boolean manySources;
        boolean manyTargets;

        Incident(Alert alert) {
            this.alert = alert;
        }

        Alert merge(Finding f) {
            Alert a = alert;
            manySources |= differ(a.srcIp(), f.srcIp());
            manyTargets |= differ(a.dstIp(), f.dstIp());
            Map<String, Object> evidence = new LinkedHashMap<>(a.evidence());
            evidence.putAll(f.evidence());
            boolean escalates = f.level().compareTo(a.level()) > 0;
            return new Alert(a.id(), a.detector(), a.incidentKey(),
                    escalates ? f.attackClass() : a.attackClass(),
                    escalates ? f.group() : a.group(),
                    a.level().max(f.level()),
                    Math.max(a.confidence(), f.confidence()),
                    f.firstSeen().isBefore(a.firstSeen()) ? f.firstSeen() : a.firstSeen(),
                    f.lastSeen().isAfter(a.lastSeen()) ? f.lastSeen() : a.lastSeen(),
                    manySources ? null : first(a.srcIp(), f.srcIp()),
                    manyTargets ? null : first(a.dstIp(), f.dstIp()),
                    first(a.domain(), f.domain()),
                    escalates ? f.mitre() : a.mitre(),
                    a.count() + f.count(),
                    evidence);
        }

        /**
         * A finding of another detector about this incident: its evidence joins under its detector's name
         * ({@code model.rows}), with its class and confidence; count and identity stay. The rule's class names the
         * alert, unless the model's refines it ({@link AttackClass#refines}): a rule measures the cross-flow
         * pattern its class names (fan-out, sources, rates), the model only each flow's shape.
         */
        Alert corroborate(Finding f, boolean fromCorroborator) {
            Alert a = alert;
            Map<String, Object> evidence = new LinkedHashMap<>(a.evidence());
            List<String> by = new ArrayList<>();
            if (evidence.get(CORROBORATED_BY) instanceof List<?> earlier) {
                earlier.forEach(d -> by.add(d.toString()));
            }
            if (!by.contains(f.detector())) {
                by.add(f.detector());
            }
            evidence.put(CORROBORATED_BY, List.copyOf(by));
            evidence.put(f.detector() + ".class", f.attackClass());
            evidence.put(f.detector() + ".confidence", f.confidence());
            f.evidence().forEach((k, v) -> evidence.put(f.detector() + "." + k, v));
            String model = fromCorroborator ? f.attackClass() : a.attackClass();
            String rule = fromCorroborator ? a.attackClass() : f.attackClass();
            boolean renamed = !(AttackClass.refines(model, rule) ? model : rule).equals(a.attackClass());
            return new Alert(a.id(), a.detector(), a.incidentKey(), renamed ? f.attackClass() : a.attackClass(),
                    renamed ? f.group() : a.group(), a.level().max(f.level()), Math.max(a.confidence(), f.confidence()),
                    f.firstSeen().isBefore(a.firstSeen()) ? f.firstSeen() : a.firstSeen(),
                    f.lastSeen().isAfter(a.lastSeen()) ? f.lastSeen() : a.lastSeen(),
                    a.srcIp(), a.dstIp(), first(a.domain(), f.domain()), renamed ? f.mitre() : a.mitre(), a.count(),
                    evidence);
        }

        private static boolean differ(String a, String b) {
            return a != null && b != null && !a.equals(b);
        }

        private static String first(String a, String b) {
            return a != null ? a : b;
        }
    }
}
