package io.iotwatch.report;

import java.time.Instant;

/**
 * One alert of the period, as stored when the report was made.
 *
 * @param id          its stable id
 * @param firstSeen   the time of the first event of its incident
 * @param lastSeen    the time of the last event of its incident so far
 * @param level       low, medium, high or critical
 * @param group       its attack group
 * @param attackClass its attack class
 * @param detector    the detector that raised it
 * @param srcIp       the attacking address, or null when many or none
 * @param dstIp       the target address, or null when many or none
 * @param domain      the domain it is about, or null
 * @param count       occurrences behind it, as its detector counts them
 * @param confidence  0 to 1
 * @param mitre       its MITRE ATT&amp;CK technique id, e.g. {@code T1110.001}; empty when none
 * @param status      its triage status: open, acknowledged, resolved or suppressed
 */
public record AlertRow(String id, Instant firstSeen, Instant lastSeen, String level, String group, String attackClass,
        String detector, String srcIp, String dstIp, String domain, long count, double confidence, String mitre,
        String status) {}
