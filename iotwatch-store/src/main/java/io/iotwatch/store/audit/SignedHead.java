package io.iotwatch.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signed head of the audit log: its newest block's header, hash and signature with the public key
 * that signed it. Kept somewhere else (a file, a ticket, a syslog line) it anchors the log: a later
 * {@code iotwatch audit verify --head FILE} proves the log still begins with what the head covers.
 */
public record SignedHead(long index, long time, long firstEntry, int entries, String previousHash, String previousSignature,
        String merkleRoot, long treeSize, String treeRoot, String hash, String signature, String publicKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SignedHead of(AuditBlock block, PublicKey key) {
        return new SignedHead(block.index(), block.time(), block.firstEntry(), block.entries(), block.previousHash(),
                block.previousSignature(), block.merkleRoot(), block.treeSize(), block.treeRoot(), block.hash(), block.signature(), AuditKeys.base64(key));
    }

    public AuditBlock block() {
        return new AuditBlock(index, time, firstEntry, entries, previousHash, previousSignature, merkleRoot, treeSize, treeRoot,
                hash, signature);
    }

    public PublicKey key() {
        return AuditKeys.publicKey(publicKey);
    }

    /** Whether the head's hash is its header's and its signature verifies with its own key. */
    public boolean selfConsistent() {
        AuditBlock block = block();
        try {
            return HexFormat.of().formatHex(MerkleTree.sha256().digest(block.headerBytes())).equals(hash)
                    && AuditKeys.verify(key(), block.headerBytes(), Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a head always writes as JSON", e);
        }
    }

    /** A head as {@link #toJson()} writes it. */
    public static SignedHead parse(String json) {
        try {
            SignedHead head = JSON.readValue(json, SignedHead.class);
            if (head.previousHash == null || head.previousSignature == null || head.merkleRoot == null || head.treeRoot == null || head.hash == null
                    || head.signature == null || head.publicKey == null) {
                throw new IllegalArgumentException("not a signed head: a field is missing");
            }
            return head;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a signed head: " + e.getOriginalMessage(), e);
        }
    }
}
