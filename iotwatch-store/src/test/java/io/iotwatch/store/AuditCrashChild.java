package io.iotwatch.store;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process {@link AuditCrashTest} kills: appends to the audit log of the store in the folder given, as
 * fast as it can, alerts and records in turn in small blocks, printing each committed count.
 */
final class AuditCrashChild {

    private AuditCrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir),
                new AuditSettings(dir.resolve(EventStores.DEFAULT_KEY_FILE), true, 3, Duration.ofSeconds(1)))) {
            for (long i = 0; ; i++) {
                if (i % 3 == 0) {
                    Instant now = Instant.now();
                    store.accept(new Batch(List.of(), List.of(), List.of(new Alert("crash-" + (i % 17), "portscan", "k",
                            "Recon-PortScan", "Recon", ThreatLevel.LOW, 0.8, now, now, "10.0.0.1", null, null, "T1046", i,
                            Map.of("round", i))), Optional.empty()));
                } else {
                    store.audit().record(new AuditRecord("login", "user" + i, Map.of("address", "127.0.0.1")));
                }
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
