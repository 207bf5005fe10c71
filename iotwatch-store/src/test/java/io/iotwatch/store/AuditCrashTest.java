package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.store.audit.Verification;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process appending to the audit log is killed (SIGKILL) at random moments; each time the log must verify
 * and go on: an entry commits with its change or not at all, and a block is sealed in the transaction of its
 * last entry, so no moment leaves a log half written.
 */
class AuditCrashTest {

    @TempDir
    Path dir;

    @Test
    void aLogKilledAtRandomMomentsAlwaysVerifiesAndGoesOn() throws Exception {
        Random random = new Random(42);
        long before = 0;
        for (int kill = 0; kill < 5; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AuditCrashChild.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int until = 20 + random.nextInt(300);
            for (int line = 0; line < until; line++) {
                assertThat(out.readLine()).as("the child appends (kill %d)", kill).isNotNull();
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (EventStore store = EventStores.open(StoreSettings.embedded(dir),
                    AuditSettings.verifying(dir.resolve(EventStores.DEFAULT_KEY_FILE)))) {
                Verification verification = store.audit().verify(null);
                assertThat(verification.problems()).as("after kill %d", kill).isEmpty();
                assertThat(verification.entries()).isGreaterThan(before);
                before = verification.entries();
            }
        }
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            store.audit().record(new AuditRecord("login", "after", Map.of()));
        }
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            Verification verification = store.audit().verify(null);
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.unsealed()).as("closing seals").isZero();
        }
    }
}
