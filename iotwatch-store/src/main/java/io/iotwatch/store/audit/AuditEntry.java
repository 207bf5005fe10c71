package io.iotwatch.store.audit;

import java.nio.charset.StandardCharsets;

/**
 * An entry of the audit log: leaf {@code index} of its Merkle tree.
 *
 * @param block     the block it belongs to (the open block's index while the block is not yet sealed)
 * @param timeMillis when it was recorded, epoch milliseconds
 * @param data      its data object as canonical JSON text (see {@link Canonical#data})
 */
public record AuditEntry(long index, long block, long timeMillis, String kind, String subject, String data) {

    /** The canonical text whose leaf hash the tree holds. */
    public String canonical() {
        return Canonical.entry(data, kind, subject, timeMillis);
    }

    public byte[] canonicalBytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }
}
