package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings newDatabase() {
        return StoreSettings.embedded(dataDir.resolve("data"));
    }

    @Override
    protected void dropDatabase() {
        // the temporary directory goes with the test
    }

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataDirectoryWithWriteAheadLogAndLargePages() throws SQLException {
        Path file = dataDir.resolve("data").resolve("iotwatch.db");
        assertThat(file).exists();
        assertThat(pragma(file, "journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(pragma(file, "page_size")).isEqualTo("32768");
    }

    private static String pragma(Path file, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void embeddedSettingsCreateTheDataDirectory() {
        Path nested = dataDir.resolve("a").resolve("b");

        StoreSettings settings = StoreSettings.embedded(nested);

        assertThat(Files.isDirectory(nested)).isTrue();
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:" + nested.toAbsolutePath().resolve("iotwatch.db"));
    }
}
