package io.iotwatch.store.audit;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the store keeps its audit log.
 *
 * @param keyFile      the PEM file of the signing key, made on first use when writable; null for none
 * @param writable     false opens the log for reading and verifying only (against the key file, if
 *                     any), refusing every write that would append to it
 * @param blockEntries a block is sealed when it holds this many entries (1 to 100,000; default 1,000)
 * @param blockInterval a block with entries is sealed at the latest this long after its first entry
 *                     (1 s to 1 day; default 30 s)
 */
public record AuditSettings(Path keyFile, boolean writable, int blockEntries, Duration blockInterval) {

    public static final int DEFAULT_BLOCK_ENTRIES = 1000;
    public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofSeconds(30);

    public AuditSettings {
        if (writable && keyFile == null) {
            throw new IllegalArgumentException("a writable audit log needs its key file");
        }
        if (blockEntries < 1 || blockEntries > 100_000) {
            throw new IllegalArgumentException("audit block entries must be 1 to 100000, not " + blockEntries);
        }
        if (blockInterval.compareTo(Duration.ofSeconds(1)) < 0 || blockInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the audit block interval must be 1 s to 1 day, not " + blockInterval);
        }
    }

    /** The defaults, signing with the key in {@code keyFile}. */
    public static AuditSettings signingWith(Path keyFile) {
        return new AuditSettings(keyFile, true, DEFAULT_BLOCK_ENTRIES, DEFAULT_BLOCK_INTERVAL);
    }

    /** For reading and verifying only, against the public half of the key in {@code keyFile} if it exists. */
    public static AuditSettings verifying(Path keyFile) {
        return new AuditSettings(keyFile, false, DEFAULT_BLOCK_ENTRIES, DEFAULT_BLOCK_INTERVAL);
    }

    /** For reading only, with no key file to check the log's key against. */
    public static AuditSettings readOnly() {
        return verifying(null);
    }
}
