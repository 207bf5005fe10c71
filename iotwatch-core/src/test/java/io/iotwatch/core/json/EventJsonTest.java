package io.iotwatch.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ClassificationEvent;
import io.iotwatch.core.event.CommunityId;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final EventHeader HEADER = new EventHeader(
            new EventId(-2L, 1234), Instant.parse("2024-03-16T05:12:56.971231921Z"), "fortigate", "FGT-1", "raw \"line\"\u0000");
    private static final Endpoint CLIENT = new Endpoint("10.0.0.5", 51000);
    private static final Endpoint SERVER = new Endpoint("2001:db8::1", 443);

    private static JsonNode render(Event event) throws Exception {
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json);
        EventJson.write(w, event);
        assertThat(w.isComplete()).isTrue();
        return JACKSON.readTree(json.toString());
    }

    private static void assertHeader(JsonNode node, String type) {
        assertThat(node.get("id").asText()).isEqualTo("fffffffffffffffe:1234");
        assertThat(node.get("type").asText()).isEqualTo(type);
        assertThat(node.get("time").asText()).isEqualTo("2024-03-16T05:12:56.971231921Z");
        assertThat(node.get("source").asText()).isEqualTo("fortigate");
        assertThat(node.get("observer").asText()).isEqualTo("FGT-1");
        assertThat(node.get("raw").asText()).isEqualTo("raw \"line\"\u0000");
    }

    @Test
    void connection() throws Exception {
        JsonNode node = render(new ConnectionEvent(HEADER, "tcp", CLIENT, SERVER, 1188, 1224, 17, 16,
                Duration.ofSeconds(116, 5), "close", "7", "HTTPS", "HTTPS.BROWSER", 0x12));
        assertHeader(node, "connection");
        assertThat(node.get("protocol").asText()).isEqualTo("tcp");
        assertThat(node.at("/src/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(node.at("/src/port").asInt()).isEqualTo(51000);
        assertThat(node.at("/dst/ip").asText()).isEqualTo("2001:db8::1");
        assertThat(node.at("/dst/port").asInt()).isEqualTo(443);
        assertThat(node.get("bytes_out").asLong()).isEqualTo(1188);
        assertThat(node.get("bytes_in").asLong()).isEqualTo(1224);
        assertThat(node.get("packets_out").asLong()).isEqualTo(17);
        assertThat(node.get("packets_in").asLong()).isEqualTo(16);
        assertThat(node.get("duration_ns").asLong()).isEqualTo(116_000_000_005L);
        assertThat(node.get("action").asText()).isEqualTo("close");
        assertThat(node.get("policy").asText()).isEqualTo("7");
        assertThat(node.get("service").asText()).isEqualTo("HTTPS");
        assertThat(node.get("application").asText()).isEqualTo("HTTPS.BROWSER");
        assertThat(node.get("tcp_flags").asInt()).isEqualTo(0x12);
    }

    @Test
    void connectionWithUnknownEndpointsAndAnAbsurdDuration() throws Exception {
        JsonNode node = render(new ConnectionEvent(HEADER, "", null, null, 0, 0, 0, 0,
                Duration.ofDays(365L * 1000), "", "", "", "", 0));
        assertThat(node.has("src")).isFalse();
        assertThat(node.has("dst")).isFalse();
        assertThat(node.get("duration_ns").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(node.get("protocol").asText()).isEmpty();
    }

    @Test
    void dns() throws Exception {
        JsonNode node = render(new DnsEvent(HEADER, CLIENT, new Endpoint("10.0.0.1", 53), "t1.example.com",
                "NULL", "NOERROR", List.of("1.2.3.4", "text \"quoted\"")));
        assertHeader(node, "dns");
        assertThat(node.at("/client/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(node.at("/server/port").asInt()).isEqualTo(53);
        assertThat(node.get("query_name").asText()).isEqualTo("t1.example.com");
        assertThat(node.get("query_type").asText()).isEqualTo("NULL");
        assertThat(node.get("response_code").asText()).isEqualTo("NOERROR");
        assertThat(node.get("answers").toString()).isEqualTo("[\"1.2.3.4\",\"text \\\"quoted\\\"\"]");
    }

    @Test
    void auth() throws Exception {
        JsonNode node = render(new AuthEvent(HEADER, CLIENT, new Endpoint("10.0.0.1", 0), "admin", "https",
                "password", Outcome.FAILURE, "passwd_invalid"));
        assertHeader(node, "auth");
        assertThat(node.at("/src/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(node.at("/target/ip").asText()).isEqualTo("10.0.0.1");
        assertThat(node.at("/target/port").asInt()).isZero();
        assertThat(node.get("user").asText()).isEqualTo("admin");
        assertThat(node.get("service").asText()).isEqualTo("https");
        assertThat(node.get("method").asText()).isEqualTo("password");
        assertThat(node.get("outcome").asText()).isEqualTo("failure");
        assertThat(node.get("reason").asText()).isEqualTo("passwd_invalid");
    }

    @Test
    void arp() throws Exception {
        for (ArpEvent.Operation operation : ArpEvent.Operation.values()) {
            JsonNode node = render(new ArpEvent(HEADER, operation, "172.16.0.1", "00:25:b3:bf:91:ee", "172.16.0.107", ""));
            assertHeader(node, "arp");
            assertThat(node.get("operation").asText()).isEqualTo(operation.name().toLowerCase());
            assertThat(node.get("sender_ip").asText()).isEqualTo("172.16.0.1");
            assertThat(node.get("sender_mac").asText()).isEqualTo("00:25:b3:bf:91:ee");
            assertThat(node.get("target_ip").asText()).isEqualTo("172.16.0.107");
            assertThat(node.get("target_mac").asText()).isEmpty();
        }
    }

    @Test
    void classification() throws Exception {
        JsonNode node = render(new ClassificationEvent(HEADER, "default@1a2b3c4d", "Recon-PortScan", "Recon", 0.875,
                "tcp", CLIENT, SERVER, Duration.ofMillis(3), CommunityId.ipv4(0, 0x80E86E78, 0x4223FACC, 6, 34855, 80)));
        assertHeader(node, "classification");
        assertThat(node.get("model").asText()).isEqualTo("default@1a2b3c4d");
        assertThat(node.get("class").asText()).isEqualTo("Recon-PortScan");
        assertThat(node.get("group").asText()).isEqualTo("Recon");
        assertThat(node.get("confidence").asDouble()).isEqualTo(0.875);
        assertThat(node.get("protocol").asText()).isEqualTo("tcp");
        assertThat(node.at("/src/port").asInt()).isEqualTo(51000);
        assertThat(node.at("/dst/ip").asText()).isEqualTo("2001:db8::1");
        assertThat(node.get("duration_ns").asLong()).isEqualTo(3_000_000);
        assertThat(node.get("community_id").asText()).isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
    }

    @Test
    void vendorAlert() throws Exception {
        JsonNode node = render(new VendorAlertEvent(HEADER, "ips", "HTTP.X-Forwarded-For.Header.XSS", "high",
                "detected", "tcp", CLIENT, SERVER, "web_misc: <script>"));
        assertHeader(node, "vendor_alert");
        assertThat(node.get("category").asText()).isEqualTo("ips");
        assertThat(node.get("signature").asText()).isEqualTo("HTTP.X-Forwarded-For.Header.XSS");
        assertThat(node.get("severity").asText()).isEqualTo("high");
        assertThat(node.get("action").asText()).isEqualTo("detected");
        assertThat(node.get("protocol").asText()).isEqualTo("tcp");
        assertThat(node.at("/src/port").asInt()).isEqualTo(51000);
        assertThat(node.at("/dst/ip").asText()).isEqualTo("2001:db8::1");
        assertThat(node.get("message").asText()).isEqualTo("web_misc: <script>");
    }

    @Test
    void genericKeepsEveryFieldInOrder() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("logid", "0100032001");
        fields.put("msg", "line\nbreak");
        fields.put("weird key", "\ud800");
        JsonNode node = render(new GenericEvent(HEADER, "event/system", fields));
        assertHeader(node, "generic");
        assertThat(node.get("kind").asText()).isEqualTo("event/system");
        assertThat(node.get("fields").toString())
                .isEqualTo("{\"logid\":\"0100032001\",\"msg\":\"line\\nbreak\",\"weird key\":\"\ufffd\"}");
    }
}
