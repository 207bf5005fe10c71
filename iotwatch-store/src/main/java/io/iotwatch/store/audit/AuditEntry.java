package io.iotwatch.store.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An entry of the audit log: leaf {@code index} of its Merkle tree.
 *
 * @param block     the block it belongs to (the open block's index while the block is not yet sealed)
 * @param timeMillis when it was recorded, epoch milliseconds
 * @param data      its data object as canonical JSON text (see {@link Canonical#data})
 */
public record AuditEntry(long index, long block, long timeMillis, String kind, String subject, String data) {

    private static final byte[] DATA = "{\"data\":".getBytes(StandardCharsets.UTF_8);

    /** The canonical text whose leaf hash the tree holds. */
    public String canonical() {
        return Canonical.entry(data, kind, subject, timeMillis);
    }

    public byte[] canonicalBytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The leaf hash, SHA-256(0x00 || {@link #canonicalBytes()}), computed without building the whole text:
     * verifying spends much of its time here.
     */
    public byte[] leafHash(MessageDigest sha) {
        return leafHash(sha, data.getBytes(StandardCharsets.UTF_8), kind, subject, timeMillis);
    }

    /** As {@link #leafHash(MessageDigest)}, from the data's UTF-8 bytes as the database holds them. */
    public static byte[] leafHash(MessageDigest sha, byte[] dataUtf8, String kind, String subject, long timeMillis) {
        sha.update((byte) 0);
        sha.update(DATA);
        sha.update(dataUtf8);
        StringBuilder rest = new StringBuilder(kind.length() + subject.length() + 48).append(",\"kind\":");
        Canonical.string(rest, kind);
        rest.append(",\"subject\":");
        Canonical.string(rest, subject);
        rest.append(",\"time\":\"").append(timeMillis).append("\"}");
        return sha.digest(rest.toString().getBytes(StandardCharsets.UTF_8));
    }
}
