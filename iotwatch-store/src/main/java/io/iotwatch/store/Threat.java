package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;

/**
 * The alerts of one attack class from one source.
 *
 * @param attackClass the attack class
 * @param group       its attack group
 * @param srcIp       the source address, or null for the alerts that name none
 * @param alerts      alerts of the class from the source
 * @param occurrences occurrences behind them (the sum of their counts)
 * @param maxLevel    the highest level among them
 * @param firstSeen   when the earliest of them began
 * @param lastSeen    when the latest of them was last seen
 * @param open        how many of them are open (never triaged or reopened)
 */
public record Threat(String attackClass, String group, String srcIp, long alerts, long occurrences,
        ThreatLevel maxLevel, Instant firstSeen, Instant lastSeen, long open) {}
