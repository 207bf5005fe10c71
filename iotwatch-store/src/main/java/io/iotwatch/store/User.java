package io.iotwatch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the dashboard and API.
 *
 * @param name         the login name, 1 to 64 characters, compared exactly
 * @param role         what the user may do
 * @param passwordHash the password's hash as the web layer makes it (1 to 255 characters); never the password
 * @param createdAt    when the user was created
 * @param lastLogin    when the user last logged in, or null if never
 */
public record User(String name, UserRole role, String passwordHash, Instant createdAt, Instant lastLogin) {

    public User {
        Args.text(name, "name", 64, false);
        Objects.requireNonNull(role, "role");
        Args.text(passwordHash, "passwordHash", 255, false);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
