package io.iotwatch.store;

import java.util.Locale;

/** What a user may do, least first; each role may do all that the roles before it may. */
public enum UserRole {
    /** Reads. */
    VIEWER,
    /** Also triages alerts. */
    ANALYST,
    /** Also manages users and allow rules. */
    ADMIN;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** Lower-case name: viewer, analyst, admin. */
    public String id() {
        return id;
    }

    /** The role named by {@link #id()} (any case). */
    public static UserRole of(String id) {
        for (UserRole role : values()) {
            if (role.name().equalsIgnoreCase(id.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "'; one of viewer, analyst, admin");
    }

    /** Whether this role may do what {@code other} may. */
    public boolean atLeast(UserRole other) {
        return compareTo(other) >= 0;
    }
}
