package io.iotwatch.app.cli;

import io.iotwatch.app.config.ConfigLoader;
import io.iotwatch.app.config.IotwatchConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that reads configuration or stores events takes. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: iotwatch.yml in the working directory, if present).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory: embedded database and logs (config key data-dir, default ./data).")
    String dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database instead of the embedded SQLite file, e.g. jdbc:postgresql://127.0.0.1:5432/test"
                    + " or jdbc:mariadb://127.0.0.1:3306/test (config key database.url).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "Database user (config key database.user; the password comes from database.password"
                    + " or IOTWATCH_DATABASE_PASSWORD, never from the command line).")
    String dbUser;

    /** Loads the configuration with these options applied over file and environment, and starts logging. */
    IotwatchConfig load(Map<String, String> extraOverrides) {
        IotwatchConfig config = read(extraOverrides);
        Logging.start(config);
        return config;
    }

    /** The configuration file that {@link #load} reads, if any. */
    Optional<Path> configFile() {
        return ConfigLoader.fileToRead(Optional.ofNullable(configFile));
    }

    /** Loads the configuration as {@link #load} does, without starting logging: nothing is written yet. */
    IotwatchConfig read(Map<String, String> extraOverrides) {
        Map<String, String> overrides = new LinkedHashMap<>(extraOverrides);
        if (dataDir != null) {
            overrides.put("data-dir", dataDir);
        }
        if (db != null) {
            overrides.put("database.url", db);
        }
        if (dbUser != null) {
            overrides.put("database.user", dbUser);
        }
        return new ConfigLoader().load(Optional.ofNullable(configFile), System.getenv(), overrides);
    }
}
