package io.iotwatch.web.auth;

import io.iotwatch.store.UserRole;
import java.time.Instant;

/**
 * A logged-in browser: who it is, the token its changes must carry (the double-submit of a secret the
 * page reads from {@code /api/v1/session}, which another site's page cannot), and when it was last used.
 */
public record Session(String id, String user, UserRole role, String csrf, Instant created, Instant lastUsed) {

    Session touched(Instant now) {
        return new Session(id, user, role, csrf, created, now);
    }
}
