package io.iotwatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import io.iotwatch.store.audit.AuditSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Opens event stores. */
public final class EventStores {

    /** The name of an SQLite store's audit key file, beside the database file. */
    public static final String DEFAULT_KEY_FILE = "audit-key.pem";
    private static final String MIGRATIONS = "classpath:io/iotwatch/store/migration";
    // Measured storing FortiGate lines of ~750 bytes: 32 KiB pages take ~35% less CPU per row than the
    // default 4 KiB (fewer pages and system calls per row, 7% smaller file); 64 KiB pages gain no more.
    private static final int SQLITE_PAGE_SIZE = 32768;

    private EventStores() {}

    /**
     * Connects to the database named by the settings and brings its schema up to date.
     *
     * @throws IllegalArgumentException if the URL names no supported database
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static EventStore open(StoreSettings settings, AuditSettings audit) {
        return open(settings, audit, EventCodec.Compression.LZ4, TrafficAggregator.MAX_HOSTS, TrafficAggregator.HOST_WRITE_INTERVAL);
    }

    /**
     * As {@link #open(StoreSettings, AuditSettings)} with the audit log's defaults and its key beside the
     * SQLite file, as {@value #DEFAULT_KEY_FILE}.
     *
     * @throws IllegalArgumentException if the settings name no SQLite file
     */
    public static EventStore open(StoreSettings settings) {
        return open(settings, AuditSettings.signingWith(defaultKeyFile(settings)));
    }

    /** As {@link #open(StoreSettings)}, writing event blocks with the given compression. */
    static EventStore open(StoreSettings settings, EventCodec.Compression compression) {
        return open(settings, compression, TrafficAggregator.MAX_HOSTS, TrafficAggregator.HOST_WRITE_INTERVAL);
    }

    /**
     * As {@link #open(StoreSettings)}, keeping at most {@code maxHosts} hosts and merging host rows every
     * {@code hostWrites} (see {@link TrafficAggregator}).
     */
    static EventStore open(StoreSettings settings, EventCodec.Compression compression, int maxHosts, Duration hostWrites) {
        return open(settings, AuditSettings.signingWith(defaultKeyFile(settings)), compression, maxHosts, hostWrites);
    }

    /** The audit key file of an SQLite store: {@value #DEFAULT_KEY_FILE} in the database file's folder. */
    public static Path defaultKeyFile(StoreSettings settings) {
        String url = settings.jdbcUrl();
        String file = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()).split("\\?", 2)[0] : "";
        if (file.isEmpty() || file.contains(":memory:") || file.startsWith("file:")) {
            throw new IllegalArgumentException("name the audit key file of " + url + ": only an SQLite file has a default");
        }
        return Path.of(file).toAbsolutePath().normalize().resolveSibling(DEFAULT_KEY_FILE);
    }

    static EventStore open(StoreSettings settings, AuditSettings audit, EventCodec.Compression compression, int maxHosts,
            Duration hostWrites) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        String url = dialect.driverUrl(settings.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            prepareSqliteFile(url);
        }
        HikariDataSource pool = pool(dialect, url, settings);
        try {
            Flyway.configure(EventStores.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
            return new JdbcEventStore(pool, dialect, compression, maxHosts, hostWrites, audit);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot bring the schema of " + settings.jdbcUrl() + " up to date: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(Dialect dialect, String url, StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("iotwatch-store");
        config.setJdbcUrl(url);
        config.setUsername(settings.user().isEmpty() ? null : settings.user());
        config.setPassword(settings.password().isEmpty() ? null : settings.password());
        // one connection for the writer, three for reads meanwhile: the dashboard asks several at once
        config.setMaximumPoolSize(4);
        dialect.connectionProperties().forEach(config::addDataSourceProperty);
        if (dialect == Dialect.MARIADB) {
            // as PostgreSQL's default: every statement sees what is committed when it runs. Under MariaDB's default
            // (repeatable read) a batch that read the alerts before waiting for another process's audit append
            // would go on reading the log as it was before that append, and collide with it
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    /**
     * A page size takes effect only while the file has no table and is not yet in WAL mode, so a new
     * file gets both here, in that order; for an existing file both are no-ops.
     */
    private static void prepareSqliteFile(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = " + SQLITE_PAGE_SIZE);
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
