package io.iotwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.alert.Alert;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.core.sink.Batch;
import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.AuditSettings;
import io.iotwatch.store.audit.ConsistencyProof;
import io.iotwatch.store.audit.InclusionProof;
import io.iotwatch.store.audit.MerkleTree;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import io.iotwatch.store.audit.Verification.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on SQLite: what it records, its blocks and proofs, and that every tampering is caught and located. */
class AuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private StoreSettings settings() {
        return StoreSettings.embedded(dir);
    }

    private Path keyFile() {
        return dir.resolve(EventStores.DEFAULT_KEY_FILE);
    }

    private EventStore open(int blockEntries) {
        return EventStores.open(settings(), new AuditSettings(keyFile(), true, blockEntries, Duration.ofHours(1)));
    }

    private Verification verify(SignedHead anchor) {
        try (EventStore store = EventStores.open(settings(), AuditSettings.verifying(keyFile()))) {
            return store.audit().verify(anchor);
        }
    }

    private static Alert alert(String id, ThreatLevel level, long count) {
        return new Alert(id, "bruteforce", "10.0.0.5|10.0.1.7|ssh", "DictionaryBruteForce", "BruteForce", level, 0.9, T0,
                T0.plusSeconds(count), "10.0.0.5", "10.0.1.7", null, "T1110.001", count, Map.of("failures", count));
    }

    private static Batch alerts(Alert... alerts) {
        return new Batch(List.of(), List.of(), List.of(alerts), Optional.empty());
    }

    private static AuditRecord record(int i) {
        return new AuditRecord("login.failed", "user" + i, Map.of("address", "192.0.2." + (i % 250), "reason", "wrong password"));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings().jdbcUrl()); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.executeUpdate(statement);
            }
        }
    }

    @Test
    void recordsAlertsAsRaisedAndUpdatedButNotWhenUnchanged() {
        try (EventStore store = open(1000)) {
            store.accept(alerts(alert("a1", ThreatLevel.MEDIUM, 3)));
            store.accept(alerts(alert("a1", ThreatLevel.MEDIUM, 3)));
            store.accept(alerts(alert("a1", ThreatLevel.HIGH, 30), alert("a2", ThreatLevel.LOW, 1)));

            assertThat(store.audit().entriesAbout("a1", 10)).extracting(AuditEntry::kind).containsExactly("alert.updated", "alert.raised");
            AuditEntry latest = store.audit().entriesAbout("a1", 1).getFirst();
            assertThat(latest.data()).contains("\"level\":\"high\"", "\"alert_count\":\"30\"", "\"confidence\":\"0.9\"")
                    .doesNotContain("updated_at");
            assertThat(store.audit().entriesAbout("a2", 10)).extracting(AuditEntry::kind).containsExactly("alert.raised");
            assertThat(store.audit().size()).isEqualTo(3);
        }
        assertThat(verify(null).problems()).isEmpty();
    }

    @Test
    void recordsTriageRulesUsersTokensAndLoginsWithWhoDidThem() {
        try (EventStore store = open(1000)) {
            store.accept(alerts(alert("a1", ThreatLevel.MEDIUM, 3)));
            store.triage().set("a1", AlertStatus.ACKNOWLEDGED, "looking", "ana", T0);
            Suppressed suppressed = store.triage().suppress("a1", new AllowRule(null, "bruteforce", "10.0.0.5/32", null,
                    "our scanner", "ana", T0), "known", "ana", T0);
            store.triage().removeAllowRule(suppressed.rule().id(), "root");
            UserStore users = store.users();
            users.create(new User("bob", UserRole.VIEWER, "hash", T0, null), "root");
            users.setPassword("bob", "hash2", "root");
            users.loggedIn("bob", T0, "192.0.2.7");
            users.addToken(new ApiToken("t1", "script", "bob", "digest", T0, null));
            users.deleteToken("bob", "t1");
            users.delete("bob", "root");
            store.audit().record(new AuditRecord("login.failed", "mallory<script>", Map.of("address", "198.51.100.9")));

            List<String> kinds = new ArrayList<>();
            for (long block = 0; block <= 1; block++) {
                store.audit().entries(block).forEach(e -> kinds.add(e.kind() + " " + e.subject()));
            }
            assertThat(kinds).containsExactly("alert.raised a1", "alert.triaged a1", "alert.triaged a1",
                    "allow_rule.added " + suppressed.rule().id(), "allow_rule.removed " + suppressed.rule().id(),
                    "user.created bob", "user.password_changed bob", "login bob", "token.created bob", "token.deleted bob",
                    "user.deleted bob", "login.failed mallory<script>");
            assertThat(store.audit().entriesAbout("bob", 10).getLast().data()).isEqualTo("{\"by\":\"root\",\"role\":\"viewer\"}");
            assertThat(store.audit().entriesAbout(Long.toString(suppressed.rule().id()), 1).getFirst().data())
                    .contains("\"by\":\"root\"", "\"cidr\":\"10.0.0.5/32\"");
        }
        assertThat(verify(null).problems()).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        try (EventStore store = open(1000)) {
            assertThatThrownBy(() -> store.triage().set("missing", AlertStatus.RESOLVED, "", "ana", T0));
            store.audit().record(record(1));
            assertThat(store.audit().size()).isEqualTo(1);
            assertThat(store.audit().entriesAbout("missing", 5)).isEmpty();
        }
        assertThat(verify(null).problems()).isEmpty();
    }

    @Test
    void sealsChainedSignedBlocksWhoseProofsVerify() {
        try (EventStore store = open(7)) {
            for (int i = 0; i < 50; i++) {
                store.audit().record(record(i));
            }
            store.audit().seal();
            AuditTrail audit = store.audit();
            List<AuditBlock> blocks = audit.blocks(Long.MAX_VALUE, 100).reversed();
            assertThat(blocks).extracting(AuditBlock::entries).containsExactly(7, 7, 7, 7, 7, 7, 7, 1);
            assertThat(blocks.getFirst().previousHash()).isEqualTo(AuditBlock.GENESIS);
            for (int b = 1; b < blocks.size(); b++) {
                assertThat(blocks.get(b).previousHash()).isEqualTo(blocks.get(b - 1).hash());
            }
            SignedHead head = audit.head().orElseThrow();
            assertThat(head.treeSize()).isEqualTo(50);
            assertThat(head.selfConsistent()).isTrue();
            assertThat(SignedHead.parse(head.toJson())).isEqualTo(head);
            assertThat(head.key()).isEqualTo(AuditKeys.load(keyFile()).getPublic());

            for (long entry = 0; entry < 50; entry++) {
                for (AuditBlock block : List.of(blocks.get((int) (entry / 7)), blocks.getLast())) {
                    InclusionProof proof = audit.inclusionProof(entry, block.index());
                    byte[] leaf = MerkleTree.leafHash(MerkleTree.sha256(), proof.entry().canonical().getBytes(StandardCharsets.UTF_8));
                    assertThat(HEX.formatHex(leaf)).isEqualTo(proof.leafHash());
                    assertThat(MerkleTree.verifyInclusion(entry, proof.treeSize(), leaf,
                            proof.auditPath().stream().map(HEX::parseHex).toList(), HEX.parseHex(proof.head().treeRoot())))
                            .as("entry %d in block %d", entry, block.index()).isTrue();
                    assertThat(proof.head().selfConsistent()).isTrue();
                }
            }
            for (AuditBlock first : blocks) {
                for (AuditBlock second : blocks.subList((int) first.index(), blocks.size())) {
                    ConsistencyProof proof = audit.consistencyProof(first.index(), second.index());
                    assertThat(MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), HEX.parseHex(first.treeRoot()),
                            HEX.parseHex(second.treeRoot()), proof.proof().stream().map(HEX::parseHex).toList())).isTrue();
                }
            }
            assertThatThrownBy(() -> audit.inclusionProof(49, 0)).hasMessageContaining("covers entries 0 to 6");
            assertThatThrownBy(() -> audit.consistencyProof(3, 1)).isInstanceOf(IllegalArgumentException.class);
        }
        Verification verification = verify(null);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entries()).isEqualTo(50);
        assertThat(verification.blocks()).isEqualTo(8);
    }

    @Test
    void aBlockIsSealedOnceItsFirstEntryIsOlderThanTheInterval() throws Exception {
        try (EventStore store = EventStores.open(settings(), new AuditSettings(keyFile(), true, 1000, Duration.ofSeconds(1)))) {
            store.audit().record(record(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (store.audit().head().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(store.audit().head()).map(SignedHead::treeSize).contains(1L);
        }
    }

    @Test
    void twoStoresOnOneDatabaseTakeTurnsAppendingAndSealing() {
        // as an 'ingest' beside a 'serve': each its own state, each noticing what the other appended or sealed
        Random random = new Random(7);
        try (EventStore first = open(5); EventStore second = open(5)) {
            for (int i = 0; i < 200; i++) {
                EventStore store = random.nextBoolean() ? first : second;
                switch (random.nextInt(3)) {
                    case 0 -> store.audit().seal();
                    case 1 -> store.accept(alerts(alert("a" + random.nextInt(20), ThreatLevel.LOW, 1 + random.nextInt(9))));
                    default -> store.audit().record(record(i));
                }
            }
        }
        Verification verification = verify(null);
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.unsealed()).isZero();
    }

    @Test
    void aLogAlreadyBegunRefusesAnotherKeyAndAMissingKey() throws Exception {
        try (EventStore store = open(1000)) {
            store.audit().record(record(1));
        }
        Path other = dir.resolve("other.pem");
        AuditKeys.loadOrCreate(other);
        assertThatThrownBy(() -> EventStores.open(settings(), AuditSettings.signingWith(other)))
                .isInstanceOf(StoreException.class).hasMessageContaining("holds key").hasMessageContaining("is signed with key");
        Files.move(keyFile(), dir.resolve("moved.pem"));
        assertThatThrownBy(() -> EventStores.open(settings(), AuditSettings.signingWith(keyFile())))
                .isInstanceOf(StoreException.class).hasMessageContaining("is missing");
        try (EventStore readOnly = EventStores.open(settings(), AuditSettings.readOnly())) {
            assertThatThrownBy(() -> readOnly.audit().record(record(2))).hasMessageContaining("reading only");
            assertThat(readOnly.audit().verify(null).problems()).isEmpty();
        }
    }

    @Test
    void alertsStoredBeforeTheLogBeganAreAdopted() throws Exception {
        try (EventStore store = open(1000)) {
            store.accept(alerts(alert("old", ThreatLevel.LOW, 1)));
        }
        // a database from before the audit log: alerts, no log
        sql("DELETE FROM audit_entries", "DELETE FROM audit_blocks", "DELETE FROM audit_key", "DELETE FROM audit_subjects");
        Files.delete(keyFile());
        try (EventStore store = open(1000)) {
            assertThat(store.audit().entriesAbout("old", 5)).extracting(AuditEntry::kind).containsExactly("alert.adopted");
        }
        assertThat(verify(null).problems()).isEmpty();
    }

    /** A log of alerts and records over several blocks, its head, and which entries are alerts'. */
    private SignedHead randomLog(Random random, int entries) {
        return randomLog(random, entries, true);
    }

    private SignedHead randomLog(Random random, int entries, boolean withAlerts) {
        try (EventStore store = open(5 + random.nextInt(20))) {
            int alertNumber = 0;
            while (store.audit().size() < entries) {
                if (withAlerts && random.nextInt(4) == 0) {
                    String id = "a" + random.nextInt(++alertNumber);
                    store.accept(alerts(alert(id, ThreatLevel.values()[random.nextInt(ThreatLevel.values().length)],
                            1 + random.nextInt(1000))));
                } else {
                    store.audit().record(record(random.nextInt(1000)));
                }
            }
            store.audit().seal();
            return store.audit().head().orElseThrow();
        }
    }

    private long blockOf(long entry) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings().jdbcUrl()); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT block_index FROM audit_blocks WHERE first_entry <= " + entry
                        + " AND first_entry + entry_count > " + entry)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Problem first(Verification verification) {
        assertThat(verification.valid()).as("tampering must be caught").isFalse();
        return verification.problems().getFirst();
    }

    @Test
    void everyTamperingWithEntriesIsCaughtAndLocated() throws Exception {
        Random random = new Random(1);
        for (int round = 0; round < 24; round++) {
            Files.deleteIfExists(dir.resolve("iotwatch.db"));
            Files.deleteIfExists(dir.resolve("iotwatch.db-wal"));
            Files.deleteIfExists(dir.resolve("iotwatch.db-shm"));
            randomLog(random, 40 + random.nextInt(80));
            long entry = random.nextInt(35);
            long block = blockOf(entry);
            String how = switch (round % 4) {
                case 0 -> {
                    sql("UPDATE audit_entries SET entry = REPLACE(entry, '\"time\":\"', '\"time\":\"1') WHERE entry_index = " + entry);
                    yield "modified";
                }
                case 1 -> {
                    sql("DELETE FROM audit_entries WHERE entry_index = " + entry);
                    yield "deleted";
                }
                case 2 -> {
                    // an entry slipped in: the later ones renumbered to make room
                    sql("UPDATE audit_entries SET entry_index = -entry_index - 1 WHERE entry_index >= " + entry,
                            "UPDATE audit_entries SET entry_index = -entry_index WHERE entry_index < 0",
                            "INSERT INTO audit_entries (entry_index, block_index, entry) VALUES (" + entry + ", " + block
                                    + ", '{\"data\":{},\"kind\":\"login\",\"subject\":\"admin\",\"time\":\"0\"}')");
                    yield "inserted";
                }
                default -> {
                    sql("UPDATE audit_entries SET entry_index = -1 WHERE entry_index = " + entry,
                            "UPDATE audit_entries SET entry_index = " + entry + " WHERE entry_index = " + (entry + 1),
                            "UPDATE audit_entries SET entry_index = " + (entry + 1) + " WHERE entry_index = -1",
                            "UPDATE audit_entries SET block_index = " + block + " WHERE entry_index = " + entry);
                    yield "reordered";
                }
            };
            Problem problem = first(verify(null));
            assertThat(problem.entry()).as("%s entry %d: %s", how, entry, problem).isEqualTo(entry);
            assertThat(problem.block()).as("%s entry %d: %s", how, entry, problem).isEqualTo(block);
        }
    }

    @Test
    void aSubjectsHistoryRelinkedIsCaught() throws Exception {
        try (EventStore store = open(4)) {
            for (int i = 0; i < 12; i++) {
                store.audit().record(new AuditRecord("login", "user" + (i % 3), Map.of()));
            }
            assertThat(store.audit().entriesAbout("user1", 10)).extracting(AuditEntry::index).containsExactly(10L, 7L, 4L, 1L);
        }
        assertThat(verify(null).problems()).isEmpty();
        sql("UPDATE audit_entries SET previous_about = 1 WHERE entry_index = 7");
        Problem problem = first(verify(null));
        assertThat(problem.entry()).isEqualTo(7);
        assertThat(problem.message()).contains("history shown for it was altered");
        sql("UPDATE audit_entries SET previous_about = 4 WHERE entry_index = 7", "UPDATE audit_subjects SET latest_entry = 7 WHERE subject = 'user1'");
        assertThat(first(verify(null)).message()).contains("latest entry about 'user1'");
    }

    @Test
    void anAlertChangedWithoutItsEntryIsCaught() throws Exception {
        try (EventStore store = open(4)) {
            store.accept(alerts(alert("a1", ThreatLevel.MEDIUM, 3)));
            store.accept(alerts(alert("a1", ThreatLevel.MEDIUM, 9)));
            store.audit().record(record(1));
        }
        sql("UPDATE alerts SET level = 'low' WHERE id = 'a1'");
        Problem problem = first(verify(null));
        assertThat(problem.entry()).isEqualTo(1);
        assertThat(problem.message()).contains("alert a1", "changed without an entry");

        sql("DELETE FROM audit_entries WHERE entry LIKE '%\"subject\":\"a1\"%'", "UPDATE alerts SET level = 'medium' WHERE id = 'a1'");
        assertThat(verify(null).problems()).extracting(Problem::message).anyMatch(m -> m.contains("alert a1 has no entry"));
    }

    @Test
    void aBlockWhoseHashOrSignatureIsReplacedIsCaught() throws Exception {
        SignedHead head = randomLog(new Random(2), 60);
        long block = head.index() / 2;
        sql("UPDATE audit_blocks SET block_hash = '" + "ab".repeat(32) + "' WHERE block_index = " + block);
        Problem problem = first(verify(null));
        assertThat(problem.block()).isEqualTo(block);
        assertThat(problem.message()).contains("hash does not match its header");

        sql("UPDATE audit_blocks SET block_hash = '" + head.hash() + "' WHERE block_index = " + head.index());
        sql("UPDATE audit_blocks SET block_hash = (SELECT previous_hash FROM audit_blocks WHERE block_index = " + (block + 1)
                + ") WHERE block_index = " + block, "UPDATE audit_blocks SET signature = (SELECT signature FROM audit_blocks"
                + " WHERE block_index = 0) WHERE block_index = " + block);
        problem = first(verify(null));
        assertThat(problem.block()).isEqualTo(block);
        assertThat(problem.message()).contains("its signature is not the one the next block recorded");

        sql("UPDATE audit_blocks SET signature = (SELECT previous_signature FROM audit_blocks WHERE block_index = " + (block + 1)
                + ") WHERE block_index = " + block, "UPDATE audit_blocks SET signature = (SELECT signature FROM audit_blocks"
                + " WHERE block_index = 0) WHERE block_index = " + head.index());
        assertThat(verify(null).problems()).extracting(Problem::toString)
                .containsExactly("block " + head.index() + ": its signature does not verify with the log's key "
                        + AuditKeys.fingerprint(head.key()));
    }

    @Test
    void aBlocksRecordedLeafHashesReplacedOrCutAreCaughtThereAndInTheTreeAfterIt() throws Exception {
        SignedHead head = randomLog(new Random(4), 150);
        assertThat(verify(null).problems()).isEmpty();
        long block = head.index() / 2;
        sql("UPDATE audit_blocks SET leaf_hashes = zeroblob(length(leaf_hashes)) WHERE block_index = " + block);
        List<Problem> problems = verify(null).problems();
        assertThat(problems).allMatch(p -> p.block() != null && p.block() >= block, "no problem before the block");
        assertThat(problems).extracting(Problem::toString).contains(
                "block " + block + ": its Merkle root does not match its entries' hashes",
                "block " + block + ": its tree root is not the root of the entries up to it",
                "block " + head.index() + ": its tree root is not the root of the entries up to it");
        assertThat(problems.getFirst().message()).contains("does not match the hash the block recorded");

        sql("UPDATE audit_blocks SET leaf_hashes = substr(leaf_hashes, 33) WHERE block_index = " + block);
        problems = verify(null).problems();
        assertThat(problems).allMatch(p -> p.block() != null && p.block() >= block, "no problem before the block");
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.matches("it records \\d+ leaf hashes for \\d+ entries"))
                .anyMatch(m -> m.contains("but the blocks before it end at entry"));
        assertThat(problems).filteredOn(p -> p.message().startsWith("its tree root")).extracting(Problem::block)
                .contains(block, head.index());
    }

    @Test
    void aLogTruncatedAndRegrownIsCaughtAgainstAnEarlierHead() throws Exception {
        SignedHead anchor = randomLog(new Random(3), 80, false);
        long from = anchor.index() / 2;
        // as someone covering their tracks would: every table made to agree with the shortened log
        sql("DELETE FROM audit_entries WHERE block_index >= " + from, "DELETE FROM audit_blocks WHERE block_index >= " + from);
        Map<String, Long> latest = new HashMap<>();
        try (EventStore store = EventStores.open(settings(), AuditSettings.readOnly())) {
            for (long b = 0; b < from; b++) {
                store.audit().entries(b).forEach(e -> latest.put(e.subject(), e.index()));
            }
        }
        List<String> subjects = new ArrayList<>(List.of("DELETE FROM audit_subjects"));
        latest.forEach((subject, entry) -> subjects.add("INSERT INTO audit_subjects VALUES ('" + subject + "', " + entry + ")"));
        sql(subjects.toArray(String[]::new));
        try (EventStore store = open(10)) {
            while (store.audit().size() < anchor.treeSize() + 5) {
                store.audit().record(new AuditRecord("login", "someone-else", Map.of()));
            }
            store.audit().seal();
        }
        // signed with the right key from the truncation on: only a head kept elsewhere shows the rewrite
        assertThat(verify(null).problems()).isEmpty();
        Problem problem = first(verify(anchor));
        assertThat(problem.block()).isEqualTo(anchor.index());
        assertThat(problem.message()).contains("differs from the anchored head");

        sql("DELETE FROM audit_entries WHERE block_index >= " + from, "DELETE FROM audit_blocks WHERE block_index >= " + from);
        assertThat(first(verify(anchor)).message()).contains("truncated");
    }

    @Test
    void aSwappedKeyIsCaughtByTheKeyFileAndByAHead() throws Exception {
        SignedHead anchor = randomLog(new Random(4), 30);
        // the whole chain re-signed with another key, as someone holding the database but not the key file would
        KeyPair other = AuditKeys.generate();
        List<AuditBlock> blocks;
        try (EventStore store = EventStores.open(settings(), AuditSettings.readOnly())) {
            blocks = store.audit().blocks(Long.MAX_VALUE, 1000).reversed();
        }
        String previousHash = AuditBlock.GENESIS;
        String previousSignature = "";
        for (AuditBlock b : blocks) {
            AuditBlock resigned = new AuditBlock(b.index(), b.time(), b.firstEntry(), b.entries(), previousHash, previousSignature,
                    b.merkleRoot(), b.treeSize(), b.treeRoot(), null, null);
            previousHash = HEX.formatHex(MerkleTree.sha256().digest(resigned.headerBytes()));
            previousSignature = Base64.getEncoder().encodeToString(AuditKeys.sign(other.getPrivate(), resigned.headerBytes()));
            sql("UPDATE audit_blocks SET previous_hash = '" + resigned.previousHash() + "', previous_signature = '"
                    + resigned.previousSignature() + "', block_hash = '" + previousHash + "', signature = '" + previousSignature
                    + "' WHERE block_index = " + b.index());
        }
        sql("UPDATE audit_key SET public_key = '" + AuditKeys.base64(other.getPublic()) + "'");
        try (EventStore store = EventStores.open(settings(), AuditSettings.readOnly())) {
            assertThat(store.audit().verify(null).problems()).as("no key to compare with").isEmpty();
        }
        assertThat(first(verify(null)).message()).contains("the key was swapped");
        Files.delete(keyFile());
        assertThat(first(verify(anchor)).message()).contains("the key was swapped");
    }

    @Test
    void aHeadThatWasAlteredIsRefused() {
        SignedHead head = randomLog(new Random(5), 20);
        SignedHead altered = new SignedHead(head.index(), head.time(), head.firstEntry(), head.entries(), head.previousHash(),
                head.previousSignature(), head.merkleRoot(), head.treeSize() + 1, head.treeRoot(), head.hash(), head.signature(), head.publicKey());
        assertThat(first(verify(altered)).message()).contains("anchored head", "altered");
        assertThatThrownBy(() -> SignedHead.parse("{\"index\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
