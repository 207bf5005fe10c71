package io.iotwatch.store;

import java.util.List;
import java.util.Map;

/**
 * What differs between the supported databases: column types (filled into the one set of migrations as
 * Flyway placeholders), how an insert skips rows already stored, and driver settings.
 */
enum Dialect {
    SQLITE(
            Map.of("text", "TEXT", "bytes", "BLOB", "table_options", ""),
            // WAL: readers and the writer do not block each other; NORMAL: in WAL mode a commit is
            // still atomic and durable against crashes of iotwatch, only not against power loss;
            // journal_size_limit: the WAL shrinks back after a burst
            Map.of("journal_mode", "WAL", "synchronous", "NORMAL", "busy_timeout", "30000",
                    "journal_size_limit", Long.toString(64L << 20))),
    POSTGRESQL(
            Map.of("text", "TEXT", "bytes", "BYTEA", "table_options", ""),
            // the driver sends a JDBC batch of inserts (rejects) as multi-row inserts: several times faster
            Map.of("reWriteBatchedInserts", "true")),
    // MariaDB's TEXT holds only 64 KiB; utf8mb4 for every character, binary collation because
    // addresses and names compare exactly
    MARIADB(
            Map.of("text", "LONGTEXT", "bytes", "LONGBLOB", "table_options", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"),
            // server-side prepared statements send event blocks as binary instead of escaped into the
            // statement text: measured 45% faster storing
            Map.of("useServerPrepStmts", "true"));

    private final Map<String, String> placeholders;
    private final Map<String, String> connectionProperties;

    Dialect(Map<String, String> placeholders, Map<String, String> connectionProperties) {
        this.placeholders = placeholders;
        this.connectionProperties = connectionProperties;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DB or jdbc:mariadb://HOST:PORT/DB");
    }

    /** The URL the driver gets: the MariaDB driver takes jdbc:mysql: only with an extra option, so it is renamed. */
    String driverUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length()) : jdbcUrl;
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    Map<String, String> connectionProperties() {
        return connectionProperties;
    }

    /** An insert that leaves a row whose key is already stored as it is. */
    String insertUnlessStored(String table, List<String> columns, List<String> key) {
        return switch (this) {
            case SQLITE, POSTGRESQL -> insert("INSERT", table, columns) + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
            // The driver sends a batch as one bulk command only for a plain INSERT (measured 5 times
            // faster than ON DUPLICATE KEY UPDATE). IGNORE would also turn truncation and NOT NULL
            // errors into warnings, but none can occur: text columns are LONGTEXT, numbers are bound
            // from Java longs and ints into BIGINT and INTEGER, and every NOT NULL column is always set.
            case MARIADB -> insert("INSERT IGNORE", table, columns);
        };
    }

    /** An insert that replaces every other column of a row whose key is already stored. */
    String upsert(String table, List<String> columns, String key) {
        List<String> others = columns.stream().filter(c -> !c.equals(key)).toList();
        return insert("INSERT", table, columns) + switch (this) {
            case SQLITE, POSTGRESQL -> " ON CONFLICT (" + key + ") DO UPDATE SET "
                    + String.join(", ", others.stream().map(c -> c + " = excluded." + c).toList());
            case MARIADB -> " ON DUPLICATE KEY UPDATE "
                    + String.join(", ", others.stream().map(c -> c + " = VALUES(" + c + ")").toList());
        };
    }

    /** An insert that adds its counter to the counter of a row whose key is already stored. */
    String addTo(String table, String key, String counter) {
        return insert("INSERT", table, List.of(key, counter)) + switch (this) {
            case SQLITE, POSTGRESQL -> " ON CONFLICT (" + key + ") DO UPDATE SET "
                    + counter + " = " + table + "." + counter + " + excluded." + counter;
            case MARIADB -> " ON DUPLICATE KEY UPDATE " + counter + " = " + counter + " + VALUES(" + counter + ")";
        };
    }

    private static String insert(String verb, String table, List<String> columns) {
        return verb + " INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }
}
