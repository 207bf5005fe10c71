package io.iotwatch.bench;

import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.store.audit.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How fast the audit log appends and verifies on the embedded SQLite store (issue 8: at least 100,000
 * entries/s appended and 1,000,000 entries/s verified). Appends ENTRIES entries like a failed login's, in
 * transactions of 1,000, into blocks of 1,000, then verifies the whole log. As the anchor measured in the
 * same run: the same rows inserted into a plain SQLite table keyed by entry, in the same transactions, with
 * no hashing, signing or subject links (the most SQLite does with these rows), and read back with one
 * SHA-256 each.
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar io.iotwatch.bench.AuditLogBench [ENTRIES]</pre>
 */
public final class AuditLogBench {

    private static final int PER_TRANSACTION = 1000;

    private AuditLogBench() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;

        Path dir = Files.createTempDirectory("iotwatch-audit-bench");
        StoreSettings settings = StoreSettings.embedded(dir);
        AuditSettings audit = new AuditSettings(dir.resolve("audit-key.pem"), true, 1000, Duration.ofHours(1));
        long appendNanos;
        try (EventStore store = EventStores.open(settings, audit)) {
            long start = System.nanoTime();
            for (int from = 0; from < entries; from += PER_TRANSACTION) {
                store.audit().record(batch(from, entries));
            }
            appendNanos = System.nanoTime() - start;
        }
        long verifyNanos;
        Verification verification;
        try (EventStore store = EventStores.open(settings, AuditSettings.verifying(dir.resolve("audit-key.pem")))) {
            store.audit().verify(null); // warms up the code and the file cache, as the second of two runs would
            long start = System.nanoTime();
            verification = store.audit().verify(null);
            verifyNanos = System.nanoTime() - start;
        }
        if (!verification.valid() || verification.entries() != entries) {
            throw new IllegalStateException("the log does not verify: " + verification);
        }

        long plainInsert = plainInsert(dir.resolve("plain.db"), entries);
        long plainRead = plainRead(dir.resolve("plain.db"));
        System.out.printf("entries              %,d in %,d blocks%n", entries, verification.blocks());
        System.out.printf("append               %,.0f entries/s   plain SQLite insert of the same rows %,.0f rows/s (%.2fx)%n",
                rate(entries, appendNanos), rate(entries, plainInsert), (double) appendNanos / plainInsert);
        System.out.printf("verify               %,.0f entries/s   plain read + one SHA-256 each %,.0f rows/s (%.2fx)%n",
                rate(entries, verifyNanos), rate(entries, plainRead), (double) verifyNanos / plainRead);
        System.out.printf("database             %,d bytes%n", Files.size(dir.resolve("iotwatch.db")));
    }

    /** The records of one transaction, made as they are stored so that the heap holds one batch, not the run. */
    private static List<AuditRecord> batch(int from, int entries) {
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = from; i < Math.min(entries, from + PER_TRANSACTION); i++) {
            batch.add(new AuditRecord("login.failed", "user" + (i % 5000), Map.of("address", "192.0.2." + (i % 250),
                    "reason", "wrong password", "at", "2026-12-02T08:00:00Z")));
        }
        return batch;
    }

    private static double rate(long n, long nanos) {
        return n * 1e9 / nanos;
    }

    private static long plainInsert(Path file, int entries) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("CREATE TABLE entries (entry_index BIGINT PRIMARY KEY, block_index BIGINT, time_ms BIGINT,"
                    + " kind VARCHAR(64), subject VARCHAR(255), data TEXT)");
            c.setAutoCommit(false);
            long start = System.nanoTime();
            long index = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < entries; from += PER_TRANSACTION) {
                    for (AuditRecord record : batch(from, entries)) {
                        insert.setLong(1, index);
                        insert.setLong(2, index / 1000);
                        insert.setLong(3, System.currentTimeMillis());
                        insert.setString(4, record.kind());
                        insert.setString(5, record.subject());
                        insert.setString(6, record.data().toString());
                        insert.addBatch();
                        index++;
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            return System.nanoTime() - start;
        }
    }

    private static long plainRead(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT entry_index, kind, subject, data FROM entries ORDER BY entry_index")) {
                long start = System.nanoTime();
                while (rs.next()) {
                    sha.update(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                    sha.update(rs.getString(3).getBytes(StandardCharsets.UTF_8));
                    sha.digest(rs.getString(4).getBytes(StandardCharsets.UTF_8));
                }
                best = Math.min(best, System.nanoTime() - start);
            }
        }
        return best;
    }
}
