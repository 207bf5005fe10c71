package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;

/** Opens the configured store, turning failures into a message that says which database and why. */
final class Stores {
    private Stores() {}

    static StoreSettings settings(IotwatchConfig config) {
        IotwatchConfig.Database db = config.database();
        return db.url().isEmpty()
                ? StoreSettings.embedded(config.dataPath())
                : new StoreSettings(db.url(), db.user(), db.password());
    }

    static EventStore open(IotwatchConfig config) {
        StoreSettings settings = settings(config);
        try {
            return EventStores.open(settings);
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot open the database " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
