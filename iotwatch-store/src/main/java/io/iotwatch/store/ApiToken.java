package io.iotwatch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token of a user. The store keeps only the token's hash; the token itself is shown once, when made.
 *
 * @param id        a public id for listing and deleting it, 1 to 64 characters
 * @param name      what the user called it, at most 255 characters, maybe empty
 * @param user      the name of the user it acts for
 * @param tokenHash the token's hash as the web layer makes it (1 to 255 characters); unique
 * @param createdAt when it was made
 * @param lastUsed  when it was last used, or null if never
 */
public record ApiToken(String id, String name, String user, String tokenHash, Instant createdAt, Instant lastUsed) {

    public ApiToken {
        Args.text(id, "id", 64, false);
        Args.text(name, "name", 255, true);
        Args.text(user, "user", 64, false);
        Args.text(tokenHash, "tokenHash", 255, false);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
