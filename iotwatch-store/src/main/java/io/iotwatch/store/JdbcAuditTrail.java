package io.iotwatch.store;

import io.iotwatch.store.Dialect.Merge;
import io.iotwatch.store.Dialect.Merged;
import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.store.audit.Canonical;
import io.iotwatch.store.audit.ConsistencyProof;
import io.iotwatch.store.audit.InclusionProof;
import io.iotwatch.store.audit.MerkleTree;
import io.iotwatch.store.audit.MerkleTree.Frontier;
import io.iotwatch.store.audit.MerkleTree.Range;
import io.iotwatch.store.audit.MerkleTree.RangeHashes;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link AuditTrail} over the audit_key, audit_entries and audit_blocks tables (see the V4 migration).
 *
 * <p>Appending runs inside the caller's write transaction ({@link #append}), under the store's writer
 * lock, so an entry commits or rolls back with the change it records. What appending needs to go on,
 * the open block's leaf hashes and the tree's {@link Frontier}, is kept in memory: a transaction works
 * on a copy, which becomes the state when it commits ({@link Sql.Participant}). Before appending, the
 * newest entry and block in the database are compared with the state, so another process appending to the same
 * database (an {@code ingest} beside a {@code serve}) makes this one reload rather than collide.
 */
final class JdbcAuditTrail implements AuditTrail, Sql.Participant {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ENTRY_COLUMNS = "entry_index, block_index, entry";
    static final String BLOCK_COLUMNS = "block_index, time_ms, first_entry, entry_count, previous_hash,"
            + " previous_signature, merkle_root, tree_size, tree_root, block_hash, signature";
    private static final int HASH = MerkleTree.HASH_BYTES;
    private static final int SUBJECTS_PER_QUERY = 500;

    private final Sql sql;
    private final String upsertSubject;
    // taken before reading the newest entry, held to the end of the transaction: two processes appending to
    // one PostgreSQL or MariaDB database would otherwise both take the same next index; SQLite lets one
    // writer in at a time anyway, and has no FOR UPDATE
    private final String lockAppending;
    // subjects compared as the other databases compare them, by code point: PostgreSQL's default collation may
    // be a language's (en_US sorts "source:x" after "source;"); this one cannot use the key's index, so finding
    // subjects by prefix reads all of audit_subjects there, once per report
    private final String subjectByCodePoint;
    private final AuditSettings settings;
    private final PublicKey publicKey; // null while the log has not begun (read-only, empty database)
    private final PrivateKey privateKey; // null when read-only
    private final MessageDigest sha = MerkleTree.sha256(); // guarded by the writer lock
    private State state; // guarded by the writer lock
    private State working; // the state of the transaction under way, if it appended
    // when the open block's first entry was committed, 0 for none: read by the sealing timer without the lock
    private volatile long openSince;

    /** What appending goes on from. */
    private static final class State {
        long block; // the open block's index
        long firstEntry; // its first entry's index: the entries sealed before it
        String previousHash;
        String previousSignature;
        Frontier frontier; // the tree of every entry, sealed or not
        byte[] leaves = new byte[64 * HASH]; // the open block's leaf hashes
        int count;
        long openSince;

        long size() {
            return firstEntry + count;
        }

        State copy() {
            State copy = new State();
            copy.block = block;
            copy.firstEntry = firstEntry;
            copy.previousHash = previousHash;
            copy.previousSignature = previousSignature;
            copy.frontier = frontier.copy();
            copy.leaves = Arrays.copyOf(leaves, Math.max(leaves.length, (count + 1) * HASH));
            copy.count = count;
            copy.openSince = openSince;
            return copy;
        }

        void add(byte[] leaf) {
            if ((count + 1) * HASH > leaves.length) {
                leaves = Arrays.copyOf(leaves, leaves.length * 2);
            }
            System.arraycopy(leaf, 0, leaves, count * HASH, HASH);
            count++;
            frontier.add(leaf);
        }
    }

    private JdbcAuditTrail(Sql sql, Dialect dialect, AuditSettings settings, PublicKey publicKey, PrivateKey privateKey) {
        this.sql = sql;
        this.upsertSubject = dialect.upsert("audit_subjects", List.of("subject"), List.of(new Merged("latest_entry", Merge.REPLACE)));
        this.lockAppending = dialect == Dialect.SQLITE ? null : "SELECT id FROM audit_key WHERE id = 1 FOR UPDATE";
        this.subjectByCodePoint = dialect == Dialect.POSTGRESQL ? "subject COLLATE \"C\"" : "subject";
        this.settings = settings;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Opens the log, beginning it if the database has none: with a signing key (made in the key file if
     * missing) and an {@code alert.adopted} entry for every alert stored before the log began.
     *
     * @throws StoreException if the log is signed with another key than the key file's, or the key file
     *     is missing for a log that has begun
     */
    static JdbcAuditTrail open(Sql sql, Dialect dialect, AuditSettings settings) {
        Optional<String> stored = sql.read("read the audit key",
                c -> Sql.first(c, "SELECT public_key FROM audit_key WHERE id = 1", rs -> rs.getString(1)));
        if (!settings.writable()) {
            return new JdbcAuditTrail(sql, dialect, settings, stored.map(AuditKeys::publicKey).orElse(null), null);
        }
        if (stored.isPresent()) {
            PublicKey logKey = AuditKeys.publicKey(stored.get());
            if (!Files.exists(settings.keyFile())) {
                throw new StoreException("the audit log of this database is signed with key " + AuditKeys.fingerprint(logKey)
                        + ", but its key file " + settings.keyFile() + " is missing: restore it, or start a new database", null);
            }
            KeyPair pair = AuditKeys.load(settings.keyFile());
            if (!pair.getPublic().equals(logKey)) {
                throw new StoreException("the audit log of this database is signed with key " + AuditKeys.fingerprint(logKey)
                        + ", but " + settings.keyFile() + " holds key " + AuditKeys.fingerprint(pair.getPublic())
                        + ": use the key file the log began with, or start a new database", null);
            }
            JdbcAuditTrail trail = new JdbcAuditTrail(sql, dialect, settings, logKey, pair.getPrivate());
            sql.participate(trail);
            sql.write("read the audit log", trail::load);
            return trail;
        }
        KeyPair pair = AuditKeys.loadOrCreate(settings.keyFile());
        JdbcAuditTrail trail = new JdbcAuditTrail(sql, dialect, settings, pair.getPublic(), pair.getPrivate());
        sql.participate(trail);
        sql.write("begin the audit log", c -> {
            if (Sql.number(c, "SELECT COUNT(*) FROM audit_entries") > 0) {
                throw new StoreException("the audit log has entries but no key: run 'iotwatch audit verify'", null);
            }
            Sql.update(c, "INSERT INTO audit_key (id, public_key, created_at_ms) VALUES (1, ?, ?)",
                    AuditKeys.base64(pair.getPublic()), System.currentTimeMillis());
            trail.load(c);
            List<AuditRecord> adopted = new ArrayList<>();
            Sql.each(c, AlertRows.SELECT_AUDITED, rs -> adopted.add(
                    new AuditRecord("alert.adopted", rs.getString(1), AlertRows.auditData(rs))));
            trail.append(c, adopted);
            return null;
        });
        return trail;
    }

    /** Reads the state appending goes on from: the newest block and the entries after it. */
    private Void load(Connection c) throws SQLException {
        State loaded = new State();
        Optional<long[]> last = Sql.first(c, "SELECT block_index, tree_size FROM audit_blocks ORDER BY block_index DESC LIMIT 1",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (last.isEmpty()) {
            loaded.previousHash = AuditBlock.GENESIS;
            loaded.previousSignature = "";
            loaded.frontier = new Frontier();
        } else {
            long index = last.get()[0];
            Object[] row = Sql.first(c, "SELECT block_hash, signature, frontier FROM audit_blocks WHERE block_index = ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}, index).orElseThrow();
            loaded.block = index + 1;
            loaded.firstEntry = last.get()[1];
            loaded.previousHash = (String) row[0];
            loaded.previousSignature = (String) row[1];
            try {
                loaded.frontier = Frontier.of(loaded.firstEntry, (byte[]) row[2]);
            } catch (IllegalArgumentException e) {
                throw new StoreException("the audit log's block " + index + " is damaged (" + e.getMessage()
                        + "): run 'iotwatch audit verify'", e);
            }
        }
        Sql.each(c, "SELECT entry_index, entry FROM audit_entries WHERE entry_index >= ? ORDER BY entry_index", rs -> {
            long index = rs.getLong(1);
            if (index != loaded.size()) {
                throw new StoreException("the audit log lacks entry " + loaded.size() + ": run 'iotwatch audit verify'", null);
            }
            byte[] text = rs.getBytes(2);
            if (loaded.count == 0) {
                loaded.openSince = AuditEntry.parts(text).timeMillis();
            }
            loaded.add(MerkleTree.leafHash(sha, text));
        }, loaded.firstEntry);
        state = loaded;
        working = null;
        openSince = loaded.openSince;
        return null;
    }

    /**
     * Appends the records in the caller's transaction on {@code c}, which holds the writer lock and
     * notifies this trail of its outcome, sealing blocks as they fill or fall due.
     */
    void append(Connection c, List<AuditRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        if (privateKey == null) {
            throw new StoreException("the audit log is open for reading only: cannot record " + records.getFirst().kind(), null);
        }
        State s = working(c);
        Map<String, Long> latest = latestAbout(c, records);
        long now = System.currentTimeMillis();
        try (Sql.Batched insert = new Sql.Batched(c, "INSERT INTO audit_entries (" + ENTRY_COLUMNS
                + ", previous_about) VALUES (?, ?, ?, ?)")) {
            for (AuditRecord record : records) {
                String text = Canonical.entry(Canonical.data(record.data()), record.kind(), record.subject(), now);
                long index = s.size();
                Long previous = latest.put(record.subject(), index);
                Sql.bind(insert.statement(), index, s.block, text, previous == null ? Sql.NULL_BIGINT : previous);
                insert.add();
                if (s.count == 0) {
                    s.openSince = now;
                }
                s.add(MerkleTree.leafHash(sha, text.getBytes(StandardCharsets.UTF_8)));
                if (s.count == settings.blockEntries()) {
                    seal(c, s, now);
                }
            }
        }
        try (Sql.Batched upsert = new Sql.Batched(c, upsertSubject)) {
            for (Map.Entry<String, Long> subject : latest.entrySet()) {
                Sql.bind(upsert.statement(), subject.getKey(), subject.getValue());
                upsert.add();
            }
        }
        if (s.count > 0 && now - s.openSince >= settings.blockInterval().toMillis()) {
            seal(c, s, now);
        }
    }

    /** The latest entry about each subject of the records, for those that have one. */
    private static Map<String, Long> latestAbout(Connection c, List<AuditRecord> records) throws SQLException {
        Map<String, Long> latest = new HashMap<>();
        List<String> subjects = records.stream().map(AuditRecord::subject).distinct().toList();
        for (int from = 0; from < subjects.size(); from += SUBJECTS_PER_QUERY) {
            List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + SUBJECTS_PER_QUERY));
            Sql.each(c, "SELECT subject, latest_entry FROM audit_subjects WHERE subject IN (" + Sql.placeholders(chunk.size()) + ")",
                    rs -> latest.put(rs.getString(1), rs.getLong(2)), chunk.toArray());
        }
        return latest;
    }

    /**
     * The state this transaction appends to, reloaded first if another process appended or sealed
     * meanwhile: its newest entry or its newest block is not the one this state ends with.
     */
    private State working(Connection c) throws SQLException {
        if (working == null) {
            if (lockAppending != null) {
                Sql.each(c, lockAppending, rs -> { });
            }
            long[] newest = Sql.first(c, "SELECT (SELECT MAX(entry_index) FROM audit_entries),"
                    + " (SELECT MAX(block_index) FROM audit_blocks)", rs -> new long[] {nullAsMinusOne(rs, 1), nullAsMinusOne(rs, 2)})
                    .orElseThrow();
            if (newest[0] != state.size() - 1 || newest[1] != state.block - 1) {
                load(c);
            }
            working = state.copy();
        }
        return working;
    }

    private static long nullAsMinusOne(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? -1 : value;
    }

    private void seal(Connection c, State s, long now) throws SQLException {
        Frontier blockTree = new Frontier();
        for (int i = 0; i < s.count; i++) {
            blockTree.add(Arrays.copyOfRange(s.leaves, i * HASH, (i + 1) * HASH));
        }
        long treeSize = s.size();
        String header = Canonical.header(s.block, now, s.firstEntry, s.count, s.previousHash, s.previousSignature,
                HEX.formatHex(blockTree.root()), treeSize, HEX.formatHex(s.frontier.root()));
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        String hash = HEX.formatHex(sha.digest(headerBytes));
        String signature = Base64.getEncoder().encodeToString(AuditKeys.sign(privateKey, headerBytes));
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_blocks (" + BLOCK_COLUMNS
                + ", leaf_hashes, frontier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(st, s.block, now, s.firstEntry, s.count, s.previousHash, s.previousSignature, HEX.formatHex(blockTree.root()),
                    treeSize, HEX.formatHex(s.frontier.root()), hash, signature);
            st.setBytes(12, Arrays.copyOf(s.leaves, s.count * HASH));
            st.setBytes(13, s.frontier.bytes());
            st.executeUpdate();
        }
        s.block++;
        s.firstEntry = treeSize;
        s.previousHash = hash;
        s.previousSignature = signature;
        s.count = 0;
        s.openSince = 0;
    }

    @Override
    public void committed() {
        if (working != null) {
            state = working;
            working = null;
            openSince = state.openSince;
        }
    }

    @Override
    public void rolledBack() {
        working = null;
    }

    @Override
    public void record(AuditRecord record) {
        record(List.of(record));
    }

    @Override
    public void record(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        sql.write("record " + records.getFirst().kind() + (records.size() > 1 ? " and " + (records.size() - 1) + " more" : "")
                + " in the audit log", c -> {
            append(c, records);
            return null;
        });
    }

    /** Seals the open block if its first entry is older than the block interval; for a timer. */
    void sealIfDue() {
        long since = openSince;
        if (since != 0 && System.currentTimeMillis() - since >= settings.blockInterval().toMillis()) {
            seal();
        }
    }

    @Override
    public void seal() {
        if (privateKey == null) {
            return;
        }
        sql.write("seal an audit block", c -> {
            State s = working(c);
            if (s.count > 0) {
                seal(c, s, System.currentTimeMillis());
            }
            return null;
        });
    }

    @Override
    public long size() {
        return sql.read("count the audit entries", c -> Sql.first(c, "SELECT MAX(entry_index) FROM audit_entries",
                rs -> rs.getObject(1) == null ? 0L : rs.getLong(1) + 1).orElse(0L));
    }

    @Override
    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    @Override
    public Optional<SignedHead> head() {
        return sql.read("read the audit head", c -> Sql.first(c, "SELECT " + BLOCK_COLUMNS
                + " FROM audit_blocks ORDER BY block_index DESC LIMIT 1", JdbcAuditTrail::block)).map(this::signed);
    }

    private SignedHead signed(AuditBlock block) {
        return SignedHead.of(block, publicKey);
    }

    @Override
    public List<AuditBlock> blocks(long before, int limit) {
        Args.limit(limit);
        return sql.read("read the audit blocks", c -> Sql.list(c, "SELECT " + BLOCK_COLUMNS
                + " FROM audit_blocks WHERE block_index < ? ORDER BY block_index DESC LIMIT ?", JdbcAuditTrail::block, before, limit));
    }

    @Override
    public Optional<AuditBlock> block(long index) {
        return sql.read("read the audit block " + index, c -> Sql.first(c, "SELECT " + BLOCK_COLUMNS
                + " FROM audit_blocks WHERE block_index = ?", JdbcAuditTrail::block, index));
    }

    @Override
    public List<AuditEntry> entries(long block) {
        return sql.read("read the entries of audit block " + block, c -> Sql.list(c, "SELECT " + ENTRY_COLUMNS
                + " FROM audit_entries WHERE block_index = ? ORDER BY entry_index", JdbcAuditTrail::entry, block));
    }

    @Override
    public void eachEntry(Consumer<AuditEntry> action) {
        sql.read("read the audit log", c -> {
            Sql.each(c, "SELECT " + ENTRY_COLUMNS + " FROM audit_entries ORDER BY entry_index", rs -> action.accept(entry(rs)));
            return null;
        });
    }

    @Override
    public List<AuditEntry> entriesAbout(String subject, int limit) {
        Args.limit(limit);
        return sql.read("read the audit entries about " + subject, c -> {
            List<AuditEntry> entries = new ArrayList<>();
            Long next = Sql.first(c, "SELECT latest_entry FROM audit_subjects WHERE subject = ?", rs -> rs.getLong(1), subject)
                    .orElse(null);
            try (PreparedStatement st = c.prepareStatement("SELECT " + ENTRY_COLUMNS + ", previous_about FROM audit_entries"
                    + " WHERE entry_index = ?")) {
                while (next != null && entries.size() < limit) {
                    st.setLong(1, next);
                    try (ResultSet rs = st.executeQuery()) {
                        if (!rs.next()) {
                            throw new StoreException("the audit log lacks entry " + next + " about " + subject
                                    + ": run 'iotwatch audit verify'", null);
                        }
                        entries.add(entry(rs));
                        long previous = rs.getLong(4);
                        next = rs.wasNull() ? null : previous;
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public List<String> subjects(String prefix, int limit) {
        Args.limit(limit);
        String end = prefixEnd(prefix);
        // a range rather than LIKE, which would need its wildcards escaped; MariaDB compares text as if padded with
        // spaces, so there a subject whose character after the prefix is a control character is missed
        String where = subjectByCodePoint + " >= ?" + (end == null ? "" : " AND " + subjectByCodePoint + " < ?");
        Object[] params = end == null ? new Object[] {prefix, limit} : new Object[] {prefix, end, limit};
        return sql.read("read the audit subjects beginning with " + prefix, c -> Sql.list(c, "SELECT subject FROM audit_subjects"
                + " WHERE " + where + " ORDER BY " + subjectByCodePoint + " LIMIT ?", rs -> rs.getString(1), params));
    }

    /** The least text after every text that begins with {@code prefix}, in code point order; null when there is none. */
    private static String prefixEnd(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            end -= Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
                return prefix.substring(0, end) + Character.toString(next);
            }
        }
        return null;
    }

    @Override
    public InclusionProof inclusionProof(long entry, long block) {
        return sql.read("prove audit entry " + entry, c -> {
            AuditBlock head = Sql.first(c, "SELECT " + BLOCK_COLUMNS + " FROM audit_blocks WHERE block_index = ?",
                    JdbcAuditTrail::block, block).orElseThrow(() -> new NoSuchElementException("no audit block " + block));
            if (entry < 0 || entry >= head.treeSize()) {
                throw new NoSuchElementException("block " + block + " covers entries 0 to " + (head.treeSize() - 1)
                        + ", not entry " + entry);
            }
            String canonical = Sql.first(c, "SELECT entry FROM audit_entries WHERE entry_index = ?", rs -> rs.getString(1), entry)
                    .orElseThrow(() -> new NoSuchElementException("no audit entry " + entry));
            List<Range> ranges = MerkleTree.inclusionRanges(entry, head.treeSize());
            RangeHashes hashes = rangeHashes(c, ranges, head.treeSize());
            return new InclusionProof(new InclusionProof.Entry(entry, canonical),
                    HEX.formatHex(MerkleTree.leafHash(MerkleTree.sha256(), canonical.getBytes(StandardCharsets.UTF_8))),
                    head.treeSize(), ranges.stream().map(r -> HEX.formatHex(hashes.hash(r))).toList(), signed(head));
        });
    }

    @Override
    public ConsistencyProof consistencyProof(long first, long second) {
        if (first > second) {
            throw new IllegalArgumentException("block " + first + " comes after block " + second);
        }
        return sql.read("prove the consistency of audit blocks " + first + " and " + second, c -> {
            AuditBlock a = Sql.first(c, "SELECT " + BLOCK_COLUMNS + " FROM audit_blocks WHERE block_index = ?",
                    JdbcAuditTrail::block, first).orElseThrow(() -> new NoSuchElementException("no audit block " + first));
            AuditBlock b = Sql.first(c, "SELECT " + BLOCK_COLUMNS + " FROM audit_blocks WHERE block_index = ?",
                    JdbcAuditTrail::block, second).orElseThrow(() -> new NoSuchElementException("no audit block " + second));
            if (a.treeSize() == b.treeSize()) {
                return new ConsistencyProof(signed(a), signed(b), List.of());
            }
            List<Range> ranges = MerkleTree.consistencyRanges(a.treeSize(), b.treeSize());
            RangeHashes hashes = rangeHashes(c, ranges, b.treeSize());
            return new ConsistencyProof(signed(a), signed(b), ranges.stream().map(r -> HEX.formatHex(hashes.hash(r))).toList());
        });
    }

    /** The tree hashes of the ranges, from the leaf hashes the blocks recorded. */
    private static RangeHashes rangeHashes(Connection c, List<Range> ranges, long treeSize) throws SQLException {
        RangeHashes hashes = new RangeHashes(ranges);
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement("SELECT first_entry, entry_count, leaf_hashes FROM audit_blocks"
                + " WHERE tree_size <= ? ORDER BY block_index")) {
            st.setFetchSize(16);
            st.setLong(1, treeSize);
            try (ResultSet rs = st.executeQuery()) {
                while (hashes.next() >= 0 && rs.next()) {
                    long first = rs.getLong(1);
                    int count = rs.getInt(2);
                    byte[] leaves = rs.getBytes(3);
                    if (leaves.length != count * HASH) {
                        throw new StoreException("audit block of entries from " + first + " is damaged: run 'iotwatch audit verify'", null);
                    }
                    for (int i = 0; i < count; i++) {
                        hashes.accept(first + i, Arrays.copyOfRange(leaves, i * HASH, (i + 1) * HASH));
                    }
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        return hashes;
    }

    @Override
    public Verification verify(SignedHead anchor) {
        return new AuditVerifier(sql, settings.keyFile(), publicKey).verify(anchor);
    }

    static AuditBlock block(ResultSet rs) throws SQLException {
        return new AuditBlock(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }

    /** The entry of the current row of a query whose first columns are {@link #ENTRY_COLUMNS}. */
    static AuditEntry entry(ResultSet rs) throws SQLException {
        try {
            return AuditEntry.parse(rs.getLong(1), rs.getLong(2), rs.getString(3));
        } catch (IllegalArgumentException e) {
            throw new StoreException("audit entry " + rs.getLong(1) + " is damaged (" + e.getMessage()
                    + "): run 'iotwatch audit verify'", e);
        }
    }
}
