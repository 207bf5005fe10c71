package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EcsFormatterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String json(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        FortiGateLine scanned = new FortiGateLine();
        assertThat(scanned.scan(bytes, 0, bytes.length)).as(scanned.rejectReason()).isTrue();
        StringBuilder out = new StringBuilder();
        EcsFormatter.append(scanned, out);
        return out.toString();
    }

    private static JsonNode render(String line) throws IOException {
        return JACKSON.readTree(json(line));
    }

    private static String text(JsonNode doc, String field) {
        return doc.at("/" + field.replace('.', '/')).asText();
    }

    @Test
    void trafficLine() throws IOException {
        JsonNode doc = render("date=2019-05-10 time=11:37:47 logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" srcip=10.1.100.11 srcport=58012 srcintf=\"port12\" dstip=81.2.69.142 dstport=80"
                + " dstintf=\"port11\" proto=6 action=\"close\" policyid=1 policytype=\"policy\" policyname=\"out\""
                + " poluuid=\"ccb269e0\" service=\"HTTP\" transip=172.16.200.2 transport=58012 tranip=bogus"
                + " app=\"HTTP.BROWSER_Firefox\" appcat=\"Web.Client\" duration=116 sentbyte=1188 rcvdbyte=1224"
                + " sentpkt=17 rcvdpkt=16 utmaction=\"allow\" srcmac=\"a2:e9:00:ec:40:01\" dstmac=\"a2:e9:00:ec:40:02\""
                + " url=\"/a.php?x=1\" unauthuser=\"bob\" dstunauthuser=\"eve\"");
        assertThat(text(doc, "@timestamp")).isEqualTo("2019-05-10T11:37:47.000Z");
        assertThat(doc.at("/event/timezone").isMissingNode()).isTrue();
        assertThat(text(doc, "event.code")).isEqualTo("0000000013");
        assertThat(text(doc, "event.action")).isEqualTo("close");
        assertThat(text(doc, "event.outcome")).isEqualTo("success");
        assertThat(doc.at("/event/category").toString()).isEqualTo("[\"network\"]");
        assertThat(doc.at("/event/type").toString()).isEqualTo("[\"connection\",\"end\",\"protocol\"]");
        assertThat(doc.at("/event/duration").asLong()).isEqualTo(116_000_000_000L);
        assertThat(doc.at("/source/port").isNumber()).isTrue();
        assertThat(doc.at("/source/port").asLong()).isEqualTo(58012);
        assertThat(doc.at("/destination/port").asLong()).isEqualTo(80);
        assertThat(doc.at("/source/bytes").asLong()).isEqualTo(1188);
        assertThat(doc.at("/destination/bytes").asLong()).isEqualTo(1224);
        assertThat(doc.at("/network/bytes").asLong()).isEqualTo(2412);
        assertThat(doc.at("/network/packets").asLong()).isEqualTo(33);
        assertThat(text(doc, "network.iana_number")).isEqualTo("6");
        assertThat(text(doc, "network.transport")).isEqualTo("tcp");
        assertThat(text(doc, "network.protocol")).isEqualTo("http");
        assertThat(text(doc, "network.application")).isEqualTo("HTTP.BROWSER_Firefox");
        assertThat(text(doc, "network.direction")).isEqualTo("outbound");
        assertThat(text(doc, "source.nat.ip")).isEqualTo("172.16.200.2");
        assertThat(doc.at("/source/nat/port").asLong()).isEqualTo(58012);
        assertThat(doc.at("/destination/nat").isMissingNode()).as("an unparseable NAT address is dropped").isTrue();
        assertThat(text(doc, "source.mac")).isEqualTo("A2-E9-00-EC-40-01");
        assertThat(text(doc, "destination.mac")).isEqualTo("A2-E9-00-EC-40-02");
        assertThat(text(doc, "source.user.name")).isEqualTo("bob");
        assertThat(text(doc, "destination.user.name")).isEqualTo("eve");
        assertThat(text(doc, "rule.id")).isEqualTo("1");
        assertThat(text(doc, "rule.ruleset")).isEqualTo("policy");
        assertThat(text(doc, "rule.name")).isEqualTo("out");
        assertThat(text(doc, "rule.uuid")).isEqualTo("ccb269e0");
        assertThat(text(doc, "rule.category")).isEqualTo("Web-Client");
        assertThat(text(doc, "url.path")).isEqualTo("/a.php?x=1");
        assertThat(text(doc, "observer.ingress.interface.name")).isEqualTo("port12");
        assertThat(text(doc, "observer.egress.interface.name")).isEqualTo("port11");
        assertThat(doc.at("/related/ip").toString()).isEqualTo("[\"10.1.100.11\",\"81.2.69.142\",\"172.16.200.2\"]");
        assertThat(doc.at("/related/user").toString()).isEqualTo("[\"bob\",\"eve\"]");
        assertThat(doc.at("/fortinet/firewall/srcip").asText()).as("every key is kept").isEqualTo("10.1.100.11");
        assertThat(doc.at("/fortinet/firewall/sentbyte").asText()).isEqualTo("1188");
    }

    @Test
    void deniedTrafficIsNeitherAllowedNorProtocol() throws IOException {
        JsonNode doc = render("type=traffic subtype=forward action=deny app=DNS srcip=8.8.8.8 dstip=10.0.0.1 proto=99");
        assertThat(doc.at("/event/type").toString()).isEqualTo("[\"connection\",\"end\",\"denied\"]");
        assertThat(text(doc, "network.direction")).isEqualTo("inbound");
        assertThat(text(doc, "network.iana_number")).isEqualTo("99");
        assertThat(doc.at("/network/transport").isMissingNode()).isTrue();
        assertThat(doc.at("/@timestamp").isMissingNode()).as("no time in the line, none invented").isTrue();
    }

    @Test
    void utmDnsLine() throws IOException {
        JsonNode doc = render("date=2019-05-13 time=14:31:06 logid=\"1501054802\" type=\"utm\" subtype=\"dns\""
                + " eventtype=\"dns-response\" level=\"notice\" srcip=10.1.100.1 srcport=45 dstip=8.8.8.8 dstport=53"
                + " proto=17 action=\"pass\" policyid=1 profile=\"default\" xid=5 qname=\"www.example.com\""
                + " qtype=\"A\" qclass=\"IN\" ipaddr=\"93.184.216.34, 93.184.216.35\" msg=\"Domain is monitored\"");
        assertThat(text(doc, "event.action")).isEqualTo("dns-response");
        assertThat(doc.at("/event/type").toString()).isEqualTo("[\"info\",\"allowed\"]");
        assertThat(text(doc, "dns.question.name")).isEqualTo("www.example.com");
        assertThat(text(doc, "dns.question.type")).isEqualTo("A");
        assertThat(text(doc, "dns.question.class")).isEqualTo("IN");
        assertThat(text(doc, "dns.id")).isEqualTo("5");
        assertThat(doc.at("/dns/resolved_ip").toString()).isEqualTo("[\"93.184.216.34\",\"93.184.216.35\"]");
        assertThat(doc.at("/related/ip").toString())
                .isEqualTo("[\"10.1.100.1\",\"8.8.8.8\",\"93.184.216.34\",\"93.184.216.35\"]");
        assertThat(doc.at("/related/hosts").toString()).isEqualTo("[\"www.example.com\"]");
        assertThat(text(doc, "rule.ruleset")).isEqualTo("default");
        assertThat(text(doc, "message")).isEqualTo("Domain is monitored");
    }

    @Test
    void utmUrlIsSplitAndHostnameIsTheDomain() throws IOException {
        JsonNode doc = render("type=utm subtype=webfilter eventtype=ftgd_blk action=blocked hostname=\"www.example.com\""
                + " url=\"https://www.example.com:8443/dl/file.exe?q=1#top\" httpmethod=GET agent=\"curl/8\"");
        assertThat(text(doc, "url.scheme")).isEqualTo("https");
        assertThat(text(doc, "url.domain")).isEqualTo("www.example.com");
        assertThat(doc.at("/url/port").asLong()).isEqualTo(8443);
        assertThat(text(doc, "url.path")).isEqualTo("/dl/file.exe");
        assertThat(text(doc, "url.extension")).isEqualTo("exe");
        assertThat(text(doc, "url.query")).isEqualTo("q=1");
        assertThat(text(doc, "url.fragment")).isEqualTo("top");
        assertThat(text(doc, "http.request.method")).isEqualTo("GET");
        assertThat(text(doc, "user_agent.original")).isEqualTo("curl/8");
        assertThat(doc.at("/event/type").toString()).isEqualTo("[\"denied\"]");
    }

    @Test
    void sshLoginMessageGivesUserOutcomeAndClient() throws IOException {
        JsonNode doc = render("date=2026-01-02 time=03:04:05 tz=\"+0530\" logid=\"0100032002\" type=\"event\""
                + " subtype=\"system\" level=\"alert\" msg=\"Login from ssh: Failed for philipp from 192.168.0.10 port 38654\"");
        assertThat(text(doc, "@timestamp")).isEqualTo("2026-01-02T03:04:05.000+05:30");
        assertThat(text(doc, "event.timezone")).isEqualTo("+0530");
        assertThat(text(doc, "event.action")).isEqualTo("login");
        assertThat(text(doc, "event.outcome")).isEqualTo("failure");
        assertThat(doc.at("/event/category").toString()).isEqualTo("[\"authentication\"]");
        assertThat(text(doc, "user.name")).isEqualTo("philipp");
        assertThat(text(doc, "source.ip")).isEqualTo("192.168.0.10");
        assertThat(doc.at("/source/port").asLong()).isEqualTo(38654);
    }

    @Test
    void adminProfileBecomesARole() throws IOException {
        JsonNode doc = render("type=event subtype=system user=admin adminprof=super_admin"
                + " msg=\"Administrator admin logged in successfully from ssh(10.0.0.9)\"");
        assertThat(text(doc, "event.outcome")).isEqualTo("success");
        assertThat(doc.at("/user/roles").toString()).isEqualTo("[\"super_admin\",\"Administrator\"]");
        assertThat(doc.at("/source/user/roles").toString()).isEqualTo("[\"super_admin\",\"Administrator\"]");
        assertThat(text(doc, "source.ip")).isEqualTo("10.0.0.9");
    }

    @Test
    void eventActionFallsBackToTheLogidTable() throws IOException {
        assertThat(text(render("type=event subtype=system logid=0100044547 action=Edit"), "event.action"))
                .isEqualTo("FortiGate-event-config-objattr");
        assertThat(render("type=event subtype=system logid=9999999999").at("/event/action").isMissingNode()).isTrue();
    }

    @Test
    void eventOutcomes() throws IOException {
        assertThat(text(render("type=event subtype=user action=auth-logon"), "event.outcome")).isEqualTo("success");
        assertThat(render("type=event subtype=user action=auth-logon").at("/event/type").toString()).isEqualTo("[\"start\"]");
        assertThat(text(render("type=event subtype=vpn result=ERROR"), "event.outcome")).isEqualTo("failure");
        assertThat(text(render("type=event subtype=vpn status=negotiate_error"), "event.outcome")).isEqualTo("failure");
        assertThat(render("type=event subtype=system status=success").at("/event/outcome").isMissingNode()).isTrue();
        assertThat(render("type=other logid=1").at("/event/outcome").isMissingNode()).isTrue();
    }

    @Test
    void notApplicableAndEmptyValuesAreAbsentFromEcsButKept() throws IOException {
        JsonNode doc = render("type=event subtype=system user=\"N/A\" srcip= dstip=10.0.0.1 level=\"\"");
        assertThat(doc.at("/source").isMissingNode()).isTrue();
        assertThat(doc.at("/log").isMissingNode()).isTrue();
        assertThat(doc.at("/fortinet/firewall/user").asText()).isEqualTo("N/A");
        assertThat(doc.at("/fortinet/firewall/srcip").asText()).isEmpty();
    }

    @Test
    void fortinetFieldsAreTypedLikeTheIntegrationAndWrittenOnce() throws IOException {
        String json = json("type=event subtype=system mem=45 jitter=1.5 latency=slow advpnsc=1 valid=x level=a level=b");
        JsonNode firewall = JACKSON.readTree(json).at("/fortinet/firewall");
        assertThat(firewall.get("mem").isNumber()).isTrue();
        assertThat(firewall.get("jitter").asDouble()).isEqualTo(1.5);
        assertThat(firewall.get("latency").asText()).isEqualTo("slow");
        assertThat(firewall.get("advpnsc").asBoolean()).isTrue();
        assertThat(firewall.get("valid").asText()).isEqualTo("x");
        assertThat(firewall.get("level").asText()).isEqualTo("a");
        assertThat(json.split("\"level\":\"", -1)).as("level once in log, once in fortinet.firewall").hasSize(3);
    }

    @Test
    void vpnLogsSwapSidesButKeepTheUser() throws IOException {
        JsonNode doc = render("type=event subtype=vpn remip=203.0.113.7 locip=10.0.0.1 remport=4500 locport=500"
                + " sentbyte=10 rcvdbyte=20 xauthuser=alice user=203.0.113.7");
        assertThat(text(doc, "source.ip")).isEqualTo("203.0.113.7");
        assertThat(doc.at("/source/port").asLong()).isEqualTo(4500);
        assertThat(doc.at("/source/bytes").asLong()).isEqualTo(20);
        assertThat(text(doc, "destination.ip")).isEqualTo("10.0.0.1");
        assertThat(doc.at("/destination/bytes").asLong()).isEqualTo(10);
        assertThat(text(doc, "source.user.name")).isEqualTo("alice");
        assertThat(doc.at("/destination/user").isMissingNode()).isTrue();
        assertThat(text(doc, "network.direction")).isEqualTo("inbound");
    }

    @Test
    void syslogHeaderGivesPriorityAndObserverName() throws IOException {
        JsonNode doc = render("<189>1 2024-01-01T00:00:00Z fgt01 - - - - logid=\"0000000013\" type=\"traffic\" eventtime=1704067200");
        assertThat(text(doc, "observer.name")).isEqualTo("fgt01");
        assertThat(doc.at("/log/syslog/priority").asInt()).isEqualTo(189);
        assertThat(doc.at("/log/syslog/facility/code").asInt()).isEqualTo(23);
        assertThat(doc.at("/log/syslog/severity/code").asInt()).isEqualTo(5);
        assertThat(text(doc, "event.start")).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(text(doc, "@timestamp")).as("without date and time, the event time").isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(text(doc, "observer.vendor")).isEqualTo("Fortinet");
        assertThat(text(doc, "ecs.version")).isEqualTo(EcsFormatter.ECS_VERSION);
    }

    @Test
    void appendsWithoutTouchingWhatIsAlreadyThere() {
        byte[] bytes = "type=traffic".getBytes(StandardCharsets.UTF_8);
        FortiGateLine line = new FortiGateLine();
        line.scan(bytes, 0, bytes.length);
        StringBuilder out = new StringBuilder("prefix ");
        EcsFormatter.append(line, out);
        assertThat(out.toString()).startsWith("prefix {").endsWith("}").doesNotContain("\n");
    }

    /** Whatever a line holds, the document is valid JSON and keeps the line as received. */
    @Test
    void randomLinesAlwaysGiveValidDocuments() throws IOException {
        Random random = new Random(1234);
        List<String> keys = List.of("type", "subtype", "srcip", "dstip", "srcport", "dstport", "sentbyte", "rcvdbyte",
                "msg", "url", "hostname", "tz", "date", "time", "eventtime", "duration", "user", "action", "proto",
                "logid", "level", "ipaddr", "qname", "advpnsc", "mem", "jitter", "srcmac", "transip", "dir");
        List<String> values = List.of("traffic", "utm", "event", "dns", "vpn", "N/A", "", "10.0.0.1", "::1", "[::1]:80",
                "http://[2001:db8::1]:8080/x.y?z#w", "://", "?#", "-0700", "+25:00", "2024-02-30", "25:61:61",
                "99999999999999999999", "-5", "1.5", "NaN", "login", "Administrator a logged in x from y(", "\u2028\ud800",
                "a\\\"b", "Login from ssh: ", "deny", "0", "1", "FF:ff.00");
        for (int i = 0; i < 3000; i++) {
            StringBuilder line = new StringBuilder("type=" + values.get(random.nextInt(5)));
            for (int n = random.nextInt(12); n > 0; n--) {
                line.append(' ').append(keys.get(random.nextInt(keys.size()))).append('=');
                String value = values.get(random.nextInt(values.size()));
                line.append(random.nextBoolean() ? '"' + value + '"' : value.replace(' ', '_'));
            }
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            FortiGateLine scanned = new FortiGateLine();
            if (scanned.scan(bytes, 0, bytes.length)) {
                StringBuilder out = new StringBuilder();
                EcsFormatter.append(scanned, out);
                JsonNode doc = JACKSON.readTree(out.toString());
                assertThat(doc.at("/event/original").asText()).as(line.toString()).isEqualTo(scanned.rawText());
            }
        }
    }

    @Test
    void everyLineOfTheSampleLogsRenders() throws IOException {
        Path folder = TestFiles.sharedData("fortigate").orElse(null);
        Assumptions.assumeTrue(folder != null, "shared/data/fortigate is absent: no sample logs to render");
        int rendered = 0;
        for (String name : List.of("elastic-test-fortinet-7-4.log", "elastic-test-fortinet-7-6.log", "elastic-test-fortinet-fix.log")) {
            for (String line : Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode doc = render(line);
                    assertThat(text(doc, "observer.vendor")).isEqualTo("Fortinet");
                    assertThat(doc.at("/fortinet/firewall/type").isMissingNode()).as(line).isFalse();
                    rendered++;
                }
            }
        }
        assertThat(rendered).isEqualTo(88);
    }
}
