package io.iotwatch.report;

import java.util.Objects;

/**
 * How the period's alerts were handled, and whether the audit log that records it holds.
 *
 * @param timeToDetect      from an alert's first seen (the time of the first event of its incident) to the time the
 *                          audit log recorded it raised or adopted, clamped at 0. For logs ingested long after they
 *                          were written this is the delay of the ingest, not of detection
 * @param timeToAcknowledge from the time an alert was recorded raised to its first triage as acknowledged, over the
 *                          alerts ever acknowledged
 * @param timeToResolve     from the time an alert was recorded raised to its first triage as resolved, over the alerts
 *                          ever resolved
 * @param triaged           the period's alerts with a triage (of any status, open again included)
 * @param triagedShare      {@code triaged} over the period's alerts, 0 to 1; 0 when there are none
 * @param allowRules        allow rules stored now, whenever written: they keep alerts from being raised
 * @param audit             the audit log's verification, and its head at the period's end
 */
public record Compliance(Stat timeToDetect, Stat timeToAcknowledge, Stat timeToResolve, long triaged,
        double triagedShare, long allowRules, AuditCheck audit) {

    public Compliance {
        Objects.requireNonNull(timeToDetect, "timeToDetect");
        Objects.requireNonNull(timeToAcknowledge, "timeToAcknowledge");
        Objects.requireNonNull(timeToResolve, "timeToResolve");
        Objects.requireNonNull(audit, "audit");
    }
}
