package io.iotwatch.store;

import java.util.Locale;

/** Where an alert stands in triage; {@link #id()} is the name in JSON, the API and the store. */
public enum AlertStatus {
    /** Not yet handled: every alert never triaged, and one reopened. */
    OPEN,
    /** Someone is on it. */
    ACKNOWLEDGED,
    /** Dealt with. */
    RESOLVED,
    /** Not a threat: an allow rule keeps it from being raised again. */
    SUPPRESSED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** Lower-case name: open, acknowledged, resolved, suppressed. */
    public String id() {
        return id;
    }

    /** The status named by {@link #id()} (any case). */
    public static AlertStatus of(String id) {
        for (AlertStatus status : values()) {
            if (status.name().equalsIgnoreCase(id.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown alert status '" + id + "'; one of open, acknowledged, resolved, suppressed");
    }
}
