package io.iotwatch.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tools/audit-verify/AuditVerify.java is how an auditor checks an audit log proof without iotwatch. The proofs here
 * come from this test's own RFC 9162 tree code, so that the tool is not checked against itself. A few runs go through
 * the single-file launcher as an auditor would run it (each takes a second or two, most of it compiling); the
 * tamperings, bad inputs and many tree sizes call the same source, compiled once, in-process.
 */
class AuditVerifyToolTest {

    private static final Path TOOL = findTool();
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEAD_TIME = 1764650727000L;

    @TempDir
    static Path work;

    private static URLClassLoader loader;
    private static Method verify;
    private static KeyPair logKey;
    private static KeyPair otherKey;
    private static Path logKeyPem;

    @BeforeAll
    static void compileToolAndMakeKeys() throws Exception {
        Path classes = Files.createDirectory(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = javac.run(null, errors, errors, "-d", classes.toString(), TOOL.toString());
        assertThat(exit).as(errors.toString(UTF_8)).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        verify = loader.loadClass("AuditVerify").getMethod("verify", String.class, PublicKey.class, String.class);

        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(9162);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, seeded);
        logKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(logKey.getPublic().getEncoded());
        logKeyPem = Files.writeString(work.resolve("log-key.pem"), "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
    }

    @AfterAll
    static void closeLoader() throws IOException {
        loader.close();
    }

    @Test
    void theTreeCodeOfThisTestGivesTheRootOfTheRfc6962TestVector() {
        List<byte[]> leaves = Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
                .map(data -> sha256(new byte[] {0}, HEX.parseHex(data)))
                .toList();
        assertThat(HEX.formatHex(root(leaves, 0, leaves.size()))).isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void aValidProofPassesWithOneOkLine(@TempDir Path dir) throws Exception {
        Outcome outcome = runTool(write(dir, entry12Of40()));
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).isEqualTo("OK: entry 12 (alert.raised, subject host-12) is in the audit log of 40 entries whose head "
                + "(block 3, 2025-12-02T04:45:27Z) is signed by key " + fingerprint(logKey.getPublic()));
    }

    @Test
    void aValidProofPassesWithTheLogsKeyAndTheEntrysSubject(@TempDir Path dir) throws Exception {
        Outcome outcome = runTool(write(dir, entry12Of40()), "--key", logKeyPem.toString(), "--subject", "host-12");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).startsWith("OK: entry 12 ");
    }

    @Test
    void helpPrintsTheUsageAndInputThatIsNotJsonExitsWithTwo(@TempDir Path dir) throws Exception {
        Outcome help = runTool("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).startsWith("usage: java AuditVerify.java PROOF.json [--key PUBLIC_KEY.pem] [--subject SUBJECT]");

        Outcome notJson = runTool(Files.writeString(dir.resolve("PROOF.json"), "not json").toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.output()).startsWith("ERROR: PROOF.json is not valid JSON");
    }

    @Test
    void aHeadSignedByAnotherKeyThanTheOneGivenFailsWithExitOne(@TempDir Path dir) throws Exception {
        ObjectNode proof = entry12Of40();
        seal(head(proof), otherKey, otherKey.getPublic());
        Outcome outcome = runTool(write(dir, proof), "--key", logKeyPem.toString());
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).isEqualTo("FAILED: the head is signed by another key: head.publicKey is " + fingerprint(otherKey.getPublic())
                + ", --key is " + fingerprint(logKey.getPublic()));
    }

    /** A change to the proof, the key and subject the auditor expects, and what the tool must say failed. */
    record Tampering(String name, Consumer<ObjectNode> change, PublicKey expectedKey, String expectedSubject, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Tampering> tamperings() {
        String forged = HEX.formatHex(sha256("forged".getBytes(UTF_8)));
        return Stream.of(
                new Tampering("canonical text changed", proof -> entry(proof).put("canonical", entry(proof).get("canonical").asText().replace("host-12", "host-13")),
                        null, null, "is not the hash of entry.canonical"),
                new Tampering("leafHash changed", proof -> proof.put("leafHash", forged), null, null, "leafHash " + forged + " is not the hash of entry.canonical"),
                new Tampering("a path element changed", proof -> path(proof).set(2, forged), null, null, "auditPath leads from leafHash to root"),
                new Tampering("a path element removed", proof -> path(proof).remove(0), null, null, "auditPath has 5 hashes, too few for entry 12 in a tree of 40 entries"),
                new Tampering("a path element added", proof -> path(proof).add(forged), null, null, "auditPath has 7 hashes, too many for entry 12 in a tree of 40 entries"),
                new Tampering("wrong treeSize", proof -> proof.put("treeSize", 41), null, null, "treeSize 41 differs from head.treeSize 40"),
                new Tampering("entry index beyond the tree", proof -> entry(proof).put("index", 40), null, null, "entry.index 40 is not below treeSize 40"),
                new Tampering("head treeRoot changed", proof -> head(proof).put("treeRoot", forged), null, null, "not to head.treeRoot " + forged),
                new Tampering("head time changed", proof -> head(proof).put("time", HEAD_TIME + 1), null, null, "is not the SHA-256 of the block header"),
                new Tampering("head previousSignature changed", proof -> head(proof).put("previousSignature", signatureOf("block 1")), null, null,
                        "is not the SHA-256 of the block header"),
                new Tampering("head previousSignature changed and hash recomputed but not signed",
                        proof -> head(proof).put("previousSignature", signatureOf("block 1")).put("hash", HEX.formatHex(sha256(header(head(proof)).getBytes(UTF_8)))),
                        null, null, "head.signature does not verify over the block header with head.publicKey " + fingerprint(logKey.getPublic())),
                new Tampering("head hash recomputed but not signed",
                        proof -> head(proof).put("time", HEAD_TIME + 1).put("hash", HEX.formatHex(sha256(header(head(proof)).getBytes(UTF_8)))), null, null,
                        "head.signature does not verify over the block header with head.publicKey " + fingerprint(logKey.getPublic())),
                new Tampering("signed by another key", proof -> seal(head(proof), otherKey, logKey.getPublic()), null, null,
                        "head.signature does not verify over the block header with head.publicKey " + fingerprint(logKey.getPublic())),
                new Tampering("--key names another key than the head's", proof -> seal(head(proof), otherKey, otherKey.getPublic()), logKey.getPublic(), null,
                        "the head is signed by another key: head.publicKey is " + fingerprint(otherKey.getPublic()) + ", --key is " + fingerprint(logKey.getPublic())),
                new Tampering("--subject not the entry's", proof -> {}, null, "host-13", "entry subject is \"host-12\", not \"host-13\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void eachTamperingFailsNamingWhatFailed(Tampering tampering) throws Exception {
        ObjectNode proof = entry12Of40();
        assertThat(verifyInProcess(proof, null, null).exitCode()).isZero();
        assertThat(path(proof)).hasSize(6);
        tampering.change().accept(proof);
        Outcome outcome = verifyInProcess(proof, tampering.expectedKey(), tampering.expectedSubject());
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output()).startsWith("FAILED: ").contains(tampering.message()).doesNotContain("\n");
    }

    @Test
    void everyEntryOfLogsOfManySizesIsProvenAndAForgedPathOrIndexIsNot() throws Exception {
        Random random = new Random(6962);
        List<Integer> sizes = new ArrayList<>(IntStream.rangeClosed(1, 70).boxed().toList());
        sizes.addAll(List.of(127, 128, 129, 1000, 1024, 1025));
        for (int size : sizes) {
            Log log = log(size);
            ObjectNode head = head(log, logKey);
            // Every entry of the small trees, a sample of the larger: each valid proof costs an Ed25519 verification.
            List<Integer> indexes = size <= 40 ? IntStream.range(0, size).boxed().toList()
                    : Stream.concat(Stream.of(0, size - 1), random.ints(10, 0, size).boxed()).toList();
            for (int index : indexes) {
                ObjectNode proof = proof(log, index, head);
                Outcome valid = verifyInProcess(proof, logKey.getPublic(), "host-" + index);
                assertThat(valid.exitCode()).as("size %d index %d: %s", size, index, valid.output()).isZero();
                assertThat(valid.output()).startsWith("OK: entry " + index + " ").contains("audit log of " + size + " entries");
                if (size > 1) {
                    ObjectNode forgedPath = proof.deepCopy();
                    int element = random.nextInt(path(forgedPath).size());
                    byte[] hash = HEX.parseHex(path(forgedPath).get(element).asText());
                    hash[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                    path(forgedPath).set(element, HEX.formatHex(hash));
                    assertThat(verifyInProcess(forgedPath, null, null).output()).as("size %d index %d", size, index)
                            .startsWith("FAILED: auditPath leads from leafHash to root");
                    ObjectNode otherIndex = proof.deepCopy();
                    entry(otherIndex).put("index", (index + 1) % size);
                    assertThat(verifyInProcess(otherIndex, null, null).exitCode()).as("size %d index %d", size, index).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void escapedAndNonAsciiTextIsHashedAsWrittenAndItsSubjectRead() throws Exception {
        // The canonical text holds a JSON escape of its own, and the PROOF.json escapes every non-ASCII character.
        String subject = "Zo\\u00eb \\\"the\\\" \uD83D\uDC1D";
        Log log = log(3, "{\"data\":{\"note\":\"a\\\\b\\n\"},\"kind\":\"access.granted\",\"subject\":\"" + subject + "\",\"time\":\"1764650726123\"}");
        ObjectNode proof = proof(log, 0, head(log, logKey));
        String escaped = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(proof);
        assertThat(escaped).contains("\\uD83D\\uDC1D");
        Outcome outcome = verifyInProcess(escaped, null, "Zoë \"the\" \uD83D\uDC1D");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).startsWith("OK: entry 0 (access.granted, subject Zoë \"the\" \uD83D\uDC1D)");
        assertThat(verifyInProcess(JSON.writeValueAsString(proof), null, "Zoë \"the\" \uD83D\uDC1D").exitCode()).isZero();
    }

    static Stream<List<String>> badInputs() {
        return Stream.of(
                List.of("\"head\":{", "\"head\":{\"x\":1,\"x\":2,", "duplicate key \"x\""),
                List.of("\"signature\":", "\"signatureX\":", "head.signature is missing"),
                List.of("\"treeSize\":40,", "\"treeSize\":40.0,", "only whole numbers are expected"),
                List.of("\"treeSize\":40,", "\"treeSize\":\"40\",", "treeSize must be a non-negative whole number"),
                List.of("\"index\":12,", "\"index\":-12,", "entry.index must be a non-negative whole number"),
                List.of("\"leafHash\":\"", "\"leafHash\":\"A", "leafHash must be 64 lowercase hex digits"),
                List.of("\"auditPath\":[\"", "\"auditPath\":[\"0", "auditPath[0] must be 64 lowercase hex digits"),
                List.of("host-12", "host-\\\\ud800", "entry.canonical is not valid JSON: unpaired surrogate"),
                List.of("\"publicKey\":\"", "\"publicKey\":\"AAAA", "head.publicKey is not an X.509 Ed25519 public key"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void badInputExitsWithTwoSayingWhatIsWrong(List<String> edit) throws Exception {
        String proof = JSON.writeValueAsString(entry12Of40());
        int at = proof.indexOf(edit.get(0));
        assertThat(at).isNotNegative();
        Outcome outcome = verifyInProcess(proof.substring(0, at) + edit.get(1) + proof.substring(at + edit.get(0).length()), null, null);
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).startsWith("ERROR: ").contains(edit.get(2));
    }

    /** A change to the head that makes its previousSignature bad input, and what the tool must say is wrong. */
    record BadHead(String name, Consumer<ObjectNode> change, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadHead> badPreviousSignatures() {
        String valid = signatureOf("block 2");
        // The last character before "==" holds two bits of the signature and four unused ones, which the JDK decoder ignores.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        String strayBits = valid.substring(0, 85) + alphabet.charAt(alphabet.indexOf(valid.charAt(85)) ^ 1) + "==";
        return Stream.of(
                new BadHead("missing", head -> head.remove("previousSignature"), "ERROR: head.previousSignature is missing"),
                new BadHead("not a string", head -> head.put("previousSignature", 1), "ERROR: head.previousSignature must be a string"),
                new BadHead("empty after block 0", head -> head.put("previousSignature", ""), "ERROR: head.previousSignature must not be empty in block 3"),
                new BadHead("not empty in block 0", head -> head.put("index", 0), "ERROR: head.previousSignature must be empty in block 0"),
                new BadHead("not base64", head -> head.put("previousSignature", valid.replace('=', '#')), "ERROR: head.previousSignature is not base64"),
                new BadHead("32 bytes", head -> head.put("previousSignature", Base64.getEncoder().encodeToString(new byte[32])),
                        "ERROR: head.previousSignature must be 64 bytes, not 32"),
                new BadHead("unpadded", head -> head.put("previousSignature", valid.replace("=", "")), "ERROR: head.previousSignature is not canonical base64"),
                new BadHead("unused bits set", head -> head.put("previousSignature", strayBits), "ERROR: head.previousSignature is not canonical base64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPreviousSignatures")
    void aBadPreviousSignatureExitsWithTwoSayingWhatIsWrong(BadHead bad) throws Exception {
        ObjectNode proof = entry12Of40();
        assertThat(verifyInProcess(proof, null, null).exitCode()).isZero();
        bad.change().accept(head(proof));
        Outcome outcome = verifyInProcess(proof, null, null);
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).startsWith(bad.message()).doesNotContain("\n");
    }

    @Test
    void blockZeroWithAnEmptyPreviousSignatureIsProven() throws Exception {
        Log log = log(10);
        ObjectNode head = head(log, logKey).put("index", 0).put("previousSignature", "");
        Outcome outcome = verifyInProcess(proof(log, 4, seal(head, logKey, logKey.getPublic())), logKey.getPublic(), "host-4");
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).startsWith("OK: entry 4 ").contains("(block 0, ");
    }

    /** Entry 12 of 40 has a path of six hashes: five in the left subtree of 32 entries, then its sibling of 8. */
    private static ObjectNode entry12Of40() {
        Log log = log(40);
        return proof(log, 12, head(log, logKey));
    }

    /** The entries of a log as canonical texts, and their leaf hashes. */
    record Log(List<String> canonical, List<byte[]> leaves) {}

    private static Log log(int size, String... firstEntries) {
        List<String> canonical = new ArrayList<>(List.of(firstEntries));
        String[] kinds = {"alert.raised", "device.seen", "config.changed"};
        for (int i = canonical.size(); i < size; i++) {
            canonical.add("{\"data\":{\"n\":\"%d\"},\"kind\":\"%s\",\"subject\":\"host-%d\",\"time\":\"%d\"}".formatted(i, kinds[i % 3], i, 1764650000000L + i));
        }
        return new Log(canonical, canonical.stream().map(text -> sha256(new byte[] {0}, text.getBytes(UTF_8))).toList());
    }

    /** Block 3 holds the last (up to) ten entries and commits to the whole tree. */
    private static ObjectNode head(Log log, KeyPair signer) {
        int size = log.leaves().size(), entries = Math.min(size, 10);
        ObjectNode head = JSON.createObjectNode()
                .put("index", 3).put("time", HEAD_TIME).put("firstEntry", size - entries).put("entries", entries)
                .put("previousHash", HEX.formatHex(sha256("block 2".getBytes(UTF_8)))).put("previousSignature", signatureOf("block 2"))
                .put("merkleRoot", HEX.formatHex(root(log.leaves(), size - entries, size)))
                .put("treeSize", size).put("treeRoot", HEX.formatHex(root(log.leaves(), 0, size)));
        return seal(head, signer, signer.getPublic());
    }

    private static ObjectNode proof(Log log, int index, ObjectNode head) {
        ObjectNode proof = JSON.createObjectNode();
        proof.putObject("entry").put("index", index).put("canonical", log.canonical().get(index));
        proof.put("leafHash", HEX.formatHex(log.leaves().get(index))).put("treeSize", log.leaves().size());
        ArrayNode path = proof.putArray("auditPath");
        auditPath(log.leaves(), index, 0, log.leaves().size()).forEach(hash -> path.add(HEX.formatHex(hash)));
        proof.set("head", head.deepCopy());
        return proof;
    }

    /** Sets hash, signature and publicKey; the key named need not be the one that signs, to forge a head. */
    private static ObjectNode seal(ObjectNode head, KeyPair signer, PublicKey named) {
        byte[] header = header(head).getBytes(UTF_8);
        return head.put("hash", HEX.formatHex(sha256(header))).put("signature", sign(signer, header))
                .put("publicKey", Base64.getEncoder().encodeToString(named.getEncoded()));
    }

    /** Stands in for the signature of an earlier block, whose header this test does not build. */
    private static String signatureOf(String block) {
        return sign(logKey, block.getBytes(UTF_8));
    }

    private static String sign(KeyPair signer, byte[] text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signer.getPrivate());
            signature.update(text);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ObjectNode head) {
        StringBuilder text = new StringBuilder("{");
        for (String key : List.of("entries", "firstEntry", "index", "merkleRoot", "previousHash", "previousSignature", "time", "treeRoot", "treeSize")) {
            text.append(text.length() > 1 ? "," : "").append('"').append(key).append("\":\"").append(head.get(key).asText()).append('"');
        }
        return text.append('}').toString();
    }

    /** MTH of RFC 9162 section 2.1.1 over leaves[from, to): split at the largest power of two below the size. */
    private static byte[] root(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) return leaves.get(from);
        int split = from + Integer.highestOneBit(to - from - 1);
        return sha256(new byte[] {1}, root(leaves, from, split), root(leaves, split, to));
    }

    /** PATH(m, D[from:to]) of RFC 9162 section 2.1.3.1: the siblings from the leaf up. */
    private static List<byte[]> auditPath(List<byte[]> leaves, int m, int from, int to) {
        if (to - from == 1) return new ArrayList<>();
        int split = from + Integer.highestOneBit(to - from - 1);
        List<byte[]> path = from + m < split ? auditPath(leaves, m, from, split) : auditPath(leaves, from + m - split, split, to);
        path.add(from + m < split ? root(leaves, split, to) : root(leaves, from, split));
        return path;
    }

    private static ObjectNode entry(ObjectNode proof) {
        return (ObjectNode) proof.get("entry");
    }

    private static ArrayNode path(ObjectNode proof) {
        return (ArrayNode) proof.get("auditPath");
    }

    private static ObjectNode head(ObjectNode proof) {
        return (ObjectNode) proof.get("head");
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) digest.update(part);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(PublicKey key) {
        return HEX.formatHex(sha256(key.getEncoded())).substring(0, 16);
    }

    record Outcome(int exitCode, String output) {}

    private static Outcome verifyInProcess(ObjectNode proof, PublicKey key, String subject) throws Exception {
        return verifyInProcess(JSON.writeValueAsString(proof), key, subject);
    }

    private static Outcome verifyInProcess(String proof, PublicKey key, String subject) throws Exception {
        Object result = verify.invoke(null, proof, key, subject);
        return new Outcome((int) result.getClass().getMethod("exitCode").invoke(result), (String) result.getClass().getMethod("message").invoke(result));
    }

    private static String write(Path dir, ObjectNode proof) throws IOException {
        return Files.writeString(dir.resolve("PROOF.json"), JSON.writeValueAsString(proof)).toString();
    }

    /** Runs the tool as an auditor would: the JDK's java with the source file, nothing on the class path. */
    private static Outcome runTool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), TOOL.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // These would add a "Picked up ..." line to the output.
        List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    /** Surefire runs in the module directory, an IDE perhaps in the repository's: look upwards. */
    private static Path findTool() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tool = dir.resolve(Path.of("tools", "audit-verify", "AuditVerify.java"));
            if (Files.isRegularFile(tool)) return tool;
        }
        throw new IllegalStateException("no tools/audit-verify/AuditVerify.java above " + Path.of("").toAbsolutePath());
    }
}
