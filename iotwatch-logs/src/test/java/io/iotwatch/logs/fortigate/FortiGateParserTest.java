package io.iotwatch.logs.fortigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.logs.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FortiGateParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T00:00:00Z"), ZoneOffset.UTC);
    private static final EventId ID = new EventId(7, 42);

    private final FortiGateParser parser = new FortiGateParser(CLOCK);

    private Event decode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Event event = parser.decode(bytes, 0, bytes.length, ID);
        if (event == null) {
            assertThat(parser.rejectReason()).isNotEmpty();
        } else {
            assertThat(parser.rejectReason()).isEmpty();
        }
        return event;
    }

    private <T extends Event> T decode(String text, Class<T> type) {
        Event event = decode(text);
        assertThat(event).as("%s (reject: %s)", text, parser.rejectReason()).isInstanceOf(type);
        return type.cast(event);
    }

    // ---------------------------------------------------------------- traffic

    @Test
    void trafficBecomesConnectionEvent() {
        String text = "date=2024-01-02 time=03:04:05 devname=\"FGT60F\" eventtime=1704164645123456789 tz=\"+0000\" "
                + "logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.0.0.5 srcport=51544 "
                + "dstip=52.28.14.7 dstport=443 proto=6 action=\"close\" policyid=7 service=\"HTTPS\" "
                + "app=\"Tuya.Smart\" duration=31 sentbyte=4410 rcvdbyte=18220 sentpkt=22 rcvdpkt=19";
        ConnectionEvent e = decode(text, ConnectionEvent.class);
        assertThat(e.header().id()).isEqualTo(ID);
        assertThat(e.header().source()).isEqualTo("fortigate");
        assertThat(e.header().observer()).isEqualTo("FGT60F");
        assertThat(e.header().rawText()).isEqualTo(text);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456789Z"));
        assertThat(e.protocol()).isEqualTo("tcp");
        assertThat(e.source()).isEqualTo(new Endpoint("10.0.0.5", 51544));
        assertThat(e.destination()).isEqualTo(new Endpoint("52.28.14.7", 443));
        assertThat(e.bytesOut()).isEqualTo(4410);
        assertThat(e.bytesIn()).isEqualTo(18220);
        assertThat(e.packetsOut()).isEqualTo(22);
        assertThat(e.packetsIn()).isEqualTo(19);
        assertThat(e.duration()).isEqualTo(Duration.ofSeconds(31));
        assertThat(e.action()).isEqualTo("close");
        assertThat(e.policy()).isEqualTo("7");
        assertThat(e.service()).isEqualTo("HTTPS");
        assertThat(e.application()).isEqualTo("Tuya.Smart");
        assertThat(e.tcpFlags()).isZero();
    }

    @Test
    void protocolNumbersAreNamedWhenCommon() {
        String base = "date=2024-01-02 time=03:04:05 type=traffic subtype=forward proto=";
        assertThat(decode(base + "17", ConnectionEvent.class).protocol()).isEqualTo("udp");
        assertThat(decode(base + "1", ConnectionEvent.class).protocol()).isEqualTo("icmp");
        assertThat(decode(base + "58", ConnectionEvent.class).protocol()).isEqualTo("icmp6");
        assertThat(decode(base + "132", ConnectionEvent.class).protocol()).isEqualTo("132");
        assertThat(decode(base + "x", ConnectionEvent.class).protocol()).isEqualTo("x");
        assertThat(decode("date=2024-01-02 time=03:04:05 type=traffic", ConnectionEvent.class).protocol()).isEmpty();
    }

    @Test
    void numbersThatDoNotParseCountAsZeroAndPortsOutOfRangeAsZero() {
        ConnectionEvent e = decode("date=2024-01-02 time=03:04:05 type=traffic srcip=10.0.0.1 srcport=70000 "
                + "dstip=10.0.0.2 dstport=-1 sentbyte=12x rcvdbyte=-5 duration=\"\" sentpkt=99999999999999999999",
                ConnectionEvent.class);
        assertThat(e.source()).isEqualTo(new Endpoint("10.0.0.1", 0));
        assertThat(e.destination()).isEqualTo(new Endpoint("10.0.0.2", 0));
        assertThat(e.bytesOut()).isZero();
        assertThat(e.bytesIn()).isZero();
        assertThat(e.packetsOut()).isZero();
        assertThat(e.duration()).isEqualTo(Duration.ZERO);
        assertThat(e.policy()).isEmpty();
    }

    @Test
    void fortiOs3TrafficKeysStandInForTheCurrentOnes() {
        ConnectionEvent e = decode("Feb 20 12:26:25 date=2011-02-20 time=12: 26:24 devname=Device_Name "
                + "log_id=9999999999 type=traffic subtype=other pri=notice status=deny vd=\"root\" src=10.10.10.10 "
                + "src_port=1111 dst=10.20.30.40 dst_port=2222 service=65535/tcp proto=6 sent=10 rcvd=20",
                ConnectionEvent.class);
        assertThat(e.source()).isEqualTo(new Endpoint("10.10.10.10", 1111));
        assertThat(e.destination()).isEqualTo(new Endpoint("10.20.30.40", 2222));
        assertThat(e.action()).isEqualTo("deny");
        assertThat(e.bytesOut()).isEqualTo(10);
        assertThat(e.bytesIn()).isEqualTo(20);
        // "time=12:" does not parse, so the syslog prefix gives the time, in the clock's year.
        assertThat(e.time()).isEqualTo(Instant.parse("2026-02-20T12:26:25Z"));
    }

    // ---------------------------------------------------------------- DNS

    @Test
    void dnsResponseBecomesDnsEventWithAnswers() {
        DnsEvent e = decode("date=2019-05-15 time=15:05:49 logid=\"1501054802\" type=\"utm\" subtype=\"dns\" "
                + "eventtype=\"dns-response\" srcip=10.1.100.22 srcport=50002 dstip=172.16.100.100 dstport=53 "
                + "proto=17 qname=\"changelogs.ubuntu.com\" qtype=\"AAAA\" qtypeval=28 qclass=\"IN\" "
                + "ipaddr=\"2a02:cf40::, 2a02:cf40::1\" msg=\"Domain is monitored\" action=\"pass\"", DnsEvent.class);
        assertThat(e.client()).isEqualTo(new Endpoint("10.1.100.22", 50002));
        assertThat(e.server()).isEqualTo(new Endpoint("172.16.100.100", 53));
        assertThat(e.queryName()).isEqualTo("changelogs.ubuntu.com");
        assertThat(e.queryType()).isEqualTo("AAAA");
        assertThat(e.responseCode()).isEmpty();
        assertThat(e.answers()).containsExactly("2a02:cf40::", "2a02:cf40::1");
    }

    @Test
    void dnsQueryWithoutAnswersTypeNumberOnlyAndResponseCode() {
        DnsEvent e = decode("date=2018-12-27 time=14:45:26 logid=\"1500054000\" type=\"dns\" subtype=\"dns-query\" "
                + "srcip=10.1.100.11 qname=\"a.example\" qtypeval=16 rcode=3", DnsEvent.class);
        assertThat(e.queryType()).isEqualTo("16");
        assertThat(e.responseCode()).isEqualTo("NXDOMAIN");
        assertThat(e.answers()).isEmpty();
        assertThat(e.server()).isEqualTo(Endpoint.UNKNOWN);
        assertThat(decode("date=2018-12-27 time=14:45:26 type=dns rcode=77", DnsEvent.class).responseCode())
                .isEqualTo("77");
    }

    // ---------------------------------------------------------------- alerts

    @Test
    void ipsSignatureBecomesVendorAlert() {
        VendorAlertEvent e = decode("date=2019-05-15 time=17:56:41 logid=\"0419016384\" type=\"utm\" subtype=\"ips\" "
                + "eventtype=\"signature\" level=\"alert\" severity=\"critical\" srcip=10.1.100.22 dstip=172.16.200.55 "
                + "action=\"dropped\" proto=6 service=\"HTTP\" "
                + "attack=\"Adobe.Flash.newfunction.Decompression.Overflow\" "
                + "srcport=47242 dstport=80 msg=\"file_transfer: Adobe.Flash\"", VendorAlertEvent.class);
        assertThat(e.category()).isEqualTo("ips");
        assertThat(e.signature()).isEqualTo("Adobe.Flash.newfunction.Decompression.Overflow");
        assertThat(e.severity()).isEqualTo("critical");
        assertThat(e.action()).isEqualTo("dropped");
        assertThat(e.protocol()).isEqualTo("tcp");
        assertThat(e.source()).isEqualTo(new Endpoint("10.1.100.22", 47242));
        assertThat(e.destination()).isEqualTo(new Endpoint("172.16.200.55", 80));
        assertThat(e.message()).isEqualTo("file_transfer: Adobe.Flash");
    }

    @Test
    void eachAlertCategoryTakesItsSignatureFromItsOwnKey() {
        String base = "date=2019-05-15 time=17:56:41 type=utm level=warning attack=A virus=V catdesc=C app=P subtype=";
        assertThat(decode(base + "anomaly", VendorAlertEvent.class).signature()).isEqualTo("A");
        assertThat(decode(base + "virus", VendorAlertEvent.class).signature()).isEqualTo("V");
        assertThat(decode(base + "webfilter", VendorAlertEvent.class).signature()).isEqualTo("C");
        assertThat(decode(base + "app-ctrl", VendorAlertEvent.class).signature()).isEqualTo("P");
    }

    @Test
    void severityFallsBackToCrlevelThenLevel() {
        String base = "date=2019-05-15 time=17:56:41 type=utm subtype=webfilter level=warning";
        assertThat(decode(base + " crlevel=high", VendorAlertEvent.class).severity()).isEqualTo("high");
        assertThat(decode(base, VendorAlertEvent.class).severity()).isEqualTo("warning");
        assertThat(decode(base + " severity=\"\" crlevel=low", VendorAlertEvent.class).severity()).isEqualTo("low");
    }

    @Test
    void fortiOs5AnomalyTypeIsAnAlertButOtherUtmSubtypesAreGeneric() {
        VendorAlertEvent e = decode("Mar 22 19:21:00 10.10.10.10 date=2016-03-22 time=19:20:46 devname=Text "
                + "logid=0000018000 type=anomaly subtype=anomaly severity=critical srcip=10.10.10.35 "
                + "action=detected proto=6 attack=\"tcp_syn_flood\"", VendorAlertEvent.class);
        assertThat(e.category()).isEqualTo("anomaly");
        assertThat(e.signature()).isEqualTo("tcp_syn_flood");
        assertThat(e.header().observer()).isEqualTo("Text");
        assertThat(decode("date=2019-03-28 time=10:44:53 type=\"utm\" subtype=\"ssl\"", GenericEvent.class).kind())
                .isEqualTo("utm/ssl");
        assertThat(decode("date=2019-03-28 time=10:44:53 type=\"event\" subtype=\"ips\"", GenericEvent.class).kind())
                .isEqualTo("event/ips");
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void adminLoginFailedBecomesFailedAuthEvent() {
        AuthEvent e = decode("date=2026-04-02 time=17:31:09 devname=\"FGVM\" logid=\"0100032002\" type=\"event\" "
                + "subtype=\"system\" level=\"alert\" logdesc=\"Admin login failed\" sn=\"0\" user=\"admin\" "
                + "ui=\"https(172.16.1.2)\" method=\"https\" srcip=172.16.1.2 dstip=172.16.1.1 action=\"login\" "
                + "status=\"failed\" reason=\"passwd_invalid\" msg=\"Administrator admin login failed\"",
                AuthEvent.class);
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.user()).isEqualTo("admin");
        assertThat(e.source()).isEqualTo(new Endpoint("172.16.1.2", 0));
        assertThat(e.target()).isEqualTo(new Endpoint("172.16.1.1", 0));
        assertThat(e.service()).isEqualTo("https");
        assertThat(e.method()).isEqualTo("https");
        assertThat(e.reason()).isEqualTo("passwd_invalid");
    }

    @Test
    void adminLoginWithoutSrcipTakesTheAddressFromUi() {
        AuthEvent e = decode("date=2016-06-17 time=02:37:41 devname=Mobipay_Firewall logid=0100032002 type=event "
                + "subtype=system level=alert logdesc=\"Admin login failed\" sn=0 user=\"root\" "
                + "ui=ssh(222.186.130.227) action=login status=failed reason=\"name_invalid\"", AuthEvent.class);
        assertThat(e.source()).isEqualTo(new Endpoint("222.186.130.227", 0));
        assertThat(e.target()).isEqualTo(Endpoint.UNKNOWN);
        assertThat(e.service()).isEqualTo("ssh");
        assertThat(e.method()).isEqualTo("ssh");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void adminLoginSuccessfulAndLogoutIsNotAnAttempt() {
        AuthEvent e = decode("date=2016-06-16 time=16:22:34 logid=0100032001 type=event subtype=system "
                + "user=\"a@b.com.na\" ui=GUI(10.42.8.253) action=login status=success reason=none", AuthEvent.class);
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(e.service()).isEqualTo("gui");
        assertThat(e.reason()).isEmpty();
        assertThat(decode("date=2016-06-16 time=08:48:28 logid=0100032003 type=event subtype=system "
                + "ui=https(4.3.5.253) action=logout status=success", GenericEvent.class).kind())
                .isEqualTo("event/system");
    }

    @Test
    void firewallUserAuthentication() {
        AuthEvent e = decode("date=2019-05-13 time=15:55:56 logid=\"0102043008\" type=\"event\" subtype=\"user\" "
                + "srcip=10.1.100.11 dstip=172.16.200.55 user=\"bob\" authproto=\"TELNET(10.1.100.11)\" "
                + "action=\"authentication\" status=\"failure\" reason=\"N/A\"", AuthEvent.class);
        assertThat(e.service()).isEqualTo("telnet");
        assertThat(e.user()).isEqualTo("bob");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.reason()).isEmpty();
    }

    @Test
    void sslVpnLoginFailAndTunnelUp() {
        AuthEvent failed = decode("date=2016-06-15 time=21:35:09 logid=0101039426 type=event subtype=vpn "
                + "action=\"ssl-login-fail\" tunneltype=\"ssl-web\" remip=2.4.6.8 tunnelip=(null) user=\"my_user\" "
                + "reason=\"sslvpn_login_unknown_user\"", AuthEvent.class);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failed.user()).isEqualTo("my_user");
        assertThat(failed.source()).isEqualTo(new Endpoint("2.4.6.8", 0));
        assertThat(failed.service()).isEqualTo("vpn");
        assertThat(failed.method()).isEqualTo("ssl-web");
        assertThat(failed.reason()).isEqualTo("sslvpn_login_unknown_user");

        AuthEvent up = decode("date=2016-06-16 time=08:47:00 logid=0101039947 type=event subtype=vpn "
                + "action=\"tunnel-up\" tunneltype=\"ssl-tunnel\" remip=9.8.7.7 user=\"my_user\" reason=\"N/A\"",
                AuthEvent.class);
        assertThat(up.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void ipsecNegotiationNamesTheEapUserAndBothEnds() {
        AuthEvent e = decode("date=2026-04-03 time=17:46:12 logid=\"0101037121\" type=\"event\" subtype=\"vpn\" "
                + "action=\"negotiate\" remip=172.20.114.249 locip=172.20.121.252 remport=500 locport=4500 "
                + "user=\"172.20.114.249\" group=\"N/A\" eapuser=\"test01\" status=\"failure\" result=\"N/A\"",
                AuthEvent.class);
        assertThat(e.user()).isEqualTo("test01");
        assertThat(e.source()).isEqualTo(new Endpoint("172.20.114.249", 500));
        assertThat(e.target()).isEqualTo(new Endpoint("172.20.121.252", 4500));
        assertThat(e.method()).isEqualTo("ipsec");
        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(decode("date=2026-04-03 time=17:46:12 type=event subtype=vpn action=negotiate xauthuser=u1 "
                + "eapuser=e1 result=\"XAUTH authentication successful\"", AuthEvent.class))
                .satisfies(a -> {
                    assertThat(a.user()).isEqualTo("u1");
                    assertThat(a.reason()).isEqualTo("XAUTH authentication successful");
                    assertThat(a.outcome()).isEqualTo(Outcome.UNKNOWN);
                });
        assertThat(decode("date=2026-04-03 time=17:58:46 type=event subtype=vpn action=\"tunnel-stats\"",
                GenericEvent.class).kind()).isEqualTo("event/vpn");
    }

    // ---------------------------------------------------------------- generic, header, rejects

    @Test
    void otherLogsKeepEveryPairInOrder() {
        GenericEvent e = decode("date=2019-05-10 time=09:53:18 logid=\"0108037894\" type=\"event\" subtype=\"ha\" "
                + "msg=\"Virtual cluster detected member join\" vcluster=1 sn=\"FG2K5E3916900286\" vcluster=2 empty=",
                GenericEvent.class);
        assertThat(e.kind()).isEqualTo("event/ha");
        assertThat(e.fields()).containsExactly(
                Map.entry("date", "2019-05-10"), Map.entry("time", "09:53:18"),
                Map.entry("logid", "0108037894"), Map.entry("type", "event"),
                Map.entry("subtype", "ha"), Map.entry("msg", "Virtual cluster detected member join"),
                Map.entry("vcluster", "1"), Map.entry("sn", "FG2K5E3916900286"),
                Map.entry("empty", ""));
        assertThat(decode("date=2019-05-10 time=09:53:18 logid=1", GenericEvent.class).kind()).isEmpty();
        assertThat(decode("date=2019-05-10 time=09:53:18 type=event", GenericEvent.class).kind()).isEqualTo("event");
    }

    @Test
    void observerFallsBackToTheSyslogHost() {
        Event e = decode("<189>Jan  2 03:04:05 fw-edge date=2024-01-02 time=03:04:05 type=event subtype=ha");
        assertThat(e.header().observer()).isEqualTo("fw-edge");
        assertThat(decode("date=2024-01-02 time=03:04:05 type=event").header().observer()).isEmpty();
    }

    @Test
    void aLineWithoutAnyTimeIsRejected() {
        assertThat(decode("type=event logid=\"0100032001\" devname=\"FGT\"")).isNull();
        assertThat(parser.rejectReason()).startsWith("no time");
        assertThat(decode("date=2024-01-02 time=03:04:05 type=event")).isNotNull();
        assertThat(parser.line().get("type")).isEqualTo("event");
    }

    @Test
    void decodesARangeInsideALargerBuffer() {
        byte[] buf = "garbage|date=2024-01-02 time=03:04:05 type=event subtype=ha|more"
                .getBytes(StandardCharsets.UTF_8);
        Event e = parser.decode(buf, 8, 51, ID);
        assertThat(e).isInstanceOf(GenericEvent.class);
        assertThat(e.header().rawText()).isEqualTo("date=2024-01-02 time=03:04:05 type=event subtype=ha");
    }

    // ---------------------------------------------------------------- sample files

    @Test
    void fieldFramingsSampleGivesEightEventsAndTwoRejects() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.repoFolder("samples/fortigate").resolve("field-framings.log"),
                StandardCharsets.ISO_8859_1);
        List<Event> events = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        for (String text : lines) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            Event e = parser.decode(bytes, 0, bytes.length, ID);
            if (e == null) {
                rejects.add(parser.rejectReason());
            } else {
                events.add(e);
            }
        }
        assertThat(events).hasSize(8);
        assertThat(rejects).containsExactly(
                "not a FortiGate log: it has key=value pairs but no type or logid",
                "no key=value pairs: not a FortiGate log");
        assertThat(events).extracting(Event::getClass).containsExactly(
                ConnectionEvent.class, DnsEvent.class, AuthEvent.class, AuthEvent.class, VendorAlertEvent.class,
                VendorAlertEvent.class, AuthEvent.class, GenericEvent.class);
        assertThat(events).allSatisfy(e -> assertThat(e.header().observer()).isEqualTo("FGT40F-CAM"));
        assertThat(events).extracting(Event::time).containsExactly(
                Instant.parse("2026-03-14T07:02:11.512Z"), Instant.parse("2026-03-14T07:02:15.100221Z"),
                Instant.parse("2026-03-14T07:03:40Z"), Instant.parse("2026-03-14T07:03:52Z"),
                Instant.parse("2026-03-14T07:05:00.250Z"), Instant.parse("2026-03-14T07:06:10Z"),
                Instant.parse("2026-03-14T07:07:30.123456Z"), Instant.parse("2026-03-14T07:08:00Z"));

        DnsEvent dns = (DnsEvent) events.get(1);
        assertThat(dns.answers()).containsExactly("203.0.113.80", "203.0.113.81");
        AuthEvent failed = (AuthEvent) events.get(2);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failed.user()).isEqualTo("admin");
        assertThat(failed.source().ip()).isEqualTo("198.51.100.23");
        assertThat(failed.service()).isEqualTo("ssh");
        VendorAlertEvent ips = (VendorAlertEvent) events.get(4);
        assertThat(ips.signature()).isEqualTo("Hikvision.IP.Camera.Web.Command.Injection");
        assertThat(ips.message())
                .isEqualTo("web_server: Hikvision.IP.Camera.Web.Command.Injection, ref=\\\"CVE-2021-36260\\\"");
        AuthEvent vpn = (AuthEvent) events.get(6);
        assertThat(vpn.user()).isEqualTo("plant-operator");
        assertThat(vpn.source().ip()).isEqualTo("203.0.113.200");
        assertThat(vpn.outcome()).isEqualTo(Outcome.FAILURE);
        GenericEvent config = (GenericEvent) events.get(7);
        assertThat(config.fields()).containsEntry("cfgattr", "comment[ ->\\\"cams = `floor 2`\\\"]");
    }

    @Test
    void generatedIotGatewaySampleParsesCompletely() throws IOException {
        Path file = TestFiles.repoFolder("samples/fortigate").resolve("iot-gateway.log.gz");
        int events = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Event e = decode(text);
                assertThat(e).as("%s: %s", text, parser.rejectReason()).isNotNull();
                events++;
            }
        }
        assertThat(events).isEqualTo(2000);
    }

    // ---------------------------------------------------------------- third-party data

    private static Path fortigateData() {
        Optional<Path> dir = TestFiles.sharedData("fortigate");
        assumeTrue(dir.isPresent(), "shared/data/fortigate (third-party FortiGate logs) is not on this machine");
        return dir.get();
    }

    @Test
    void everyLineOfTheThirdPartyLogsIsAnEventOrAReasonedReject() throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(fortigateData())) {
            logs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs).isNotEmpty();
        int events = 0;
        for (Path log : logs) {
            for (String text : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n")) {
                if (decode(text) != null) {
                    events++;
                } else {
                    assertThat(parser.rejectReason()).as(text).doesNotStartWith("parser error");
                }
            }
        }
        // Every line of these files is a genuine FortiGate log.
        assertThat(events).isEqualTo(75 + 12 + 1);
    }

    @Test
    void thirdPartyLogsMapAsExpected() throws IOException {
        Path dir = fortigateData();
        List<String> lines = Files.readAllLines(dir.resolve("elastic-test-fortinet-7-6.log"));
        AuthEvent failed = decode(lines.get(0), AuthEvent.class);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failed.user()).isEqualTo("admin");
        assertThat(failed.source().ip()).isEqualTo("172.16.1.2");
        assertThat(failed.header().observer()).isEqualTo("FGVMEVVDEADBEEF00");
        assertThat(parser.line().framing()).isEqualTo(FortiGateLine.Framing.ISO_HOST);
        assertThat(parser.line().syslogHost()).isEqualTo("192.168.2.1");
        assertThat(decode(lines.get(1), AuthEvent.class).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(decode(lines.get(2), GenericEvent.class).fields()).containsEntry("cfgpath", "system.admin");
        assertThat(decode(lines.get(10), AuthEvent.class).outcome()).isEqualTo(Outcome.FAILURE);

        List<String> mixed = Files.readAllLines(dir.resolve("elastic-test-fortinet-7-4.log"));
        String rfc5424 = mixed.stream().filter(l -> l.startsWith("<165>1 ")).findFirst().orElseThrow();
        VendorAlertEvent web = decode(rfc5424, VendorAlertEvent.class);
        assertThat(web.category()).isEqualTo("webfilter");
        assertThat(web.header().observer()).isEqualTo("use2-dmz-fw02");
        assertThat(web.time()).isEqualTo(Instant.ofEpochSecond(1668408842, 876531561));
        assertThat(mixed.stream().map(this::decode).filter(DnsEvent.class::isInstance)).hasSize(2);
    }

    /** Elastic's pipeline output for the same lines: addresses, ports, outcome, observer and time must agree. */
    @Test
    void agreesWithElasticsExpectedDocuments() throws IOException {
        Path dir = fortigateData();
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (String name : List.of("elastic-test-fortinet-7-6.log-expected.json",
                "elastic-test-fortinet-fix.log-expected.json", "elastic-test-fortinet-unsanitized.log-expected.json")) {
            for (JsonNode doc : json.readTree(dir.resolve(name).toFile()).get("expected")) {
                String original = doc.path("event").path("original").asText();
                Event e = decode(original);
                assertThat(e).as(original).isNotNull();
                assertThat(e.header().observer()).isEqualTo(doc.path("observer").path("name").asText());
                // Elastic's @timestamp is date+time+tz; its event.start is eventtime, to the millisecond.
                Instant timestamp = OffsetDateTime.parse(doc.get("@timestamp").asText()).toInstant();
                assertThat(parser.line().dateTimeEpochNanos()).isEqualTo(timestamp.getEpochSecond() * 1_000_000_000L);
                Instant start = OffsetDateTime.parse(doc.path("event").path("start").asText()).toInstant();
                assertThat(Duration.between(start, e.time()).abs()).isLessThan(Duration.ofMillis(1));
                Endpoint[] ends = endpoints(e);
                if (ends != null && doc.has("source")) {
                    assertThat(ends[0].ip()).isEqualTo(doc.path("source").path("ip").asText());
                    assertThat(ends[0].port()).isEqualTo(doc.path("source").path("port").asInt(0));
                    assertThat(ends[1].ip()).isEqualTo(doc.path("destination").path("ip").asText());
                    assertThat(ends[1].port()).isEqualTo(doc.path("destination").path("port").asInt(0));
                }
                if (e instanceof AuthEvent auth && doc.path("event").has("outcome")) {
                    assertThat(auth.outcome().label()).isEqualTo(doc.path("event").path("outcome").asText());
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(12 + 1 + 2);
    }

    private static Endpoint[] endpoints(Event e) {
        return switch (e) {
            case ConnectionEvent c -> new Endpoint[] {c.source(), c.destination()};
            case VendorAlertEvent v -> new Endpoint[] {v.source(), v.destination()};
            case AuthEvent a -> new Endpoint[] {a.source(), a.target()};
            case DnsEvent d -> new Endpoint[] {d.client(), d.server()};
            default -> null;
        };
    }

    /** Wazuh's FortiGate ruleset tests: FortiOS 3 to 6 lines, each with the rule Wazuh assigns. */
    @Test
    void wazuhRulesetLinesMapToTheMatchingEventTypes() throws IOException {
        List<String> ini = Files.readAllLines(fortigateData().resolve("wazuh-fortigate.ini"));
        List<String> logs = new ArrayList<>();
        for (String text : ini) {
            if (text.startsWith("rule = ")) {
                String rule = text.substring(7).strip();
                for (String log : logs) {
                    Event e = decode(log);
                    assertThat(e).as("%s (reject: %s)", log, parser.rejectReason()).isNotNull();
                    switch (rule) {
                        case "81606" -> assertThat(e).isInstanceOfSatisfying(AuthEvent.class,
                                a -> assertThat(a.outcome()).isEqualTo(Outcome.FAILURE));
                        case "81614" -> assertThat(e).isInstanceOfSatisfying(AuthEvent.class,
                                a -> assertThat(a.outcome()).isEqualTo(Outcome.FAILURE));
                        case "81626", "81622" -> assertThat(e).isInstanceOfSatisfying(AuthEvent.class,
                                a -> assertThat(a.outcome()).isEqualTo(Outcome.SUCCESS));
                        case "81618" -> assertThat(e).isInstanceOf(ConnectionEvent.class);
                        case "81628", "81629", "81630", "81610", "81633", "81634", "81639", "81640", "81644" ->
                                assertThat(e).isInstanceOf(VendorAlertEvent.class);
                        default -> assertThat(e).isNotNull();
                    }
                }
                logs.clear();
            } else if (text.matches("log \\d+ pass = .*")) {
                logs.add(text.substring(text.indexOf(" = ") + 3));
            }
        }
    }

    @Test
    void theEventKeepsTheLineByteForByteEvenWithInvalidUtf8() {
        byte[] line = "date=2024-01-02 time=03:04:05 type=traffic subtype=forward srcip=10.0.0.1 junk=\"\u0001"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] withJunk = Arrays.copyOf(line, line.length + 3);
        withJunk[line.length] = (byte) 0xff;
        withJunk[line.length + 1] = (byte) 0xc3;
        withJunk[line.length + 2] = '"';
        Event event = new FortiGateParser().decode(withJunk, 0, withJunk.length, new EventId(1, 0));

        assertThat(event).isInstanceOf(ConnectionEvent.class);
        assertThat(event.header().raw()).isEqualTo(withJunk);
    }
}
