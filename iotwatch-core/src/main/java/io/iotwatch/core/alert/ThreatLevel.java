package io.iotwatch.core.alert;

import java.util.Locale;

/** How urgently an alert wants a person, lowest first; {@link #id()} is the name in JSON, the API and the store. */
public enum ThreatLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** Lower-case name: low, medium, high, critical. */
    public String id() {
        return id;
    }

    /** The level named by {@link #id()} (any case). */
    public static ThreatLevel of(String id) {
        for (ThreatLevel level : values()) {
            if (level.name().equalsIgnoreCase(id.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown threat level '" + id + "'; one of low, medium, high, critical");
    }

    public ThreatLevel max(ThreatLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
