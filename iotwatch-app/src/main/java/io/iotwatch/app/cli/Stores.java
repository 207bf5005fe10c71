package io.iotwatch.app.cli;

import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditSettings;

/** Opens the configured store, turning failures into a message that says which database and why. */
final class Stores {
    private Stores() {}

    static StoreSettings settings(IotwatchConfig config) {
        IotwatchConfig.Database db = config.database();
        return db.url().isEmpty()
                ? StoreSettings.embedded(config.dataPath())
                : new StoreSettings(db.url(), db.user(), db.password());
    }

    /**
     * Opens the store for writing, its audit log signed with the configured key, and records the
     * configuration in the audit log if it changed since it was recorded last.
     */
    static EventStore open(IotwatchConfig config) {
        EventStore store = open(config, config.auditSettings(true));
        try {
            ConfigAudit.record(store.audit(), config);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw new UserFacingException("cannot record the configuration in the audit log: " + rootMessage(e), e);
        }
    }

    /** Opens the store to read and verify its audit log, which then refuses to be appended to. */
    static EventStore openForVerifying(IotwatchConfig config) {
        return open(config, config.auditSettings(false));
    }

    private static EventStore open(IotwatchConfig config, AuditSettings audit) {
        StoreSettings settings = settings(config);
        try {
            return EventStores.open(settings, audit);
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
