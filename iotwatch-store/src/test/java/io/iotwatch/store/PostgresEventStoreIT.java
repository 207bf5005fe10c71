package io.iotwatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
        return new StoreSettings(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
    }

    @Override
    protected void dropDatabase() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
