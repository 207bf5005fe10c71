package io.iotwatch.web.auth;

import io.iotwatch.store.UserRole;
import io.javalin.security.RouteRole;

/** What a route needs; a route without one needs a login and nothing more. */
public enum Permission implements RouteRole {
    /** Change alerts: acknowledge, resolve, suppress. */
    TRIAGE(UserRole.ANALYST),
    /** Users and allow-list rules. */
    ADMINISTER(UserRole.ADMIN);

    private final UserRole least;

    Permission(UserRole least) {
        this.least = least;
    }

    boolean grantedTo(UserRole role) {
        return role.atLeast(least);
    }
}
