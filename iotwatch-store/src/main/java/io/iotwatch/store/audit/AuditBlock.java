package io.iotwatch.store.audit;

import java.nio.charset.StandardCharsets;

/**
 * A sealed block of the audit log: entries {@code firstEntry} to {@code firstEntry + entries - 1}, chained
 * to the block before by its hash. Hashes are lowercase hex, the signature base64.
 *
 * @param previousSignature the previous block's signature, "" for the first: so the newest signature vouches
 *                  for every signature before it, as the previous hash does for every header
 * @param merkleRoot the tree hash of this block's entries alone
 * @param treeSize   entries in the log up to and including this block
 * @param treeRoot   the tree hash of those entries (RFC 9162), which proofs are checked against
 * @param hash       SHA-256 of the {@link #header()}
 * @param signature  Ed25519 over the {@link #header()}
 */
public record AuditBlock(long index, long time, long firstEntry, int entries, String previousHash, String previousSignature,
        String merkleRoot, long treeSize, String treeRoot, String hash, String signature) {

    /** The previous hash of the first block. */
    public static final String GENESIS = "0".repeat(2 * MerkleTree.HASH_BYTES);

    /** The canonical header, which {@link #hash} covers and {@link #signature} signs. */
    public String header() {
        return Canonical.header(index, time, firstEntry, entries, previousHash, previousSignature, merkleRoot, treeSize, treeRoot);
    }

    public byte[] headerBytes() {
        return header().getBytes(StandardCharsets.UTF_8);
    }
}
