package io.iotwatch.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.iotwatch.store.AuditTrail;
import io.iotwatch.store.audit.AuditBlock;
import io.iotwatch.store.audit.AuditEntry;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.AuditRecord;
import io.iotwatch.store.audit.SignedHead;
import io.iotwatch.store.audit.Verification;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The audit log: its signed blocks and their entries, the head and key to keep elsewhere, inclusion and
 * consistency proofs to check offline, and a full verification. Every route only reads, verify too, so every
 * role may use them: auditors are often viewers.
 */
public final class AuditApi {

    /** The blocks page: entries in the log, the newest signed head and a page of blocks, newest first. */
    record BlockList(long size, SignedHead head, String keyFingerprint, List<AuditBlock> blocks) {}

    record BlockDetail(AuditBlock block, List<EntryItem> entries) {}

    record Pending(long block, List<EntryItem> entries) {}

    record Entries(List<EntryItem> entries) {}

    /**
     * An entry as the pages show it: {@code data} is the entry's data object parsed, or its stored text as a
     * string if that text is not a JSON object (a damaged row, which verify reports); {@code sealed} whether a
     * signed block covers it, so that a proof exists.
     */
    record EntryItem(long index, long block, long time, String kind, String subject, JsonNode data, boolean sealed) {}

    static final int DEFAULT_BLOCKS = 50;
    static final int MAX_BLOCKS = 200;
    static final int DEFAULT_ENTRIES = 50;
    static final int MAX_ENTRIES = 200;

    private final ApiContext api;
    // a verification reads the whole log: one at a time, so that a few clicks cannot load the database
    private final Semaphore verifying = new Semaphore(1);

    public AuditApi(ApiContext api) {
        this.api = api;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/audit/blocks", ctx -> ctx.json(blocks(ctx)));
        routes.get("/api/v1/audit/blocks/{index}", ctx -> ctx.json(block(ctx)));
        routes.get("/api/v1/audit/pending", ctx -> ctx.json(pending()));
        routes.get("/api/v1/audit/entries", ctx -> ctx.json(entriesAbout(ctx)));
        routes.get("/api/v1/audit/head", this::head);
        routes.get("/api/v1/audit/key", this::key);
        routes.get("/api/v1/audit/proof", this::proof);
        routes.get("/api/v1/audit/consistency", ctx -> ctx.json(consistency(ctx)));
        routes.post("/api/v1/audit/verify", this::verify);
    }

    private AuditTrail audit() {
        return api.store().audit();
    }

    private BlockList blocks(Context ctx) {
        long before = Query.number(ctx, "before", 0, Long.MAX_VALUE, Long.MAX_VALUE);
        int limit = (int) Query.number(ctx, "limit", 1, MAX_BLOCKS, DEFAULT_BLOCKS);
        // entries appended and sealed between the two reads would make the head cover more than the size counted
        long size = audit().size();
        Optional<SignedHead> head = audit().head();
        return new BlockList(Math.max(size, head.map(SignedHead::treeSize).orElse(0L)), head.orElse(null),
                audit().publicKey().map(AuditKeys::fingerprint).orElse(null), audit().blocks(before, limit));
    }

    private BlockDetail block(Context ctx) {
        long index = Query.integer("index", ctx.pathParam("index"), 0, Long.MAX_VALUE);
        AuditBlock block = audit().block(index).orElseThrow(() -> new NotFoundResponse("no audit block " + index));
        return new BlockDetail(block, items(audit().entries(index), block.treeSize()));
    }

    private Pending pending() {
        Optional<SignedHead> head = audit().head();
        long open = head.map(h -> h.index() + 1).orElse(0L);
        return new Pending(open, items(audit().entries(open), head.map(SignedHead::treeSize).orElse(0L)));
    }

    private Entries entriesAbout(Context ctx) {
        String subject = ctx.queryParam("subject");
        if (subject == null || subject.isEmpty()) {
            throw new BadRequest("give 'subject': an alert id or a user name");
        }
        if (subject.length() > AuditRecord.MAX_SUBJECT) {
            throw new BadRequest("'subject' is longer than " + AuditRecord.MAX_SUBJECT + " characters");
        }
        int limit = (int) Query.number(ctx, "limit", 1, MAX_ENTRIES, DEFAULT_ENTRIES);
        return new Entries(items(audit().entriesAbout(subject, limit), sealedEntries()));
    }

    private void head(Context ctx) {
        SignedHead head = audit().head().orElseThrow(() -> new NotFoundResponse("the audit log has no sealed block yet"));
        download(ctx, "iotwatch-audit-head-" + head.index() + ".json");
        ctx.contentType("application/json").result(head.toJson());
    }

    private void key(Context ctx) {
        String pem = audit().publicKey().map(AuditKeys::publicPem)
                .orElseThrow(() -> new NotFoundResponse("the audit log has not begun: it has no key yet"));
        download(ctx, "iotwatch-audit-key.pem");
        ctx.contentType("text/plain; charset=us-ascii").result(pem);
    }

    /** The inclusion proof of {@code entry=N} or of the newest entry about {@code alert=ID}, against {@code block} or the head. */
    private void proof(Context ctx) {
        String alert = ctx.queryParam("alert");
        boolean byEntry = ctx.queryParam("entry") != null;
        if (byEntry == (alert != null)) {
            throw new BadRequest("give either 'entry' (an entry's index) or 'alert' (an alert's id)");
        }
        // -1: the newest block; read before anything is looked up, so that a bad value answers 400 whatever the log holds
        long block = Query.number(ctx, "block", 0, Long.MAX_VALUE, -1);
        long entry;
        if (byEntry) {
            entry = Query.integer("entry", ctx.queryParam("entry"), 0, Long.MAX_VALUE);
        } else {
            if (alert.isEmpty() || alert.length() > AuditRecord.MAX_SUBJECT) {
                throw new BadRequest("'alert' must be an alert's id, 1 to " + AuditRecord.MAX_SUBJECT + " characters");
            }
            entry = audit().entriesAbout(alert, 1).stream().findFirst().map(AuditEntry::index)
                    .orElseThrow(() -> new NotFoundResponse("no audit entry about alert " + alert));
        }
        long size = audit().size();
        Optional<SignedHead> head = audit().head();
        long sealed = head.map(SignedHead::treeSize).orElse(0L);
        if (entry >= Math.max(size, sealed)) {
            throw new NotFoundResponse("no audit entry " + entry);
        }
        if (entry >= sealed) {
            throw new ConflictResponse("entry " + entry + " is in a block not yet sealed, so no signed head covers it yet: "
                    + "a block is sealed when it is full or its time is up (audit.block-entries, audit.block-seconds); "
                    + "ask again then");
        }
        try {
            String json = api.json().writerWithDefaultPrettyPrinter().writeValueAsString(
                    audit().inclusionProof(entry, block < 0 ? head.orElseThrow().index() : block));
            download(ctx, "iotwatch-proof-" + entry + ".json");
            ctx.contentType("application/json").result(json);
        } catch (NoSuchElementException e) {
            throw new NotFoundResponse(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an inclusion proof as JSON", e);
        }
    }

    private Object consistency(Context ctx) {
        long first = required(ctx, "first");
        long second = required(ctx, "second");
        if (first > second) {
            throw new BadRequest("'first' must not come after 'second': " + first + " > " + second);
        }
        try {
            return audit().consistencyProof(first, second);
        } catch (NoSuchElementException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }

    private void verify(Context ctx) {
        SignedHead anchor = anchor(ctx);
        if (!verifying.tryAcquire()) {
            throw new ConflictResponse("a verification of the audit log is running already: try again when it has finished");
        }
        Verification verification;
        try {
            verification = audit().verify(anchor);
        } finally {
            verifying.release();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("valid", verification.valid());
        answer.putAll(api.json().convertValue(verification, Map.class));
        ctx.json(answer);
    }

    /** The head to check the log against, from an optional body {"head": {...}}. */
    private SignedHead anchor(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return null;
        }
        JsonNode request;
        try {
            request = api.json().readTree(body);
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            throw new BadRequest("the body must be empty or JSON like {\"head\": {...a head as GET /api/v1/audit/head gives it...}}");
        }
        JsonNode head = request.get("head");
        if (head == null || head.isNull()) {
            return null;
        }
        try {
            return SignedHead.parse(head.toString());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'head': " + e.getMessage());
        }
    }

    /** Entries in the log that a signed head covers. */
    private long sealedEntries() {
        return audit().head().map(SignedHead::treeSize).orElse(0L);
    }

    private List<EntryItem> items(List<AuditEntry> entries, long sealed) {
        return entries.stream().map(e -> new EntryItem(e.index(), e.block(), e.timeMillis(), e.kind(), e.subject(), data(e.data()),
                e.index() < sealed)).toList();
    }

    private JsonNode data(String text) {
        try {
            JsonNode data = api.json().readTree(text);
            return data != null && data.isObject() ? data : TextNode.valueOf(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static long required(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw new BadRequest("give '" + name + "': a block's index");
        }
        return Query.integer(name, text, 0, Long.MAX_VALUE);
    }

    private static void download(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
