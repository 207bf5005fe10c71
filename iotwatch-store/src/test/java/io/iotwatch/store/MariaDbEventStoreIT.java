package io.iotwatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The contract on MariaDB, each test in a database of its own. Needs the server that CI starts at
 * {@code iotwatch.it.mariadb.server} (default {@value #DEFAULT_SERVER}) as user
 * {@code iotwatch.it.mariadb.user} (default root) with an empty password. An unreachable server fails
 * the tests.
 */
class MariaDbEventStoreIT extends EventStoreContract {

    private static final String DEFAULT_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String SERVER = System.getProperty("iotwatch.it.mariadb.server", DEFAULT_SERVER);
    private static final String USER = System.getProperty("iotwatch.it.mariadb.user", "root");
    private static final String PASSWORD = System.getProperty("iotwatch.it.mariadb.password", "");

    private String database;

    @Override
    protected StoreSettings newDatabase() throws SQLException {
        database = uniqueName("iotwatch_it_");
        execute("CREATE DATABASE " + database);
        return new StoreSettings(SERVER + database, USER, PASSWORD);
    }

    @Override
    protected void dropDatabase() throws SQLException {
        execute("DROP DATABASE " + database);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
