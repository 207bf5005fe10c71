package io.iotwatch.store.audit;

import java.util.List;

/**
 * What {@code audit verify} found.
 *
 * @param blocks        sealed blocks checked
 * @param entries       entries checked, sealed and not
 * @param unsealed      entries not yet in a sealed block (written, but no signature covers them yet)
 * @param alerts        alert rows compared with their latest entries
 * @param keyFingerprint the fingerprint of the key the log is signed with
 * @param head          the newest signed head, null for a log without blocks
 * @param problems      what failed, first failure first; at most {@link #MAX_PROBLEMS}
 * @param moreProblems  problems found beyond those listed
 */
public record Verification(long blocks, long entries, long unsealed, long alerts, String keyFingerprint, SignedHead head,
        List<Problem> problems, long moreProblems) {

    public static final int MAX_PROBLEMS = 100;

    /**
     * One failure, located.
     *
     * @param block the block concerned, null if none
     * @param entry the entry concerned, null if none
     */
    public record Problem(Long block, Long entry, String message) {
        @Override
        public String toString() {
            String where = (block == null ? "" : "block " + block) + (block != null && entry != null ? ", " : "")
                    + (entry == null ? "" : "entry " + entry);
            return where.isEmpty() ? message : where + ": " + message;
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
