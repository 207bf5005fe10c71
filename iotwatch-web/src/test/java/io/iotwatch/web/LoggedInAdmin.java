package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For API tests: a running monitor on a store of its own, seeded or empty, and its admin logged in. */
abstract class LoggedInAdmin {

    @TempDir
    Path dir;

    TestMonitor monitor;
    Http admin;

    private final boolean seeded;

    LoggedInAdmin(boolean seeded) {
        this.seeded = seeded;
    }

    @BeforeEach
    void startMonitorAndLogIn() throws Exception {
        monitor = new TestMonitor(dir);
        if (seeded) {
            monitor.seed();
        }
        admin = new Http(monitor.url());
        assertThat(admin.login("admin", monitor.adminPassword).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stopMonitor() throws Exception {
        monitor.close();
    }
}
