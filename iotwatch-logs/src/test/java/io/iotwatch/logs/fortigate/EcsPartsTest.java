package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EcsPartsTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String urlParts(String url, String domain) throws Exception {
        StringBuilder json = new StringBuilder();
        JsonWriter w = new JsonWriter(json).beginObject();
        EcsUrl.parts(w, url, domain);
        w.endObject();
        JsonNode node = JACKSON.readTree(json.toString());
        return node.toString();
    }

    @Test
    void splitsUrlsLikeUriParts() throws Exception {
        assertThat(urlParts("/?sample=1", null)).isEqualTo("{\"path\":\"/\",\"query\":\"sample=1\"}");
        assertThat(urlParts("http://u:p@h.example:81/a/b.tar.gz?x#f", null)).isEqualTo(
                "{\"scheme\":\"http\",\"user_info\":\"u:p\",\"port\":81,\"domain\":\"h.example\",\"path\":\"/a/b.tar.gz\","
                        + "\"extension\":\"gz\",\"query\":\"x\",\"fragment\":\"f\"}");
        assertThat(urlParts("https://[2001:db8::1]:8443/", null))
                .isEqualTo("{\"scheme\":\"https\",\"port\":8443,\"domain\":\"2001:db8::1\",\"path\":\"/\"}");
        assertThat(urlParts("https://[2001:db8::1]/", "override"))
                .isEqualTo("{\"scheme\":\"https\",\"domain\":\"override\",\"path\":\"/\"}");
        assertThat(urlParts("ftp://host", null)).isEqualTo("{\"scheme\":\"ftp\",\"domain\":\"host\"}");
        assertThat(urlParts("host:99999/x", null)).isEqualTo("{\"path\":\"host:99999/x\"}");
        assertThat(urlParts("1http://x/y", null)).isEqualTo("{\"path\":\"1http://x/y\"}");
        assertThat(urlParts("/dir.d/file", null)).isEqualTo("{\"path\":\"/dir.d/file\"}");
        assertThat(urlParts("#", null)).isEqualTo("{}");
        assertThat(urlParts("http://h:abc/", null)).isEqualTo("{\"scheme\":\"http\",\"domain\":\"h:abc\",\"path\":\"/\"}");
    }

    @Test
    void classifiesAddressesAsTheIntegrationsPrivateNetworks() {
        assertThat(direction("10.0.0.1", "192.168.1.1")).isEqualTo("internal");
        assertThat(direction("172.16.0.1", "172.32.0.1")).isEqualTo("outbound");
        assertThat(direction("172.15.255.255", "172.31.0.1")).isEqualTo("inbound");
        assertThat(direction("8.8.8.8", "1.1.1.1")).isEqualTo("external");
        assertThat(direction("fd12::1", "fc00::2")).isEqualTo("internal");
        assertThat(direction("fe80::1", "2001:db8::1")).isEqualTo("external");
        assertThat(direction("::ffff:10.0.0.1", "10.0.0.1")).isEqualTo("inbound");
        assertThat(direction("10.0.0.1", null)).isNull();
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "256.0.0.1", "a.b.c.d", "1..2.3", "", "10.0.0.1 ", "g::1", "12345::"}) {
            assertThat(NetworkDirection.isAddress(bad)).as(bad).isFalse();
            assertThat(direction(bad, "10.0.0.1")).as(bad).isNull();
        }
    }

    @Test
    void aStatedDirectionIsNormalized() {
        assertThat(NetworkDirection.of(scan("type=utm direction=outgoing"), null, null)).isEqualTo("outbound");
        assertThat(NetworkDirection.of(scan("type=utm dir=Incoming"), null, null)).isEqualTo("inbound");
        assertThat(NetworkDirection.of(scan("type=utm direction=sideways"), "10.0.0.1", "8.8.8.8")).isEqualTo("unknown");
    }

    @Test
    void logidTableIsComplete() {
        assertThat(LogidActions.size()).isEqualTo(1359);
        assertThat(LogidActions.of("0000000013")).isEqualTo("FortiGate-traffic-end-forward");
        assertThat(LogidActions.of("0101037141")).isEqualTo("FortiGate-event-conn-stats");
        assertThat(LogidActions.of("2500010002")).isEqualTo("FortiGate-casb-access-monitor");
        assertThat(LogidActions.of("13")).isNull();
        assertThat(LogidActions.of(null)).isNull();
    }

    @Test
    void dissectsLikeElasticsearch() {
        assertThat(EcsLogin.split("a b login c from d(e) f", 0, " ", " login ", " from ", "(", ") "))
                .containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(EcsLogin.split("a b", 0, " ", " login ")).isNull();
    }

    @Test
    void zonesAreWrittenAsTheIntegrationNormalizesThem() {
        assertThat(EcsTime.zone(-7 * 3600)).isEqualTo("-0700");
        assertThat(EcsTime.zone(5 * 3600 + 1800)).isEqualTo("+0530");
        assertThat(EcsTime.zone(0)).isEqualTo("+0000");
        assertThat(EcsTime.zone(-(14 * 3600 + 45 * 60))).isEqualTo("-1445");
    }

    private static String direction(String source, String destination) {
        return NetworkDirection.of(scan("type=traffic"), source, destination);
    }

    private static FortiGateLine scan(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FortiGateLine line = new FortiGateLine();
        assertThat(line.scan(bytes, 0, bytes.length)).isTrue();
        return line;
    }
}
