package io.iotwatch.store.audit;

import java.util.List;

/**
 * That an entry is in the log a signed head covers (RFC 9162 section 2.1.3), in the form that
 * {@code tools/audit-verify/AuditVerify.java} checks offline.
 *
 * @param leafHash  SHA-256(0x00 || the entry's canonical text), hex
 * @param auditPath the RFC's audit path, hex, bottom up
 */
public record InclusionProof(Entry entry, String leafHash, long treeSize, List<String> auditPath, SignedHead head) {

    /** The entry proven: its leaf index and the exact canonical text that was hashed. */
    public record Entry(long index, String canonical) {}
}
