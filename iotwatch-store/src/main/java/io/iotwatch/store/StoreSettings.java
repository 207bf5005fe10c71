package io.iotwatch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the event store lives.
 *
 * @param jdbcUrl  {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://...} or {@code jdbc:mariadb://...}
 *                 ({@code jdbc:mysql://...} is read as MariaDB)
 * @param user     database user, empty for SQLite
 * @param password database password, empty for none
 */
public record StoreSettings(String jdbcUrl, String user, String password) {

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded SQLite database {@code iotwatch.db} in {@code dataDir}, which is created if missing. */
    public static StoreSettings embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return new StoreSettings("jdbc:sqlite:" + dir.resolve("iotwatch.db"), "", "");
    }

    /** Never shows the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
