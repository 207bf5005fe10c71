package io.iotwatch.core.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One incident as iotwatch reports it: the merged {@link Finding}s of one detector and incident key.
 * Its {@code id} is stable: made from the detector, the incident key and the time the incident began, so
 * that reading the same logs again gives the same ids. Field meanings are those of {@link Finding}.
 *
 * @param count total occurrences over all findings of the incident
 */
public record Alert(
        String id,
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

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(incidentKey, "incidentKey");
        Objects.requireNonNull(attackClass, "attackClass");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(mitre, "mitre");
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }
}
