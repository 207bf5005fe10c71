package io.iotwatch.web.auth;

import java.time.Instant;

/**
 * A logged-in browser: who it is, the token its changes must carry (the double-submit of a secret the
 * page reads from {@code /api/v1/session}, which another site's page cannot), and when it was last used.
 * Not its role: that is read from the store on every request, so a changed role applies at once.
 */
public record Session(String id, String user, String csrf, Instant created, Instant lastUsed) {

    Session touched(Instant now) {
        return new Session(id, user, csrf, created, now);
    }
}
