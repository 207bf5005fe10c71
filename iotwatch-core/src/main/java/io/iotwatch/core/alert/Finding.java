package io.iotwatch.core.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a detector reports: a piece of an incident. The detection engine merges the findings of one
 * incident (same detector and {@code incidentKey}, close enough in time) into one {@link Alert}.
 *
 * @param detector    the detector's name, e.g. {@code bruteforce}
 * @param incidentKey what makes two findings the same incident for this detector, e.g. source, target and
 *                    service; never shown as the alert's identity on its own
 * @param attackClass attack class, a CICIoT2023 class name where one fits (e.g. {@code DictionaryBruteForce})
 * @param group       attack group, a CICIoT2023 group where one fits (e.g. {@code BruteForce}, {@code Recon})
 * @param level       threat level of this finding; an alert keeps the highest of its findings
 * @param confidence  0 to 1; an alert keeps the highest
 * @param firstSeen   event time of the first event this finding covers
 * @param lastSeen    event time of the last event this finding covers
 * @param srcIp       the attacking or misbehaving address, or null when many or none
 * @param dstIp       the target address, or null when many or none
 * @param domain      the domain the finding is about (DNS detectors), or null; suppression rules match it
 * @param mitre       MITRE ATT&CK technique id, e.g. {@code T1110.001}
 * @param count       occurrences this finding adds to the incident (failed logins, queries, ports ...)
 * @param evidence    what the detector saw: counts, scores, thresholds, sample values; strings, numbers,
 *                    booleans and lists of them; later findings of an incident overwrite earlier keys
 */
public record Finding(
        String detector,
        String incidentKey,
        String attackClass,
        String group,
        ThreatLevel level,
        double confidence,
        Instant firstSeen,
        Instant lastSeen,
        String srcIp,
        String dstIp,
        String domain,
        String mitre,
        long count,
        Map<String, Object> evidence) {

    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(attackClass, "attackClass");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(mitre, "mitre");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
