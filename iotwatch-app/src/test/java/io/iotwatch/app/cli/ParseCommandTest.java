package io.iotwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseCommandTest {

    private static final String FRAMINGS = Path.of("..", "samples", "fortigate", "field-framings.log").toString();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void ecsGivesOneDocumentPerLineAndAnErrorDocumentPerReject() throws Exception {
        CliRun run = CliRun.of("parse", "--format", "ecs", FRAMINGS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> docs = documents(run.out());
        assertThat(docs).hasSize(10);
        JsonNode traffic = docs.get(0);
        assertThat(traffic.at("/source/ip").asText()).isEqualTo("192.168.10.21");
        assertThat(traffic.at("/destination/port").asInt()).isEqualTo(443);
        assertThat(traffic.at("/event/code").asText()).isEqualTo("0000000013");
        assertThat(traffic.at("/observer/name").asText()).isEqualTo("FGT40F-CAM");
        assertThat(traffic.at("/fortinet/firewall/policyid").isMissingNode()).isFalse();
        assertThat(docs.get(8).at("/error/message").asText()).isNotEmpty();
        assertThat(docs.get(9).at("/event/original").asText()).startsWith("binary\u0000junk");
        assertThat(run.err()).contains("field-framings.log:9:", "field-framings.log:10:", "10 lines, 8 events, 2 rejected");
    }

    @Test
    void jsonGivesIotwatchsOwnEvents() throws Exception {
        CliRun run = CliRun.of("parse", "--format", "json", FRAMINGS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> docs = documents(run.out());
        assertThat(docs).extracting(d -> d.path("type").asText())
                .containsExactly("connection", "dns", "auth", "auth", "vendor_alert", "vendor_alert", "auth", "generic", "", "");
        assertThat(docs.get(9).at("/reject/line").asInt()).isEqualTo(10);
    }

    private List<JsonNode> documents(String out) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : out.split("\n")) {
            docs.add(json.readTree(line));
        }
        return docs;
    }
}
