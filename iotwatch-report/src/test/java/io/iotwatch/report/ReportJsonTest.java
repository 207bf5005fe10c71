package io.iotwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iotwatch.report.json.ReportJson;
import io.iotwatch.store.AlertFilter;
import io.iotwatch.store.AlertStatus;
import io.iotwatch.store.EventStore;
import io.iotwatch.store.EventStores;
import io.iotwatch.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as JSON: read back equal, as the schema describes it, hostile text kept as text. */
class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Report report;
    private String text;

    @BeforeEach
    void buildAReportWithEverySection() {
        try (EventStore store = EventStores.open(StoreSettings.embedded(dir))) {
            ReportFixture data = new ReportFixture(7L);
            data.store(store);
            data.recordSensors(store);
            String first = store.alertQueries().find(AlertFilter.all(), 0, 1).items().getFirst().alert().id();
            store.triage().set(first, AlertStatus.ACKNOWLEDGED, "x", "ana", Instant.now());
            store.audit().seal();
            Instant to = Instant.now().plusSeconds(60);
            report = ReportBuilder.build(store, data.from, to,
                    Clock.fixed(Instant.parse("2026-12-02T09:00:00.123456789Z"), ZoneOffset.UTC));
        }
        text = ReportJson.toJson(report);
    }

    @Test
    void readsBackEqualWithInstantsAsIsoText() throws Exception {
        assertThat(ReportJson.read(text)).isEqualTo(report);
        JsonNode tree = JSON.readTree(text);
        assertThat(tree.at("/period/generatedAt").asText()).isEqualTo("2026-12-02T09:00:00.123456789Z");
        assertThat(tree.at("/summary/alerts").asLong()).isEqualTo(report.summary().alerts());
        assertThat(tree.at("/summary/bytes").asLong()).isEqualTo(report.summary().bytes());
        assertThat(tree.at("/summary/byLevel/critical").asLong()).isEqualTo(report.summary().byLevel().get("critical"));
        assertThat(tree.at("/alerts").size()).isEqualTo(report.alerts().size());
        assertThat(tree.at("/detection/0/confidenceHistogram").size()).isEqualTo(10);
        assertThat(tree.at("/compliance/timeToAcknowledge/count").asLong()).isEqualTo(1);
        assertThat(tree.at("/compliance/timeToResolve/medianSeconds").isNull()).isTrue();
        assertThat(tree.at("/compliance/audit/head/publicKey").isTextual()).isTrue();
        assertThat(tree.at("/timeline/0/start").isTextual()).isTrue();
        assertThat(tree.at("/summary/sensors")).hasSize(3);
        assertThat(tree.at("/summary/sensors/2/name").asText()).isEqualTo("eth0");
        assertThat(tree.at("/summary/sensors/2/statusAtStart").asText()).isEqualTo("unknown");
        assertThat(tree.at("/summary/sensors/2/onlineSeconds").isNumber()).isTrue();
        assertThat(tree.at("/summary/sensors/1/statusAtEnd").asText()).isEqualTo("stopped");
        assertThat(tree.at("/summary/sensors/1/lastProblem").isNull()).isTrue();
    }

    @Test
    void hostileTextInAlertsSurvivesAsText() {
        Report back = ReportJson.read(text);
        assertThat(back.alerts()).anySatisfy(row -> {
            assertThat(row.detector()).isEqualTo(ReportFixture.HOSTILE);
            assertThat(row.attackClass()).isEqualTo(ReportFixture.HOSTILE);
            assertThat(row.srcIp()).isEqualTo(ReportFixture.HOSTILE);
            assertThat(row.domain()).isEqualTo(ReportFixture.HOSTILE);
        });
        assertThat(back.summary().byClass()).containsKey(ReportFixture.HOSTILE);
        assertThat(back.summary().sensors().getFirst()).satisfies(sensor -> {
            assertThat(sensor.name()).isEqualTo(ReportFixture.HOSTILE);
            assertThat(sensor.lastProblem()).isEqualTo(ReportFixture.HOSTILE);
        });
    }

    @Test
    void outputHasEveryFieldTheSchemaRequiresWithItsType() throws Exception {
        JsonNode schema = JSON.readTree(ReportJson.schema());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> problems = new ArrayList<>();
        check(schema, schema, JSON.readTree(text), "", problems);
        assertThat(problems).isEmpty();
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .containsExactly("period", "summary", "timeline", "topSources", "topTargets", "detection", "recommendations",
                        "compliance", "alerts");
    }

    @Test
    void theCheckCatchesAMissingFieldAWrongTypeAndAValueNotListed() throws Exception {
        JsonNode schema = JSON.readTree(ReportJson.schema());
        ObjectNode tree = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) tree.get("summary")).remove("bytes");
        ((ObjectNode) tree.get("period")).put("from", 12);
        ((ObjectNode) tree.at("/summary/sensors/0")).put("statusAtEnd", "sleeping");
        List<String> problems = new ArrayList<>();
        check(schema, schema, tree, "", problems);
        assertThat(problems).containsExactlyInAnyOrder("/period/from: not string", "/summary: bytes missing",
                "/summary/sensors/0/statusAtEnd: \"sleeping\" not in [\"online\",\"offline\",\"stopped\",\"unknown\"]");
    }

    @Test
    void somethingElseIsNotReadAsAReport() {
        assertThatThrownBy(() -> ReportJson.read("{\"period\": {\"from\": \"yesterday\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an iotwatch report");
    }

    /**
     * Checks a value against the parts of a schema the report's schema uses: $ref, type (one or several), enum,
     * required, properties, additionalProperties and items.
     */
    private static void check(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertThat(ref).startsWith("#/$defs/");
            check(root, root.get("$defs").get(ref.substring("#/$defs/".length())), value, path, problems);
            return;
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            problems.add(path + ": not " + schema.get("type").asText(schema.get("type").toString()));
            return;
        }
        if (schema.has("enum") && !schema.get("enum").valueStream().toList().contains(value)) {
            problems.add(path + ": " + value + " not in " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(path + ": " + required.asText() + " missing");
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode property = schema.path("properties").get(field.getKey());
                JsonNode additional = schema.get("additionalProperties");
                if (property != null) {
                    check(root, property, field.getValue(), path + "/" + field.getKey(), problems);
                } else if (additional != null && additional.isObject()) {
                    check(root, additional, field.getValue(), path + "/" + field.getKey(), problems);
                } else if (additional != null || schema.has("properties")) {
                    problems.add(path + ": " + field.getKey() + " not in the schema");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(root, schema.get("items"), value.get(i), path + "/" + i, problems);
            }
        }
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("a type the check does not know: " + type);
        };
    }
}
