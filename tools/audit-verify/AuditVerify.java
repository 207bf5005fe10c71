import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.*;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.*;

/**
 * Checks, offline and with nothing but the JDK, that an entry is in an iotwatch audit log: the entry's leaf hash,
 * an RFC 9162 inclusion proof up to a tree root, and the Ed25519-signed block header that commits to that root.
 * Kept to one source file so that an auditor can read all of it and run it with {@code java AuditVerify.java}.
 */
public class AuditVerify {

    static final String USAGE = """
            usage: java AuditVerify.java PROOF.json [--key PUBLIC_KEY.pem] [--subject SUBJECT]
              Checks that PROOF.json proves its entry is in an iotwatch audit log whose head is signed.
              --key FILE     the head must be signed by this Ed25519 key (PEM "BEGIN PUBLIC KEY")
              --subject S    the entry's subject must be S
            exit codes: 0 the proof holds, 1 a check failed, 2 bad input or usage""";

    /** Exit code 0 with an OK line, 1 with the check that failed, 2 with what was wrong with the input. */
    public record Result(int exitCode, String message) {}

    /** Ends a verification early: a failed check (exit 1) or bad input (exit 2). */
    private static final class Stop extends RuntimeException {
        final int exitCode;

        Stop(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    public static void main(String[] args) {
        Result result = run(args);
        (result.exitCode() == 0 ? System.out : System.err).println(result.message());
        System.exit(result.exitCode());
    }

    static Result run(String[] args) {
        String proofFile = null, keyFile = null, subject = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> { return new Result(0, USAGE); }
                case "--key", "--subject" -> {
                    if (i + 1 == args.length) return new Result(2, "ERROR: " + args[i] + " needs a value\n" + USAGE);
                    if (args[i].equals("--key")) keyFile = args[++i]; else subject = args[++i];
                }
                default -> {
                    if (args[i].startsWith("-") || proofFile != null) return new Result(2, "ERROR: unexpected argument " + args[i] + "\n" + USAGE);
                    proofFile = args[i];
                }
            }
        }
        if (proofFile == null) return new Result(2, "ERROR: no PROOF.json given\n" + USAGE);
        try {
            PublicKey key = keyFile == null ? null : readPem(read(keyFile), keyFile);
            return verify(read(proofFile), key, subject);
        } catch (Stop stop) {
            return new Result(stop.exitCode, "ERROR: " + stop.getMessage());
        }
    }

    /** Runs every check in order and stops at the first that fails; the messages name what failed. */
    public static Result verify(String proofJson, PublicKey expectedKeyOrNull, String expectedSubjectOrNull) {
        try {
            return new Result(0, "OK: " + check(proofJson, expectedKeyOrNull, expectedSubjectOrNull));
        } catch (Stop stop) {
            return new Result(stop.exitCode, (stop.exitCode == 1 ? "FAILED: " : "ERROR: ") + stop.getMessage());
        }
    }

    private static String check(String proofJson, PublicKey expectedKey, String expectedSubject) {
        Fields proof = Fields.of("PROOF.json", new Json("PROOF.json", proofJson).document());
        Fields entry = proof.object("entry");
        long index = entry.number("index");
        String canonical = entry.string("canonical");
        Fields entryText = Fields.of("entry.canonical", new Json("entry.canonical", canonical).document());
        String kind = entryText.string("kind"), subject = entryText.string("subject");
        byte[] leafHash = proof.hash("leafHash");
        long treeSize = proof.number("treeSize");
        List<byte[]> auditPath = new ArrayList<>();
        for (Object element : proof.array("auditPath")) {
            if (!(element instanceof String hex)) throw badInput("auditPath must hold strings");
            auditPath.add(hash(hex, "auditPath[" + auditPath.size() + "]"));
        }
        Fields head = proof.object("head");
        long block = head.number("index"), time = head.number("time"), headTreeSize = head.number("treeSize");
        byte[] treeRoot = head.hash("treeRoot"), headHash = head.hash("hash");
        String previousSignature = head.string("previousSignature");
        // Block 0 has no block before it; every later block vouches for the signature of the one before.
        if (block == 0 && !previousSignature.isEmpty()) throw badInput("head.previousSignature must be empty in block 0");
        if (block > 0 && previousSignature.isEmpty()) throw badInput("head.previousSignature must not be empty in block " + block);
        // The decoder also takes base64 without padding or with stray unused bits, but the header hashes the text as
        // written: only the one spelling iotwatch writes may pass, as with lowercase hex.
        if (block > 0 && !Base64.getEncoder().encodeToString(head.signature("previousSignature")).equals(previousSignature)) {
            throw badInput("head.previousSignature is not canonical base64: it needs = padding and zero unused bits");
        }
        // The header text is rebuilt from the fields as iotwatch wrote it: sorted keys, every value a string.
        String header = String.format(Locale.ROOT,
                "{\"entries\":\"%d\",\"firstEntry\":\"%d\",\"index\":\"%d\",\"merkleRoot\":\"%s\",\"previousHash\":\"%s\","
                        + "\"previousSignature\":\"%s\",\"time\":\"%d\",\"treeRoot\":\"%s\",\"treeSize\":\"%d\"}",
                head.number("entries"), head.number("firstEntry"), block, hex(head.hash("merkleRoot")),
                hex(head.hash("previousHash")), previousSignature, time, hex(treeRoot), headTreeSize);
        byte[] signature = head.signature("signature");
        PublicKey headKey = ed25519(head.base64("publicKey"), "head.publicKey");

        byte[] entryHash = sha256(new byte[] {0}, canonical.getBytes(StandardCharsets.UTF_8));
        require(Arrays.equals(leafHash, entryHash), "leafHash %s is not the hash of entry.canonical, which is %s", hex(leafHash), hex(entryHash));
        require(treeSize == headTreeSize, "treeSize %d differs from head.treeSize %d", treeSize, headTreeSize);
        require(index < treeSize, "entry.index %d is not below treeSize %d", index, treeSize);
        byte[] root = rootFromAuditPath(index, treeSize, leafHash, auditPath);
        require(Arrays.equals(root, treeRoot), "auditPath leads from leafHash to root %s, not to head.treeRoot %s", hex(root), hex(treeRoot));
        byte[] headerHash = sha256(header.getBytes(StandardCharsets.UTF_8));
        require(Arrays.equals(headerHash, headHash), "head.hash %s is not the SHA-256 of the block header, which is %s", hex(headHash), hex(headerHash));
        require(signatureHolds(headKey, header, signature), "head.signature does not verify over the block header with head.publicKey %s", fingerprint(headKey));
        if (expectedKey != null) {
            require(Arrays.equals(expectedKey.getEncoded(), headKey.getEncoded()),
                    "the head is signed by another key: head.publicKey is %s, --key is %s", fingerprint(headKey), fingerprint(expectedKey));
        }
        require(expectedSubject == null || expectedSubject.equals(subject), "entry subject is \"%s\", not \"%s\"", subject, expectedSubject);
        return String.format(Locale.ROOT, "entry %d (%s, subject %s) is in the audit log of %d entries whose head (block %d, %s) is signed by key %s",
                index, kind, subject, treeSize, block, Instant.ofEpochMilli(time), fingerprint(headKey));
    }

    /**
     * RFC 9162 section 2.1.3.2, step by step: fn walks the leaf's index up the tree and sn the last index, so that
     * a path with too many or too few hashes for (index, treeSize) fails even before the root is compared.
     */
    static byte[] rootFromAuditPath(long index, long treeSize, byte[] leafHash, List<byte[]> auditPath) {
        long fn = index, sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            require(sn != 0, "auditPath has %d hashes, too many for entry %d in a tree of %d entries", auditPath.size(), index, treeSize);
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256(new byte[] {1}, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = sha256(new byte[] {1}, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        require(sn == 0, "auditPath has %d hashes, too few for entry %d in a tree of %d entries", auditPath.size(), index, treeSize);
        return r;
    }

    private static boolean signatureHolds(PublicKey key, String header, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(header.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify Ed25519 signatures", e);
        }
    }

    static PublicKey readPem(String pem, String name) {
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----"), end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) throw badInput(name + " is not a PEM \"BEGIN PUBLIC KEY\" file");
        try {
            return ed25519(Base64.getMimeDecoder().decode(pem.substring(begin + 26, end)), name);
        } catch (IllegalArgumentException e) {
            throw badInput(name + " does not hold base64: " + e.getMessage());
        }
    }

    private static PublicKey ed25519(byte[] der, String name) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException e) {
            throw badInput(name + " is not an X.509 Ed25519 public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the key's X.509 DER: short enough to read out, long enough to tell keys apart. */
    static String fingerprint(PublicKey key) {
        return hex(sha256(key.getEncoded())).substring(0, 16);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) digest.update(part);
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) { return HexFormat.of().formatHex(bytes); }

    /** Only lowercase: the header hashes the text as written, so "AB" and "ab" must not both pass. */
    private static byte[] hash(String hex, String name) {
        if (!hex.matches("[0-9a-f]{64}")) throw badInput(name + " must be 64 lowercase hex digits");
        return HexFormat.of().parseHex(hex);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw badInput("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw badInput(file + " is not UTF-8");
        } catch (IOException e) {
            throw badInput("cannot read " + file + ": " + e);
        }
    }

    private static void require(boolean holds, String format, Object... args) {
        if (!holds) throw new Stop(1, String.format(Locale.ROOT, format, args));
    }

    private static Stop badInput(String message) { return new Stop(2, message); }

    /** A JSON object's members, read with messages that name the field, such as "head.time is missing". */
    private record Fields(String name, Map<?, ?> members) {
        static Fields of(String name, Object value) {
            if (value instanceof Map<?, ?> map) return new Fields(name, map);
            throw badInput(name + " must be a JSON object");
        }

        private Object get(String key) {
            Object value = members.get(key);
            if (value == null) throw badInput(path(key) + " is missing");
            return value;
        }

        Fields object(String key) { return of(path(key), get(key)); }

        List<?> array(String key) {
            if (get(key) instanceof List<?> list) return list;
            throw badInput(path(key) + " must be an array");
        }

        String string(String key) {
            if (get(key) instanceof String s) return s;
            throw badInput(path(key) + " must be a string");
        }

        long number(String key) {
            if (get(key) instanceof Long n && n >= 0) return n;
            throw badInput(path(key) + " must be a non-negative whole number");
        }

        byte[] hash(String key) { return AuditVerify.hash(string(key), path(key)); }

        byte[] base64(String key) {
            try {
                return Base64.getDecoder().decode(string(key));
            } catch (IllegalArgumentException e) {
                throw badInput(path(key) + " is not base64: " + e.getMessage());
            }
        }

        /** An Ed25519 signature is 64 bytes. */
        byte[] signature(String key) {
            byte[] signature = base64(key);
            if (signature.length != 64) throw badInput(path(key) + " must be 64 bytes, not " + signature.length);
            return signature;
        }

        private String path(String key) { return name.equals("PROOF.json") ? key : name + "." + key; }
    }

    /** A strict JSON reader: objects (no duplicate keys), arrays, strings, whole numbers as Long, true, false, null. */
    private static final class Json {
        private final String name, text;
        private int at;

        Json(String name, String text) {
            this.name = name;
            this.text = text;
        }

        Object document() {
            Object value = value();
            if (peek() != -1) throw error("unexpected text after the JSON value");
            return value;
        }

        private Object value() {
            return switch (peek()) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                case -1 -> throw error("unexpected end");
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            at++;
            if (next('}')) return members;
            do {
                if (peek() != '"') throw error("expected a string key");
                String key = string();
                if (members.containsKey(key)) throw error("duplicate key \"" + key + "\"");
                expect(':');
                members.put(key, value());
            } while (next(','));
            expect('}');
            return members;
        }

        private List<Object> array() {
            List<Object> elements = new ArrayList<>();
            at++;
            if (next(']')) return elements;
            do elements.add(value()); while (next(','));
            expect(']');
            return elements;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) throw error("unterminated string");
                char c = text.charAt(at++);
                if (c == '"') break;
                if (c < 0x20) throw error("control character in a string");
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = at < text.length() ? text.charAt(at++) : '?';
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) throw error("bad \\u escape");
                        out.append((char) HexFormat.fromHexDigits(text, at, at + 4));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + escape);
                }
            }
            // A lone surrogate, escaped or not, has no UTF-8 form: the hash of such text would be of something else.
            if (!StandardCharsets.UTF_8.newEncoder().canEncode(out)) throw error("unpaired surrogate in a string");
            return out.toString();
        }

        private Long number() {
            int start = at;
            if (text.charAt(at) == '-') at++;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
            String digits = text.substring(start, at);
            if (!digits.matches("-?(0|[1-9][0-9]*)")) throw error(digits.isEmpty() ? "unexpected character" : "bad number " + digits);
            if (at < text.length() && ".eE".indexOf(text.charAt(at)) >= 0) throw error("only whole numbers are expected");
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("number out of range");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) throw error("unexpected character");
            at += word.length();
            return value;
        }

        /** The next character after whitespace, or -1 at the end. */
        private int peek() {
            while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) at++;
            return at < text.length() ? text.charAt(at) : -1;
        }

        private boolean next(char c) {
            if (peek() != c) return false;
            at++;
            return true;
        }

        private void expect(char c) {
            if (!next(c)) throw error("expected '" + c + "'");
        }

        private Stop error(String message) {
            return badInput(name + " is not valid JSON: " + message + " at offset " + at);
        }
    }
}
