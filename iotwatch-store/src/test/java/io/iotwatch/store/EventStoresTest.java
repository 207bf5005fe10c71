package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventStoresTest {

    @Test
    void refusesADatabaseItDoesNotSupport() {
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:h2:mem:events", "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:mem:events")
                .hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void anUnreachableServerIsAStoreErrorNamingIt() {
        // port 1 on the loopback address: nothing listens there
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:postgresql://127.0.0.1:1/x", "u", "secret")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void aMysqlUrlIsServedByTheMariaDbDriver() {
        assertThat(Dialect.of("jdbc:mysql://db:3306/iot")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialect.MARIADB.driverUrl("jdbc:mysql://db:3306/iot")).isEqualTo("jdbc:mariadb://db:3306/iot");
        assertThatThrownBy(() -> EventStores.open(new StoreSettings("jdbc:mysql://127.0.0.1:1/x", "root", "")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:mysql://127.0.0.1:1/x");
    }

    @Test
    void settingsNeverShowThePassword() {
        StoreSettings settings = new StoreSettings("jdbc:postgresql://db/iot", "iot", "hunter2");

        assertThat(settings.toString()).contains("jdbc:postgresql://db/iot", "iot").doesNotContain("hunter2");
        assertThat(new StoreSettings("jdbc:sqlite:x.db", null, null)).extracting(StoreSettings::user, StoreSettings::password)
                .containsExactly("", "");
    }
}
