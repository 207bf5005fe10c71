package io.iotwatch.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.app.config.IotwatchConfig;
import io.iotwatch.store.AuditTrail;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.InclusionProof;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The audit log: verify it, export its signed head and key, prove an entry. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "The tamper-evident audit log of alerts, triage, logins and changes: blocks of entries chained by hash, "
                    + "signed with the installation's Ed25519 key, over one Merkle tree (RFC 9162). docs/AUDIT.md "
                    + "describes it and how another program can check it.",
            "Keep the output of 'audit head' somewhere else from time to time (a file, a ticket, a syslog line): "
                    + "'audit verify --head FILE' then proves the log still extends it, which a rewrite with the "
                    + "key cannot fake."
        },
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.Prove.class, AuditCommand.Key.class})
final class AuditCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "name what to do: 'iotwatch audit verify', 'audit head', 'audit prove ALERT_ID' or 'audit key'");
    }

    /** The configured store, opened to read and verify only; a missing embedded database is an error, not created. */
    static EventStore open(IotwatchConfig config) {
        Path embedded = config.dataPath().resolve("iotwatch.db");
        if (config.database().url().isEmpty() && !Files.exists(embedded)) {
            throw new UserFacingException("there is no database in " + config.dataPath().toAbsolutePath().normalize()
                    + ": nothing has been recorded there (is --data-dir right?)");
        }
        return Stores.openForVerifying(config);
    }

    static String json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Where a command's one document goes: {@code --out FILE}, or standard output. */
    static final class Output {
        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path file;

        void emit(CommandSpec spec, String text) {
            if (file == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(text);
                out.flush();
                return;
            }
            try {
                Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** When blocks are sealed, for the messages that say an entry or a head is not there yet. */
    private static String sealing(IotwatchConfig config) {
        return "blocks are sealed every " + config.audit().blockEntries() + " entries or " + config.audit().blockSeconds()
                + " s, and when iotwatch stops";
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Recomputes the whole log and checks every link: each entry against the hash its block recorded, each "
                        + "block's Merkle root, tree root, hash, chain link and signature, the log's key against this "
                        + "installation's key file, every alert against its latest entry, and, with --head, that the "
                        + "log still extends a head kept from earlier.",
                "Names the first block and entry that fail; exit status 0 when everything verifies, 1 when anything fails."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--head", paramLabel = "HEAD_FILE", description = "A head saved earlier by 'iotwatch audit head'.")
        Path headFile;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SignedHead anchor = headFile == null ? null : readHead(headFile);
            IotwatchConfig config = common.load(Map.of());
            Verification result;
            try (EventStore store = open(config)) {
                result = store.audit().verify(anchor);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(Map.of("valid", result.valid(), "verification", result)));
            } else {
                print(out, result, anchor);
            }
            out.flush();
            return result.valid() ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private static String count(long n, String one) {
            return count(n, one, one + "s");
        }

        private static String count(long n, String one, String many) {
            return "%,d %s".formatted(n, n == 1 ? one : many);
        }

        private static SignedHead readHead(Path file) {
            try {
                return SignedHead.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserFacingException("cannot read the head " + file + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(file + " is not a head written by 'iotwatch audit head': " + e.getMessage(), e);
            }
        }

        private static void print(PrintWriter out, Verification result, SignedHead anchor) {
            if (result.valid()) {
                out.printf("Audit log verified: %s, %s (%,d not yet in a sealed block); %s.%n",
                        count(result.blocks(), "block"), count(result.entries(), "entry", "entries"), result.unsealed(),
                        result.alerts() == 1 ? "1 alert matches its latest entry"
                                : "%,d alerts match their latest entries".formatted(result.alerts()));
            } else {
                out.printf("Audit log FAILED verification: %,d problem%s. The first:%n  %s%n", result.problems().size()
                        + result.moreProblems(), result.problems().size() + result.moreProblems() == 1 ? "" : "s",
                        result.problems().getFirst());
                if (result.problems().size() > 1) {
                    out.println("All:");
                    result.problems().forEach(problem -> out.println("  " + problem));
                    if (result.moreProblems() > 0) {
                        out.printf("  ... and %,d more%n", result.moreProblems());
                    }
                }
            }
            if (result.keyFingerprint() != null) {
                out.println("Signed with key " + result.keyFingerprint() + ".");
            }
            if (result.head() != null) {
                out.printf("Newest block: %d, sealed %s, covering %,d entries, tree root %s.%n", result.head().index(),
                        Instant.ofEpochMilli(result.head().time()), result.head().treeSize(), result.head().treeRoot());
            }
            if (anchor != null && result.valid()) {
                out.printf("It extends the anchored head of block %d (%,d entries, %s).%n", anchor.index(), anchor.treeSize(),
                        Instant.ofEpochMilli(anchor.time()));
            }
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Prints the log's signed head as JSON: its newest block's header, hash and signature, and the "
                    + "public key. Keep it elsewhere as an anchor for 'audit verify --head'.")
    static final class Head implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        Output out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IotwatchConfig config = common.load(Map.of());
            try (EventStore store = open(config)) {
                SignedHead head = store.audit().head().orElseThrow(() -> new UserFacingException(
                        "no block of the audit log is sealed yet: " + sealing(config)));
                out.emit(spec, head.toJson());
            }
            return ExitCodes.OK;
        }
    }

    /** Which entry to prove: an alert's newest entry, or an entry by index. */
    static final class Target {
        @Parameters(paramLabel = "ALERT_ID", description = "Prove the newest entry about this alert.")
        String alertId;

        @Option(names = "--entry", paramLabel = "N", description = "Prove entry N instead.")
        Long entry;
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = {
                "Prints, as JSON, the proof that the newest entry about an alert (or --entry N) is in the log the "
                        + "newest signed head covers: the entry's exact text, its audit path and the head.",
                "tools/audit-verify/AuditVerify.java checks it offline with nothing but a JDK: "
                        + "java tools/audit-verify/AuditVerify.java PROOF.json --key KEY.pem"
            })
    static final class Prove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @ArgGroup(multiplicity = "1")
        Target target;

        @Option(names = "--block", paramLabel = "B", description = "Prove against block B's head instead of the newest.")
        Long block;

        @Mixin
        Output out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IotwatchConfig config = common.load(Map.of());
            try (EventStore store = open(config)) {
                AuditTrail audit = store.audit();
                long entry = target.entry != null ? target.entry : newestAbout(audit, target.alertId);
                SignedHead head = block != null
                        ? audit.block(block).map(b -> SignedHead.of(b, audit.publicKey().orElseThrow()))
                                .orElseThrow(() -> new UserFacingException("there is no audit block " + block))
                        : audit.head().orElseThrow(() -> new UserFacingException(
                                "no block of the audit log is sealed yet: " + sealing(config)));
                if (entry >= head.treeSize()) {
                    throw new UserFacingException("entry " + entry + " is not in a sealed block yet (block " + head.index()
                            + " covers entries up to " + (head.treeSize() - 1) + "); " + sealing(config));
                }
                InclusionProof proof;
                try {
                    proof = audit.inclusionProof(entry, head.index());
                } catch (NoSuchElementException e) {
                    throw new UserFacingException(e.getMessage(), e);
                }
                out.emit(spec, json(proof));
            }
            return ExitCodes.OK;
        }

        private static long newestAbout(AuditTrail audit, String alertId) {
            List<AuditEntry> entries = audit.entriesAbout(alertId, 1);
            if (entries.isEmpty()) {
                throw new UserFacingException("the audit log has no entry about '" + alertId + "' ('iotwatch alerts' lists "
                        + "the alerts and their ids)");
            }
            return entries.getFirst().index();
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Prints the public key the log is signed with (PEM), for checking proofs and heads elsewhere.")
    static final class Key implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        Output out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IotwatchConfig config = common.load(Map.of());
            try (EventStore store = open(config)) {
                String pem = AuditKeys.publicPem(store.audit().publicKey().orElseThrow(() -> new UserFacingException(
                        "the audit log of this database has not begun: it begins with the first command that stores")));
                out.emit(spec, pem.strip());
            }
            return ExitCodes.OK;
        }
    }
}
