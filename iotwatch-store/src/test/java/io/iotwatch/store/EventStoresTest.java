package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.store.audit.AuditSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventStoresTest {

    @Test
    void refusesADatabaseItDoesNotSupport() {
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:h2:mem:events", "", ""), AuditSettings.readOnly()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:mem:events")
                .hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void anUnreachableServerIsAStoreErrorNamingIt() {
        // port 1 on the loopback address: nothing listens there
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:postgresql://127.0.0.1:1/x", "u", "secret"), AuditSettings.readOnly()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void aMysqlUrlIsServedByTheMariaDbDriver() {
        assertThat(Dialect.of("jdbc:mysql://db:3306/iot")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.MARIADB.driverUrl("jdbc:mysql://db:3306/iot")).isEqualTo("jdbc:mariadb://db:3306/iot");
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:mysql://127.0.0.1:1/x", "root", ""), AuditSettings.readOnly()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:mysql://127.0.0.1:1/x");
    }

    @Test
    void onlyAnSqliteFileHasADefaultAuditKeyBesideIt() {
        assertThat(EventStores.defaultKeyFile(new StoreSettings("jdbc:sqlite:/var/lib/iotwatch/iotwatch.db?x=1", "", "")))
                .isEqualTo(Path.of("/var/lib/iotwatch/audit-key.pem"));
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:postgresql://db/iot", "iot", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the audit key file of jdbc:postgresql://db/iot");
    }

    @Test
    void settingsNeverShowThePassword() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://db/iot", "iot", "hunter2");

        assertThat(settings.toString()).contains("jdbc:postgresql://db/iot", "iot").doesNotContain("hunter2");
        assertThat(new StoreSettings("jdbc:sqlite:x.db", null, null)).extracting(StoreSettings::user, StoreSettings::password)
                .containsExactly("", "");
    }
}
