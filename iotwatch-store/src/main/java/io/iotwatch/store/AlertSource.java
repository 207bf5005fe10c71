package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;
import java.util.List;

/**
 * The alerts of one address, as their source or as their target.
 *
 * @param ip          the address
 * @param alerts      alerts naming it
 * @param occurrences occurrences behind those alerts (the sum of their counts)
 * @param maxLevel    the highest level among them
 * @param classes     their attack classes, the most frequent first
 * @param lastSeen    when the latest of them was last seen
 */
public record AlertSource(String ip, long alerts, long occurrences, ThreatLevel maxLevel, List<String> classes,
        Instant lastSeen) {

    public AlertSource {
        classes = List.copyOf(classes);
    }
}
