package io.iotwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.store.audit.AuditKeys;
import io.iotwatch.store.audit.MerkleTree;
import io.iotwatch.store.audit.SignedHead;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit log's routes over the real store of {@link TestMonitor}; blocks are sealed by hand with {@code audit().seal()}. */
class AuditApiTest extends LoggedInAdmin {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    AuditApiTest() {
        super(true);
    }

    @Test
    void entriesArePendingUntilABlockSealsThem() throws Exception {
        JsonNode before = Http.json(admin.get("/api/v1/audit/blocks"));
        assertThat(before.get("blocks")).isEmpty();
        assertThat(before.get("head").isNull()).isTrue();
        assertThat(before.get("keyFingerprint").asText()).hasSize(16);
        long size = before.get("size").asLong();
        JsonNode pending = Http.json(admin.get("/api/v1/audit/pending"));
        assertThat(pending.get("block").asLong()).isZero();
        assertThat(pending.get("entries")).hasSize((int) size);
        assertThat(kinds(pending.get("entries"))).contains("user.created", "alert.raised", "login");
        assertThat(admin.get("/api/v1/audit/head").statusCode()).isEqualTo(404);

        monitor.store.audit().seal();

        JsonNode after = Http.json(admin.get("/api/v1/audit/blocks"));
        assertThat(after.get("size").asLong()).isEqualTo(size);
        assertThat(after.get("blocks")).hasSize(1);
        JsonNode block = after.get("blocks").get(0);
        assertThat(fieldNames(block)).containsExactlyInAnyOrder("index", "time", "firstEntry", "entries", "previousHash",
                "previousSignature", "merkleRoot", "treeSize", "treeRoot", "hash", "signature");
        assertThat(block.get("entries").asLong()).isEqualTo(size);
        assertThat(after.get("head").get("hash").asText()).isEqualTo(block.get("hash").asText());
        assertThat(Http.json(admin.get("/api/v1/audit/pending")).get("entries")).isEmpty();

        JsonNode detail = Http.json(admin.get("/api/v1/audit/blocks/0"));
        assertThat(detail.get("block")).isEqualTo(block);
        JsonNode raised = entryOfKind(detail.get("entries"), "alert.raised");
        assertThat(fieldNames(raised)).containsExactlyInAnyOrder("index", "block", "time", "kind", "subject", "data", "sealed");
        assertThat(raised.get("data").isObject()).isTrue();
        assertThat(raised.get("sealed").asBoolean()).isTrue();
        assertThat(raised.get("time").isIntegralNumber()).isTrue();
        HttpResponse<String> missing = admin.get("/api/v1/audit/blocks/7");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("error").asText()).isEqualTo("no audit block 7");
    }

    @Test
    void blocksPageNewestFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            monitor.raise("page-" + i, ThreatLevel.LOW, "10.0.0." + (100 + i));
            monitor.store.audit().seal();
        }
        JsonNode newest = Http.json(admin.get("/api/v1/audit/blocks?limit=2"));
        assertThat(indexes(newest.get("blocks"))).containsExactly(2L, 1L);
        assertThat(indexes(Http.json(admin.get("/api/v1/audit/blocks?before=1&limit=2")).get("blocks"))).containsExactly(0L);
    }

    @Test
    void theHeadIsTheSignedHeadFileAndTheKeyItsPem() throws Exception {
        monitor.store.audit().seal();
        HttpResponse<String> head = admin.get("/api/v1/audit/head");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"iotwatch-audit-head-0.json\"");
        SignedHead parsed = SignedHead.parse(head.body());
        assertThat(parsed.selfConsistent()).isTrue();
        assertThat(head.body()).isEqualTo(monitor.store.audit().head().orElseThrow().toJson());

        HttpResponse<String> key = admin.get("/api/v1/audit/key");
        assertThat(key.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(key.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"iotwatch-audit-key.pem\"");
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----").doesNotContain("PRIVATE");
        assertThat(AuditKeys.publicKeyFromPem(key.body())).isEqualTo(parsed.key());
    }

    @Test
    void aProofOfAnAlertsEntryVerifiesAgainstTheSignedTreeRoot() throws Exception {
        monitor.store.audit().seal();
        HttpResponse<String> response = admin.get("/api/v1/audit/proof?alert=scan-1");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode proof = Http.json(response);
        long entry = proof.get("entry").get("index").asLong();
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"iotwatch-proof-" + entry + ".json\"");
        // the offline verifier (tools/audit-verify) reads exactly these names
        assertThat(fieldNames(proof)).containsExactlyInAnyOrder("entry", "leafHash", "treeSize", "auditPath", "head");
        assertThat(fieldNames(proof.get("entry"))).containsExactlyInAnyOrder("index", "canonical");
        assertThat(fieldNames(proof.get("head"))).containsExactlyInAnyOrder("index", "time", "firstEntry", "entries",
                "previousHash", "previousSignature", "merkleRoot", "treeSize", "treeRoot", "hash", "signature", "publicKey");

        String canonical = proof.get("entry").get("canonical").asText();
        assertThat(JSON.readTree(canonical).get("subject").asText()).isEqualTo("scan-1");
        byte[] leaf = MerkleTree.leafHash(MerkleTree.sha256(), canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(proof.get("leafHash").asText()).isEqualTo(HEX.formatHex(leaf));
        List<byte[]> path = new ArrayList<>();
        proof.get("auditPath").forEach(hash -> path.add(HEX.parseHex(hash.asText())));
        SignedHead head = SignedHead.parse(proof.get("head").toString());
        assertThat(head.selfConsistent()).isTrue();
        assertThat(MerkleTree.verifyInclusion(entry, proof.get("treeSize").asLong(), leaf, path, HEX.parseHex(head.treeRoot()))).isTrue();

        JsonNode byIndex = Http.json(admin.get("/api/v1/audit/proof?entry=" + entry + "&block=0"));
        assertThat(byIndex).isEqualTo(proof);
    }

    @Test
    void anEntryNotYetSealedHasNoProofYet() throws Exception {
        monitor.store.audit().seal();
        assertThat(admin.post("/api/v1/alerts/scan-1/triage", "{\"action\":\"acknowledge\",\"note\":\"ours\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> unsealed = admin.get("/api/v1/audit/proof?alert=scan-1");
        assertThat(unsealed.statusCode()).isEqualTo(409);
        assertThat(Http.json(unsealed).get("error").asText()).contains("not yet sealed");

        JsonNode triaged = Http.json(admin.get("/api/v1/audit/entries?subject=scan-1&limit=20")).get("entries");
        assertThat(kinds(triaged)).containsExactly("alert.triaged", "alert.raised");
        assertThat(triaged.get(0).get("sealed").asBoolean()).isFalse();
        assertThat(triaged.get(0).get("data").get("by").asText()).isEqualTo("admin");
        assertThat(triaged.get(0).get("data").get("note").asText()).isEqualTo("ours");
        assertThat(triaged.get(1).get("sealed").asBoolean()).isTrue();

        assertThat(admin.get("/api/v1/audit/proof?entry=100000").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit/proof?alert=no-such-alert").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit/proof?alert=scan-1&block=5").statusCode()).isEqualTo(409);
        monitor.store.audit().seal();
        assertThat(admin.get("/api/v1/audit/proof?alert=scan-1&block=5").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit/proof?alert=scan-1&block=0").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit/proof?alert=scan-1&block=1").statusCode()).isEqualTo(200);
    }

    @Test
    void aConsistencyProofShowsTheLaterLogExtendsTheEarlier() throws Exception {
        monitor.store.audit().seal();
        monitor.raise("later-1", ThreatLevel.HIGH, "10.0.0.77");
        monitor.store.audit().seal();
        JsonNode proof = Http.json(admin.get("/api/v1/audit/consistency?first=0&second=1"));
        assertThat(fieldNames(proof)).containsExactlyInAnyOrder("first", "second", "proof");
        SignedHead first = SignedHead.parse(proof.get("first").toString());
        SignedHead second = SignedHead.parse(proof.get("second").toString());
        List<byte[]> hashes = new ArrayList<>();
        proof.get("proof").forEach(hash -> hashes.add(HEX.parseHex(hash.asText())));
        assertThat(MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), HEX.parseHex(first.treeRoot()),
                HEX.parseHex(second.treeRoot()), hashes)).isTrue();

        assertThat(Http.json(admin.get("/api/v1/audit/consistency?first=1&second=1")).get("proof")).isEmpty();
        assertThat(admin.get("/api/v1/audit/consistency?first=1&second=0").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/consistency?first=0&second=9").statusCode()).isEqualTo(404);
    }

    @Test
    void verifyChecksTheWholeLogAndAKeptHead() throws Exception {
        monitor.store.audit().seal();
        String kept = admin.get("/api/v1/audit/head").body();
        monitor.raise("later-1", ThreatLevel.HIGH, "10.0.0.77");
        monitor.store.audit().seal();

        JsonNode plain = Http.json(admin.post("/api/v1/audit/verify", null));
        assertThat(plain.get("valid").asBoolean()).isTrue();
        assertThat(plain.get("blocks").asLong()).isEqualTo(2);
        assertThat(plain.get("alerts").asLong()).isEqualTo(3);
        assertThat(plain.get("problems")).isEmpty();
        assertThat(fieldNames(plain)).containsExactlyInAnyOrder("valid", "blocks", "entries", "unsealed", "alerts",
                "keyFingerprint", "head", "problems", "moreProblems");

        ObjectNode body = JSON.createObjectNode();
        body.set("head", JSON.readTree(kept));
        JsonNode anchored = Http.json(admin.post("/api/v1/audit/verify", body.toString()));
        assertThat(anchored.get("valid").asBoolean()).isTrue();

        ((ObjectNode) body.get("head")).put("treeSize", 999);
        JsonNode altered = Http.json(admin.post("/api/v1/audit/verify", body.toString()));
        assertThat(altered.get("valid").asBoolean()).isFalse();
        assertThat(altered.get("problems").get(0).get("message").asText()).contains("anchored head");

        assertThat(admin.post("/api/v1/audit/verify", "{\"head\": {\"index\": 0}}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/audit/verify", "[1]").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/audit/verify", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void verifyIsAChangeLikePostThatNeedsTheCsrfTokenButNoMoreThanAViewer() throws Exception {
        assertThat(admin.post("/api/v1/users", "{\"name\":\"vera\",\"role\":\"viewer\",\"password\":\"correct horse battery\"}")
                .statusCode()).isEqualTo(201);
        Http viewer = new Http(monitor.url());
        assertThat(viewer.login("vera", "correct horse battery").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/audit/verify", null).statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/audit/blocks").statusCode()).isEqualTo(200);
        assertThat(viewer.withoutCsrf().post("/api/v1/audit/verify", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aFailedLoginIsAnEntryAboutTheNameTyped() throws Exception {
        String name = "<img src=x onerror=window.__xss=1>";
        assertThat(new Http(monitor.url()).login(name, "not the password").statusCode()).isEqualTo(401);
        JsonNode entries = Http.json(admin.get("/api/v1/audit/entries?subject=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8))).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("login.failed");
        assertThat(entries.get(0).get("subject").asText()).isEqualTo(name);
        assertThat(entries.get(0).get("data").get("reason").asText()).isEqualTo("no such user");
    }

    @Test
    void badParametersAnswer400WithTheApisError() throws Exception {
        for (String path : new String[] {"/api/v1/audit/blocks?limit=0", "/api/v1/audit/blocks?limit=201",
            "/api/v1/audit/blocks?before=x", "/api/v1/audit/blocks?before=-1", "/api/v1/audit/blocks/x",
            "/api/v1/audit/blocks/-1", "/api/v1/audit/entries", "/api/v1/audit/entries?subject=a&limit=0",
            "/api/v1/audit/entries?subject=" + "a".repeat(256), "/api/v1/audit/proof", "/api/v1/audit/proof?entry=1&alert=a",
            "/api/v1/audit/proof?entry=x", "/api/v1/audit/proof?entry=0&block=x", "/api/v1/audit/consistency?first=0",
            "/api/v1/audit/consistency?first=a&second=1"}) {
            HttpResponse<String> response = admin.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(Http.json(response).get("error").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void theSeedsBlockchainListsTheNewestBlocks() throws Exception {
        assertThat(Http.json(admin.get("/api/blockchain"))).isEmpty();
        monitor.store.audit().seal();
        monitor.raise("later-1", ThreatLevel.HIGH, "10.0.0.77");
        monitor.store.audit().seal();
        JsonNode chain = Http.json(admin.get("/api/blockchain"));
        assertThat(indexes(chain)).containsExactly(1L, 0L);
        JsonNode newest = chain.get(0);
        assertThat(fieldNames(newest)).containsExactlyInAnyOrder("index", "time", "entries", "hash", "previousHash",
                "merkleRoot", "treeSize");
        assertThat(Instant.parse(newest.get("time").asText())).isNotNull();
        assertThat(newest.get("previousHash").asText()).isEqualTo(chain.get(1).get("hash").asText());
        assertThat(newest.get("entries").asInt()).isEqualTo(1);
    }

    @Test
    void nothingWithoutALoginOrToken() throws Exception {
        monitor.store.audit().seal();
        Http anonymous = new Http(monitor.url());
        for (String path : new String[] {"/api/v1/audit/blocks", "/api/v1/audit/blocks/0", "/api/v1/audit/pending",
            "/api/v1/audit/entries?subject=scan-1", "/api/v1/audit/head", "/api/v1/audit/key", "/api/v1/audit/proof?entry=0",
            "/api/v1/audit/consistency?first=0&second=0", "/api/blockchain"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).doesNotContain("scan-1").doesNotContain("BEGIN");
        }
        assertThat(anonymous.post("/api/v1/audit/verify", null).statusCode()).isEqualTo(401);

        String token = Http.json(admin.post("/api/v1/tokens", "{\"name\":\"auditor\"}")).get("token").asText();
        Http script = new Http(monitor.url()).bearer(token);
        assertThat(script.get("/api/v1/audit/blocks").statusCode()).isEqualTo(200);
        assertThat(Http.json(script.post("/api/v1/audit/verify", null)).get("valid").asBoolean()).isTrue();
    }

    @Test
    void theOpenApiDocumentDescribesTheAuditRoutes() throws Exception {
        JsonNode paths = Http.json(admin.get("/api/v1/openapi.json")).get("paths");
        for (String path : new String[] {"/api/v1/audit/blocks", "/api/v1/audit/blocks/{index}", "/api/v1/audit/pending",
            "/api/v1/audit/entries", "/api/v1/audit/head", "/api/v1/audit/key", "/api/v1/audit/proof",
            "/api/v1/audit/consistency", "/api/v1/audit/verify", "/api/blockchain"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private static JsonNode entryOfKind(JsonNode entries, String kind) {
        for (JsonNode entry : entries) {
            if (entry.get("kind").asText().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("no " + kind + " entry in " + entries);
    }

    private static List<String> kinds(JsonNode entries) {
        List<String> kinds = new ArrayList<>();
        entries.forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private static List<Long> indexes(JsonNode blocks) {
        List<Long> indexes = new ArrayList<>();
        blocks.forEach(block -> indexes.add(block.get("index").asLong()));
        return indexes;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
