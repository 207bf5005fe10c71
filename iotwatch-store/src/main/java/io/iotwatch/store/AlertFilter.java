package io.iotwatch.store;

import io.iotwatch.core.alert.ThreatLevel;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which stored alerts to list. Every part left null (or empty) constrains nothing; the parts given must all
 * hold.
 *
 * @param from        alerts whose incident went on at or after this time (last seen at or after it)
 * @param to          alerts whose incident began at or before this time (first seen at or before it)
 * @param levels      alerts at one of these levels
 * @param detector    alerts of this detector
 * @param attackClass alerts of this attack class
 * @param group       alerts of this attack group
 * @param srcIp       alerts from this source address
 * @param dstIp       alerts against this target address
 * @param ip          alerts from or against this address
 * @param status      alerts with this status; {@link AlertStatus#OPEN} includes alerts never triaged
 */
public record AlertFilter(Instant from, Instant to, Set<ThreatLevel> levels, String detector, String attackClass,
        String group, String srcIp, String dstIp, String ip, AlertStatus status) {

    private static final AlertFilter ALL = new AlertFilter(null, null, null, null, null, null, null, null, null, null);

    public AlertFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        levels = levels == null || levels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(levels));
        detector = emptyToNull(detector);
        attackClass = emptyToNull(attackClass);
        group = emptyToNull(group);
        srcIp = emptyToNull(srcIp);
        dstIp = emptyToNull(dstIp);
        ip = emptyToNull(ip);
    }

    /** Every alert. */
    public static AlertFilter all() {
        return ALL;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
