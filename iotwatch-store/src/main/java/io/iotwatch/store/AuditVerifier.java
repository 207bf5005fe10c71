package io.iotwatch.store;

import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.Canonical;
import io.iotwatch.store.audit.MerkleTree;
import io.iotwatch.store.audit.MerkleTree.Frontier;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import io.iotwatch.store.audit.Verification.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the audit log from its rows and checks every link: each entry's leaf hash against the hash
 * its block recorded (which locates a changed, deleted, inserted or reordered entry), each block's Merkle
 * root, tree root, hash, chain link and signature, the key against the key file and an anchored head,
 * and every alert row against its latest entry. Entries and blocks are read in one ordered pass each, on
 * two connections, so memory holds a block and one hash per alert, not the log.
 */
final class AuditVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final int HASH = MerkleTree.HASH_BYTES;

    private final Sql sql;
    private final Path keyFile;
    private final PublicKey logKey;
    private final MessageDigest sha = MerkleTree.sha256();
    private final List<Problem> problems = new ArrayList<>();
    private long moreProblems;
    // the latest content entry of each alert: its data's hash, entry index and block
    private final Map<String, AlertEntry> alertEntries = new LinkedHashMap<>();

    private record AlertEntry(byte[] dataHash, long entry, long block) {}

    AuditVerifier(Sql sql, Path keyFile, PublicKey logKey) {
        this.sql = sql;
        this.keyFile = keyFile;
        this.logKey = logKey;
    }

    Verification verify(SignedHead anchor) {
        checkKeys(anchor);
        Progress progress = sql.read("verify the audit log", blocksConnection -> sql.read("verify the audit log",
                entriesConnection -> walk(blocksConnection, entriesConnection, anchor)));
        long alerts = sql.read("compare the alerts with the audit log", this::checkAlerts);
        SignedHead head = progress.lastBlock == null || logKey == null ? null : SignedHead.of(progress.lastBlock, logKey);
        return new Verification(progress.blocks, progress.entries, progress.unsealed, alerts,
                logKey == null ? null : AuditKeys.fingerprint(logKey), head, List.copyOf(problems), moreProblems);
    }

    private void problem(Long block, Long entry, String message) {
        if (problems.size() < Verification.MAX_PROBLEMS) {
            problems.add(new Problem(block, entry, message));
        } else {
            moreProblems++;
        }
    }

    private void checkKeys(SignedHead anchor) {
        if (keyFile != null && Files.exists(keyFile) && logKey != null) {
            try {
                PublicKey local = AuditKeys.publicKeyFromPem(Files.readString(keyFile));
                if (!local.equals(logKey)) {
                    problem(null, null, "the log is signed with key " + AuditKeys.fingerprint(logKey) + ", but this installation's key "
                            + keyFile + " is " + AuditKeys.fingerprint(local) + ": the key was swapped");
                }
            } catch (IOException | RuntimeException e) {
                problem(null, null, "cannot read the key file " + keyFile + ": " + e.getMessage());
            }
        }
        if (anchor == null) {
            return;
        }
        if (!anchor.selfConsistent()) {
            problem(anchor.index(), null, "the anchored head is not signed by its own key or its hash is wrong: it was altered");
        } else if (logKey != null && !anchor.key().equals(logKey)) {
            problem(null, null, "the anchored head is signed with key " + AuditKeys.fingerprint(anchor.key())
                    + ", the log with key " + AuditKeys.fingerprint(logKey) + ": the key was swapped");
        }
    }

    /** What the walk over blocks and entries saw. */
    private static final class Progress {
        long blocks;
        long entries;
        long unsealed;
        AuditBlock lastBlock;
        boolean anchorSeen;
    }

    /** The entries in index order, one at a time. */
    private final class Entries implements AutoCloseable {
        private final PreparedStatement st;
        private final ResultSet rs;
        AuditEntry current;

        Entries(Connection c) throws SQLException {
            st = c.prepareStatement("SELECT entry_index, block_index, time_ms, kind, subject, data FROM audit_entries ORDER BY entry_index");
            st.setFetchSize(1024);
            rs = st.executeQuery();
            advance();
        }

        void advance() throws SQLException {
            current = rs.next() ? JdbcAuditTrail.entry(rs) : null;
        }

        @Override
        public void close() throws SQLException {
            try (st) {
                rs.close();
            }
        }
    }

    private Progress walk(Connection blocksConnection, Connection entriesConnection, SignedHead anchor) throws SQLException {
        if (logKey == null) {
            problem(null, null, "the log has no key: the audit_key row is missing");
        }
        Progress progress = new Progress();
        Frontier tree = new Frontier();
        String previousHash = AuditBlock.GENESIS;
        long expectedBlock = 0;
        // PostgreSQL and MariaDB stream a result only within a transaction with a fetch size
        blocksConnection.setAutoCommit(false);
        entriesConnection.setAutoCommit(false);
        try (PreparedStatement st = blocksConnection.prepareStatement("SELECT block_index, time_ms, first_entry, entry_count,"
                + " previous_hash, merkle_root, tree_size, tree_root, block_hash, signature, leaf_hashes FROM audit_blocks"
                + " ORDER BY block_index");
                Entries entries = new Entries(entriesConnection)) {
            st.setFetchSize(8);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    AuditBlock block = JdbcAuditTrail.block(rs);
                    byte[] leaves = rs.getBytes(11);
                    if (block.index() != expectedBlock) {
                        problem(block.index(), null, "block " + expectedBlock + (block.index() == expectedBlock + 1 ? " is" : " to "
                                + (block.index() - 1) + " are") + " missing before it");
                    }
                    if (!block.previousHash().equals(previousHash)) {
                        problem(block.index(), null, "its previous hash is not the hash of the block before it: the chain is broken");
                    }
                    checkBlock(block, leaves, tree, entries, progress);
                    if (anchor != null && block.index() == anchor.index()) {
                        progress.anchorSeen = true;
                        if (!block.hash().equals(anchor.hash())) {
                            problem(block.index(), null, "it differs from the anchored head of " + anchor.treeSize()
                                    + " entries: the log was rewritten at or before entry " + (anchor.treeSize() - 1));
                        }
                    }
                    previousHash = block.hash();
                    expectedBlock = block.index() + 1;
                    progress.lastBlock = block;
                    progress.blocks++;
                }
            }
            for (; entries.current != null; entries.advance()) {
                AuditEntry entry = entries.current;
                if (entry.index() != tree.size()) {
                    problem(expectedBlock, tree.size(), entry.index() < tree.size() ? "an entry is in the wrong place"
                            : "entries " + tree.size() + " to " + (entry.index() - 1) + " are missing");
                }
                if (entry.block() != expectedBlock) {
                    problem(expectedBlock, entry.index(), "the entry after the last sealed block names block " + entry.block());
                }
                tree.add(MerkleTree.leafHash(sha, entry.canonicalBytes()));
                noteAlert(entry);
                progress.entries++;
                progress.unsealed++;
            }
        } finally {
            blocksConnection.rollback();
            entriesConnection.rollback();
        }
        if (anchor != null && !progress.anchorSeen) {
            problem(anchor.index(), null, "the anchored head is block " + anchor.index() + " of " + anchor.treeSize()
                    + " entries, but the log has " + progress.blocks + " blocks and " + tree.size() + " entries: it was truncated");
        }
        return progress;
    }

    private void checkBlock(AuditBlock block, byte[] leaves, Frontier tree, Entries entries, Progress progress) throws SQLException {
        long index = block.index();
        if (block.firstEntry() != tree.size()) {
            problem(index, null, "it begins at entry " + block.firstEntry() + ", but the blocks before it end at entry " + (tree.size() - 1));
        }
        if (block.entries() < 1 || leaves.length != block.entries() * HASH) {
            problem(index, null, "it records " + leaves.length / HASH + " leaf hashes for " + block.entries() + " entries");
        }
        Frontier own = new Frontier();
        int recorded = Math.min(block.entries(), leaves.length / HASH);
        for (int i = 0; i < recorded; i++) {
            long expected = block.firstEntry() + i;
            byte[] leaf = Arrays.copyOfRange(leaves, i * HASH, (i + 1) * HASH);
            while (entries.current != null && entries.current.index() < expected) {
                problem(index, entries.current.index(), "the entry is outside every block's range");
                entries.advance();
            }
            AuditEntry entry = entries.current;
            if (entry == null || entry.index() > expected) {
                problem(index, expected, "the entry is missing: it was deleted");
            } else {
                if (!Arrays.equals(MerkleTree.leafHash(sha, entry.canonicalBytes()), leaf)) {
                    problem(index, expected, "its content does not match the hash the block recorded: it was changed, or entries were reordered or inserted");
                }
                if (entry.block() != index) {
                    problem(index, expected, "the entry names block " + entry.block());
                }
                noteAlert(entry);
                progress.entries++;
                entries.advance();
            }
            own.add(leaf);
            tree.add(leaf);
        }
        if (!HEX.formatHex(own.root()).equals(block.merkleRoot())) {
            problem(index, null, "its Merkle root does not match its entries' hashes");
        }
        if (tree.size() != block.treeSize() || !HEX.formatHex(tree.root()).equals(block.treeRoot())) {
            problem(index, null, "its tree root is not the root of the entries up to it");
        }
        byte[] header = block.headerBytes();
        if (!HEX.formatHex(sha.digest(header)).equals(block.hash())) {
            problem(index, null, "its hash does not match its header");
        }
        if (logKey != null && !signed(header, block.signature())) {
            problem(index, null, "its signature does not verify with the log's key " + AuditKeys.fingerprint(logKey));
        }
    }

    private boolean signed(byte[] header, String signature) {
        try {
            return AuditKeys.verify(logKey, header, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private void noteAlert(AuditEntry entry) {
        if (AlertRows.isContentKind(entry.kind())) {
            alertEntries.put(entry.subject(), new AlertEntry(sha.digest(entry.data().getBytes(StandardCharsets.UTF_8)),
                    entry.index(), entry.block()));
        }
    }

    /** Compares every alert row with its latest entry; returns how many rows there are. */
    private long checkAlerts(Connection c) throws SQLException {
        long[] rows = {0};
        Map<String, AlertEntry> unseen = new LinkedHashMap<>(alertEntries);
        Sql.each(c, AlertRows.SELECT_AUDITED, rs -> {
            rows[0]++;
            String id = rs.getString(1);
            AlertEntry latest = unseen.remove(id);
            byte[] row = sha.digest(Canonical.data(AlertRows.auditData(rs)).getBytes(StandardCharsets.UTF_8));
            if (latest == null) {
                problem(null, null, "alert " + id + " has no entry in the log: it was stored without one");
            } else if (!Arrays.equals(latest.dataHash(), row)) {
                problem(latest.block(), latest.entry(), "alert " + id + " differs from this, its latest entry: the alert was changed without an entry");
            }
        });
        unseen.forEach((id, latest) -> problem(latest.block(), latest.entry(), "alert " + id + " of this entry is gone from the alerts table"));
        return rows[0];
    }
}
