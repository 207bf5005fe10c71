package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on PostgreSQL, each test in a schema of its own. Needs the server that CI starts:
 * {@code iotwatch.it.postgres.url} (default {@value #DEFAULT_URL}) as user
 * {@code iotwatch.it.postgres.user} (default postgres) with trust authentication. An unreachable
 * server fails the tests.
 */
class PostgresEventStoreIT extends EventStoreContract {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String URL = System.getProperty("iotwatch.it.postgres.url", DEFAULT_URL);
    private static final String USER = System.getProperty("iotwatch.it.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("iotwatch.it.postgres.password", "");

    private String schema;

    @Override
    protected StoreSettings newDatabase() throws SQLException {
        schema = uniqueName("iotwatch_it_");
        execute("CREATE SCHEMA " + schema);
        return settings(schema);
    }

    @Override
    protected void dropDatabase() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void subjectsAreFoundByTheirPrefixWhereTheDatabaseSortsTextAsALanguageDoes(@TempDir Path keys) throws SQLException {
        String own = uniqueName("iotwatch_it_");
        execute("CREATE SCHEMA " + own);
        try (EventStore store = EventStores.open(settings(own), AuditSettings.signingWith(keys.resolve("key.pem")))) {
            // as a database made with an English locale would: ICU's English weighs punctuation last, so that
            // "source:eth0" sorts after "source;"
            execute("ALTER TABLE " + own + ".audit_subjects ALTER COLUMN subject TYPE VARCHAR(255) COLLATE \"en-x-icu\"");
            for (String subject : new String[] {"source;", "source:eth0", "sourceeth", "source:demo"}) {
                store.audit().record(new AuditRecord("test", subject, Map.of()));
            }
            assertThat(store.audit().subjects("source:", 10)).containsExactly("source:demo", "source:eth0");
        } finally {
            execute("DROP SCHEMA " + own + " CASCADE");
        }
    }

    private static StoreSettings settings(String schema) {
        return new StoreSettings(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
