package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's database commands, run as a user runs them, against the PostgreSQL and MariaDB servers
 * that CI starts (127.0.0.1:5432 as postgres, 127.0.0.1:3306 as root), each in a schema of its own.
 */
class IngestIntoServersIT {

    private static final String STORED = "2,008 events, 2 rejects in total";

    @TempDir
    Path data;

    @Test
    void theSamplesGoIntoPostgresOnce() throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = uniqueName();
        execute(server, "postgres", "CREATE SCHEMA " + schema);
        try {
            ingestTwice(server + "?currentSchema=" + schema, "postgres");
        } finally {
            execute(server, "postgres", "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void theSamplesGoIntoMariaDbOnce() throws SQLException {
        String server = "jdbc:mariadb://127.0.0.1:3306/";
        String database = uniqueName();
        execute(server, "root", "CREATE DATABASE " + database);
        try {
            ingestTwice(server + database, "root");
        } finally {
            execute(server, "root", "DROP DATABASE " + database);
        }
    }

    private void ingestTwice(String url, String user) {
        for (int run = 0; run < 2; run++) {
            CliRun ingest = CliRun.of("ingest", "--data-dir", data.toString(), "--no-progress", "--db", url, "--db-user", user,
                    IngestCommandTest.SAMPLES.toString());
            assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
            assertThat(ingest.out()).contains("Stored in " + url + ": " + STORED);
        }
    }

    private static String uniqueName() {
        return "iotwatch_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
