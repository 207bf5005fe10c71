package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Renders every input line of Elastic's own pipeline tests (shared/data/fortigate/*-expected.json, whose
 * {@code event.original} holds the line) and compares the result with the document Elastic's Fortinet
 * integration produced for it, field by field, with the types the expected document has.
 */
class EcsExpectedDocumentsTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** The fields every consumer of iotwatch's ECS output relies on. */
    private static final List<String> REQUIRED = List.of(
            "@timestamp", "source.ip", "source.port", "destination.ip", "destination.port",
            "source.bytes", "destination.bytes", "network.bytes", "event.duration", "event.code",
            "event.action", "event.outcome", "log.level", "observer.name", "observer.serial_number",
            "source.user.name", "dns.question.name");

    /** Fields of the expected documents that do not come from the line, so are not compared. */
    private static final Map<String, String> NOT_FROM_THE_LINE = Map.of(
            "ecs.version", "each integration release declares its own ECS version",
            "tags", "set by the Elastic Agent policy (preserve_original_event), not derived from the line");

    /** Where Elastic's output follows a quirk of its key=value splitter that iotwatch does not copy. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
            "elastic-test-fortinet-7-6.log-expected.json line 1 field message",
            "the line ends msg=\"...\"| and Elastic keeps the \"| after the closing quote in the value;"
                    + " iotwatch ends a quoted value at its closing quote");

    record Case(String file, int index, String line, JsonNode expected) {}

    private static List<Case> cases() throws IOException {
        Path folder = TestFiles.sharedData("fortigate").orElse(null);
        assumeTrue(folder != null, "shared/data/fortigate is absent: Elastic's expected documents cannot be compared");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-expected.json")).sorted().toList()) {
                JsonNode docs = JACKSON.readTree(file.toFile()).get("expected");
                for (int i = 0; i < docs.size(); i++) {
                    cases.add(new Case(file.getFileName().toString(), i, docs.get(i).at("/event/original").asText(), docs.get(i)));
                }
            }
        }
        assumeTrue(!cases.isEmpty(), "no *-expected.json documents in " + folder);
        return cases;
    }

    private static JsonNode render(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        FortiGateLine scanned = new FortiGateLine();
        assertThat(scanned.scan(bytes, 0, bytes.length)).as("scan of %s", line).isTrue();
        StringBuilder json = new StringBuilder();
        EcsFormatter.append(scanned, json);
        return JACKSON.readTree(json.toString());
    }

    @Test
    void requiredFieldsEqualElasticsDocuments() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int compared = 0;
        for (Case c : cases()) {
            JsonNode actual = render(c.line());
            for (String field : REQUIRED) {
                compared += compare(softly, c, actual, field);
            }
        }
        softly.assertAll();
        assertThat(compared).as("required fields compared").isGreaterThan(100);
    }

    /** Every other field of Elastic's documents, fortinet.firewall.* aside, with the same value and JSON type. */
    @Test
    void everyOtherFieldEqualsElasticsDocuments() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int compared = 0;
        for (Case c : cases()) {
            JsonNode actual = render(c.line());
            for (String field : leafFields(c.expected(), "")) {
                if (!field.startsWith("fortinet.firewall.") && !NOT_FROM_THE_LINE.containsKey(field)
                        && !KNOWN_DIFFERENCES.containsKey(where(c, field))) {
                    compared += compare(softly, c, actual, field);
                }
            }
        }
        softly.assertAll();
        assertThat(compared).as("fields compared").isGreaterThan(300);
    }

    @Test
    void knownDifferencesAreStillDifferent() throws IOException {
        for (Case c : cases()) {
            JsonNode actual = render(c.line());
            for (String field : leafFields(c.expected(), "")) {
                if (KNOWN_DIFFERENCES.containsKey(where(c, field))) {
                    assertThat(at(actual, field)).as(where(c, field) + ": " + KNOWN_DIFFERENCES.get(where(c, field)))
                            .isNotEqualTo(at(c.expected(), field));
                }
            }
        }
    }

    /** Dotted paths of the document's values; an array is one value. */
    private static List<String> leafFields(JsonNode node, String prefix) {
        List<String> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String path = prefix + member.getKey();
            if (member.getValue().isObject()) {
                fields.addAll(leafFields(member.getValue(), path + "."));
            } else {
                fields.add(path);
            }
        }
        return fields;
    }

    /** Every fortinet.firewall.* field Elastic keeps is present here with the same value and JSON type. */
    @Test
    void fortinetFieldsEqualElasticsDocuments() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int expected = 0;
        int matched = 0;
        for (Case c : cases()) {
            JsonNode actual = render(c.line()).at("/fortinet/firewall");
            Iterator<Map.Entry<String, JsonNode>> fields = c.expected().at("/fortinet/firewall").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                expected++;
                JsonNode value = actual.get(field.getKey());
                softly.assertThat(value).as(where(c, "fortinet.firewall." + field.getKey())).isEqualTo(field.getValue());
                if (field.getValue().equals(value)) {
                    matched++;
                }
            }
        }
        System.out.printf("fortinet.firewall.*: %d of %d expected fields match%n", matched, expected);
        softly.assertAll();
        assertThat(expected).isGreaterThan(50);
    }

    private static int compare(SoftAssertions softly, Case c, JsonNode actual, String field) {
        JsonNode expectedValue = at(c.expected(), field);
        if (expectedValue.isMissingNode()) {
            return 0;
        }
        softly.assertThat(at(actual, field)).as(where(c, field)).isEqualTo(expectedValue);
        return 1;
    }

    private static String where(Case c, String field) {
        return c.file() + " line " + c.index() + " field " + field;
    }

    /** Dotted ECS path into nested objects; "@timestamp" is a single name. */
    private static JsonNode at(JsonNode doc, String field) {
        return doc.at("/" + field.replace('.', '/'));
    }
}
