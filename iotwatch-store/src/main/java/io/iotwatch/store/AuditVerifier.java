package io.iotwatch.store;

import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.Canonical;
import io.iotwatch.store.audit.MerkleTree;
import io.iotwatch.store.audit.MerkleTree.Frontier;
import io.iotwatch.store.audit.MerkleTree.Subtree;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the audit log from its rows and checks every link: each entry's leaf hash against the hash
 * its block recorded (which locates a changed, deleted, inserted or reordered entry), each block's Merkle
 * root, tree root, hash, chain link and signature, the links of each subject's history, the key against
 * the key file and an anchored head, and every alert row against its latest entry.
 *
 * <p>The blocks are read in order and what depends on order (the chain of hashes and signatures, the tree
 * over all entries, the subjects' links) is checked as they come; each block's entries are read and
 * hashed, most of the work, by worker threads on connections of their own, a few blocks ahead at most.
 * The workers also hash each block's recorded leaves into the subtrees that its own Merkle tree and the
 * tree over all entries have in common, so that the tree over all entries, grown in order, hashes little.
 * Each block's header names the block before it by hash and by signature, so the newest block's signature,
 * the one Ed25519 verification (a millisecond), vouches for every block before it. Memory holds the blocks
 * in flight and one small record per subject and per alert, not the log.
 */
final class AuditVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(AuditVerifier.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int HASH = MerkleTree.HASH_BYTES;
    private static final int BLOCKS_IN_FLIGHT = 16;
    private static final String ENTRY_COLUMNS = "entry_index, block_index, entry, previous_about";

    private final Sql sql;
    private final Path keyFile;
    private final PublicKey logKey;
    private final MessageDigest sha = MerkleTree.sha256();
    // problems not tied to one block's checks, and each block's, merged in order at the end
    private final Problems logProblems = new Problems();
    private final List<BlockCheck> checked = new ArrayList<>();
    private final Problems tailProblems = new Problems();
    // the latest content entry of each alert: its data's hash, entry index and block
    private final Map<String, AlertEntry> alertEntries = new LinkedHashMap<>();
    // the latest entry about each subject, which audit_subjects must hold
    private final Map<String, Long> latestBySubject = new HashMap<>();

    private record AlertEntry(byte[] dataHash, long entry, long block) {}

    /** The first problems of one kind of check, as many as a report lists; the rest only counted. */
    private static final class Problems {
        final List<Problem> first = new ArrayList<>();
        long more;

        void add(Problem problem) {
            if (first.size() < Verification.MAX_PROBLEMS) {
                first.add(problem);
            } else {
                more++;
            }
        }
    }

    AuditVerifier(Sql sql, Path keyFile, PublicKey logKey) {
        this.sql = sql;
        this.keyFile = keyFile;
        this.logKey = logKey;
    }

    Verification verify(SignedHead anchor) {
        checkKeys(anchor);
        Progress progress = sql.read("verify the audit log", c -> walk(c, anchor));
        long alerts = sql.read("compare the alerts with the audit log", this::checkAlerts);
        sql.read("compare the audit log's subjects with its entries", this::checkSubjects);
        List<Problem> all = new ArrayList<>(logProblems.first);
        long more = logProblems.more + tailProblems.more;
        for (BlockCheck block : checked) {
            all.addAll(block.sortedProblems());
            more += block.problems.more + block.hashProblems.more;
        }
        all.addAll(tailProblems.first);
        SignedHead head = progress.lastBlock == null || logKey == null ? null : SignedHead.of(progress.lastBlock, logKey);
        int listed = Math.min(all.size(), Verification.MAX_PROBLEMS);
        return new Verification(progress.blocks, progress.entries, progress.unsealed, alerts,
                logKey == null ? null : AuditKeys.fingerprint(logKey), head, List.copyOf(all.subList(0, listed)),
                all.size() - listed + more);
    }

    private void checkKeys(SignedHead anchor) {
        if (logKey == null) {
            logProblems.add(new Problem(null, null, "the log has no key: the audit_key row is missing"));
        }
        if (keyFile != null && Files.exists(keyFile) && logKey != null) {
            try {
                PublicKey local = AuditKeys.publicKeyFromPem(Files.readString(keyFile));
                if (!local.equals(logKey)) {
                    logProblems.add(new Problem(null, null, "the log is signed with key " + AuditKeys.fingerprint(logKey)
                            + ", but this installation's key " + keyFile + " is " + AuditKeys.fingerprint(local)
                            + ": the key was swapped"));
                }
            } catch (IOException | RuntimeException e) {
                logProblems.add(new Problem(null, null, "cannot read the key file " + keyFile + ": " + e.getMessage()));
            }
        }
        if (anchor == null) {
            return;
        }
        if (!anchor.selfConsistent()) {
            logProblems.add(new Problem(anchor.index(), null,
                    "the anchored head is not signed by its own key or its hash is wrong: it was altered"));
        } else if (logKey != null && !anchor.key().equals(logKey)) {
            logProblems.add(new Problem(null, null, "the anchored head is signed with key " + AuditKeys.fingerprint(anchor.key())
                    + ", the log with key " + AuditKeys.fingerprint(logKey) + ": the key was swapped"));
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

    /** An entry as its block's check saw it, for the checks that need the entries in order. */
    private record Seen(long index, long block, String kind, String subject, Long previousAbout, byte[] alertDataHash) {}

    /**
     * One block: its recorded leaf hashes, the problems found in it, and what its entries need checked in
     * order. {@link #run} reads and hashes the entries on a worker thread, with a connection of its own.
     */
    private final class BlockCheck {
        final AuditBlock block;
        final long treeOffset; // the leaves the blocks before it recorded: where its leaves go in the tree of all
        byte[] leaves; // let go once the block is checked: a log's leaf hashes are 32 bytes an entry
        List<Subtree> subtrees; // its leaves as subtrees of its own tree and of the tree of all, hashed once for both
        final Problems problems = new Problems(); // found by the walk, in order, on its thread
        final Problems hashProblems = new Problems(); // found by run(), on a worker thread
        final List<Seen> seen = new ArrayList<>();

        BlockCheck(AuditBlock block, byte[] leaves, long treeOffset) {
            this.block = block;
            this.leaves = leaves;
            this.treeOffset = treeOffset;
        }

        void problem(Long entry, String message) {
            problems.add(new Problem(block.index(), entry, message));
        }

        /**
         * Reads the block's entries and recomputes their leaf hashes, the block's Merkle root and its hash, and
         * the subtrees of its recorded leaves that the tree of all entries takes in order.
         */
        void run(EntryReaders readers) {
            MessageDigest digest = MerkleTree.sha256();
            try {
                readEntries(readers.statement(), digest);
            } catch (SQLException e) {
                throw new StoreException("cannot verify audit block " + block.index() + ": " + e.getMessage(), e);
            }
            subtrees = MerkleTree.alignedSubtrees(digest, leaves, treeOffset);
            Frontier own = new Frontier();
            for (Subtree subtree : subtrees) {
                own.add(subtree.hash(), subtree.level());
            }
            if (!HEX.formatHex(own.root()).equals(block.merkleRoot())) {
                hashProblems.add(new Problem(block.index(), null, "its Merkle root does not match its entries' hashes"));
            }
            if (!HEX.formatHex(digest.digest(block.headerBytes())).equals(block.hash())) {
                hashProblems.add(new Problem(block.index(), null, "its hash does not match its header"));
            }
        }

        private void readEntries(PreparedStatement st, MessageDigest digest) throws SQLException {
            long index = block.index();
            long expected = block.firstEntry();
            long end = block.firstEntry() + Math.min(block.entries(), leaves.length / HASH);
            st.setLong(1, block.firstEntry());
            st.setLong(2, end);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long entryIndex = rs.getLong(1);
                    long entryBlock = rs.getLong(2);
                    for (; expected < entryIndex; expected++) {
                        hashProblems.add(new Problem(index, expected, "the entry is missing: it was deleted"));
                    }
                    expected = entryIndex + 1;
                    if (entryBlock != index) {
                        hashProblems.add(new Problem(index, entryIndex, "the entry names block " + entryBlock));
                    }
                    // the text as the database's UTF-8 bytes, the bytes hashed: nothing to decode or build
                    byte[] text = rs.getBytes(3);
                    int i = (int) (entryIndex - block.firstEntry());
                    if (!Arrays.equals(MerkleTree.leafHash(digest, text), 0, HASH, leaves, i * HASH, (i + 1) * HASH)) {
                        hashProblems.add(new Problem(index, entryIndex, "its content does not match the hash the block "
                                + "recorded: it was changed, or entries were reordered or inserted"));
                    }
                    long previous = rs.getLong(4);
                    Seen seen = seen(text, entryIndex, index, rs.wasNull() ? null : previous, digest, hashProblems);
                    if (seen != null) {
                        this.seen.add(seen);
                    }
                }
            }
            for (; expected < end; expected++) {
                hashProblems.add(new Problem(index, expected, "the entry is missing: it was deleted"));
            }
        }

        /** The entries' problems in entry order, then the block's own. */
        List<Problem> sortedProblems() {
            List<Problem> all = new ArrayList<>(problems.first);
            all.addAll(hashProblems.first);
            all.sort(Comparator.comparing(Problem::entry, Comparator.nullsLast(Comparator.naturalOrder())));
            return all;
        }
    }

    /**
     * One connection and statement per worker thread for reading a block's entries, kept for the whole
     * verification: preparing a statement per block took a tenth of the workers' time.
     */
    private final class EntryReaders implements AutoCloseable {
        private final ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());

        PreparedStatement statement() throws SQLException {
            PreparedStatement st = statements.get();
            if (st == null) {
                Connection c = sql.connection();
                opened.add(c);
                st = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM audit_entries"
                        + " WHERE entry_index >= ? AND entry_index < ? ORDER BY entry_index");
                statements.set(st);
            }
            return st;
        }

        /** Closes the connections, once no worker uses them any more. */
        @Override
        public void close() {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("cannot close a connection of the audit verification", e);
                }
            }
        }
    }

    private Progress walk(Connection blocks, SignedHead anchor) throws SQLException {
        Progress progress = new Progress();
        Frontier tree = new Frontier();
        long recordedLeaves = 0;
        BlockCheck previous = null;
        Deque<CompletableFuture<BlockCheck>> inFlight = new ArrayDeque<>();
        // PostgreSQL and MariaDB stream a result only within a transaction with a fetch size
        blocks.setAutoCommit(false);
        // closed in reverse: the workers finish before their connections are closed
        try (EntryReaders readers = new EntryReaders();
                ExecutorService hashing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                        Thread.ofPlatform().name("iotwatch-audit-verify-", 0).daemon(true).factory());
                PreparedStatement st = blocks.prepareStatement("SELECT " + JdbcAuditTrail.BLOCK_COLUMNS
                + ", leaf_hashes FROM audit_blocks ORDER BY block_index")) {
            st.setFetchSize(8);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    BlockCheck check = new BlockCheck(JdbcAuditTrail.block(rs), rs.getBytes(12), recordedLeaves);
                    recordedLeaves += check.leaves.length / HASH;
                    checkOrder(check, previous, anchor, progress);
                    checked.add(check);
                    inFlight.add(CompletableFuture.supplyAsync(() -> {
                        check.run(readers);
                        return check;
                    }, hashing));
                    if (inFlight.size() > BLOCKS_IN_FLIGHT) {
                        noteEntries(inFlight.removeFirst().join(), tree, progress);
                    }
                    previous = check;
                    progress.lastBlock = check.block;
                    progress.blocks++;
                }
            }
            while (!inFlight.isEmpty()) {
                noteEntries(inFlight.removeFirst().join(), tree, progress);
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException store ? store : e;
        } finally {
            blocks.rollback();
        }
        // the chain binds each block's signature into the next one's header, so the newest signature vouches for all
        if (previous != null && logKey != null && !signed(previous.block.headerBytes(), previous.block.signature())) {
            previous.problem(null, "its signature does not verify with the log's key " + AuditKeys.fingerprint(logKey));
        }
        readUnsealed(blocks, tree, progress);
        if (anchor != null && !progress.anchorSeen) {
            tailProblems.add(new Problem(anchor.index(), null, "the anchored head is block " + anchor.index() + " of "
                    + anchor.treeSize() + " entries, but the log has " + progress.blocks + " blocks and " + tree.size()
                    + " entries: it was truncated"));
        }
        return progress;
    }

    /** What depends on the blocks' order and not on their entries: indexes, the chain of hashes and signatures. */
    private void checkOrder(BlockCheck check, BlockCheck previous, SignedHead anchor, Progress progress) {
        AuditBlock block = check.block;
        long expectedBlock = previous == null ? 0 : previous.block.index() + 1;
        if (block.index() != expectedBlock) {
            check.problem(null, "block " + expectedBlock + (block.index() == expectedBlock + 1 ? " is" : " to "
                    + (block.index() - 1) + " are") + " missing before it");
        }
        if (!block.previousHash().equals(previous == null ? AuditBlock.GENESIS : previous.block.hash())) {
            check.problem(null, "its previous hash is not the hash of the block before it: the chain is broken");
        }
        if (previous != null && !block.previousSignature().equals(previous.block.signature())) {
            previous.problem(null, "its signature is not the one the next block recorded: it was replaced");
        } else if (previous == null && !block.previousSignature().isEmpty()) {
            check.problem(null, "it is the first block but records a previous signature");
        }
        if (block.firstEntry() != check.treeOffset) {
            check.problem(null, "it begins at entry " + block.firstEntry() + ", but the blocks before it end at entry "
                    + (check.treeOffset - 1));
        }
        if (block.entries() < 1 || check.leaves.length != block.entries() * HASH) {
            check.problem(null, "it records " + check.leaves.length / HASH + " leaf hashes for " + block.entries() + " entries");
        }
        if (anchor != null && block.index() == anchor.index()) {
            progress.anchorSeen = true;
            if (!block.hash().equals(anchor.hash())) {
                check.problem(null, "it differs from the anchored head of " + anchor.treeSize()
                        + " entries: the log was rewritten at or before entry " + (anchor.treeSize() - 1));
            }
        }
    }

    /**
     * In block order, once the block's entries are read: grows the tree over all entries by the block's
     * leaves and checks its root, and checks the links of the block's entries to the entries before them
     * about the same subjects.
     */
    private void noteEntries(BlockCheck check, Frontier tree, Progress progress) {
        for (Subtree subtree : check.subtrees) {
            tree.add(subtree.hash(), subtree.level());
        }
        if (tree.size() != check.block.treeSize() || !HEX.formatHex(tree.root()).equals(check.block.treeRoot())) {
            check.problem(null, "its tree root is not the root of the entries up to it");
        }
        for (Seen entry : check.seen) {
            note(entry, check.problems);
            progress.entries++;
        }
        check.seen.clear();
        check.leaves = null;
        check.subtrees = null;
    }

    /** The entries after the newest block: in order, in the open block, and linked right; no signature covers them yet. */
    private void readUnsealed(Connection c, Frontier tree, Progress progress) throws SQLException {
        long expectedBlock = progress.lastBlock == null ? 0 : progress.lastBlock.index() + 1;
        Sql.each(c, "SELECT " + ENTRY_COLUMNS + " FROM audit_entries WHERE entry_index >= ? ORDER BY entry_index", rs -> {
            long index = rs.getLong(1);
            if (index != tree.size()) {
                tailProblems.add(new Problem(expectedBlock, tree.size(), "entries " + tree.size() + " to " + (index - 1)
                        + " are missing"));
            }
            if (rs.getLong(2) != expectedBlock) {
                tailProblems.add(new Problem(expectedBlock, index, "the entry after the last sealed block names block "
                        + rs.getLong(2)));
            }
            byte[] text = rs.getBytes(3);
            tree.add(MerkleTree.leafHash(sha, text));
            long previous = rs.getLong(4);
            Seen seen = seen(text, index, expectedBlock, rs.wasNull() ? null : previous, sha, tailProblems);
            if (seen != null) {
                note(seen, tailProblems);
            }
            progress.entries++;
            progress.unsealed++;
        }, tree.size());
    }

    /** What the order checks need of an entry's text; null, with a problem, if the text is not an entry's. */
    private static Seen seen(byte[] text, long index, long block, Long previousAbout, MessageDigest digest, Problems problems) {
        AuditEntry.Parts parts;
        try {
            parts = AuditEntry.parts(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(block, index, "its text is not an entry in canonical form (" + e.getMessage() + ")"));
            return null;
        }
        byte[] alertData = null;
        if (AlertRows.isContentKind(parts.kind())) {
            digest.update(text, AuditEntry.Parts.DATA_START, parts.dataEnd() - AuditEntry.Parts.DATA_START);
            alertData = digest.digest();
        }
        return new Seen(index, block, parts.kind(), parts.subject(), previousAbout, alertData);
    }

    private boolean signed(byte[] header, String signature) {
        try {
            return AuditKeys.verify(logKey, header, Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /**
     * Checks the entry's link to the entry before it about the same subject, which finds a subject's
     * history and which no hash covers, and keeps what the alert check needs.
     */
    private void note(Seen entry, Problems problems) {
        Long expected = latestBySubject.put(entry.subject(), entry.index());
        if (!Objects.equals(expected, entry.previousAbout())) {
            problems.add(new Problem(entry.block(), entry.index(), "its link to the entry before it about '" + entry.subject()
                    + "' is " + entry.previousAbout() + ", not " + expected + ": the history shown for it was altered"));
        }
        if (entry.alertDataHash() != null) {
            alertEntries.put(entry.subject(), new AlertEntry(entry.alertDataHash(), entry.index(), entry.block()));
        }
    }

    /** Compares the latest entry the table holds for each subject with the entries. */
    private Void checkSubjects(Connection c) throws SQLException {
        Map<String, Long> unseen = new HashMap<>(latestBySubject);
        Sql.each(c, "SELECT subject, latest_entry FROM audit_subjects", rs -> {
            String subject = rs.getString(1);
            Long latest = unseen.remove(subject);
            if (latest == null || latest != rs.getLong(2)) {
                tailProblems.add(new Problem(null, rs.getLong(2), "the latest entry about '" + subject
                        + "' is recorded as this one, but it is " + latest + ": the history shown for it was altered"));
            }
        });
        unseen.forEach((subject, latest) -> tailProblems.add(new Problem(null, latest, "no latest entry about '" + subject
                + "' is recorded: its history cannot be found")));
        return null;
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
                tailProblems.add(new Problem(null, null, "alert " + id + " has no entry in the log: it was stored without one"));
            } else if (!Arrays.equals(latest.dataHash(), row)) {
                tailProblems.add(new Problem(latest.block(), latest.entry(), "alert " + id
                        + " differs from this, its latest entry: the alert was changed without an entry"));
            }
        });
        unseen.forEach((id, latest) -> tailProblems.add(new Problem(latest.block(), latest.entry(), "alert " + id
                + " of this entry is gone from the alerts table")));
        return rows[0];
    }
}
