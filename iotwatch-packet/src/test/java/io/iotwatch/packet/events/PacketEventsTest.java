package io.iotwatch.packet.events;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.RST;
import static io.iotwatch.packet.testing.Frames.SYN;
import static io.iotwatch.packet.testing.Frames.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.ArpEvent;
import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.EventSources;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.dns.DnsMessage;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.flow.FlowTable;
import io.iotwatch.packet.testing.DnsWire;
import io.iotwatch.packet.testing.Frames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketEventsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final int CLIENT = ip("192.168.1.10");
    private static final int SERVER = ip("192.168.1.1");
    private static final int RESOLVER = ip("192.168.1.53");

    private final List<Event> events = new ArrayList<>();
    private final PacketEvents packetEvents = new PacketEvents(42, "test.pcap", events::add);
    private final FlowTable flows = new FlowTable(FlowConfig.defaults(), packetEvents, List.of());
    private final PacketDecoder decoder = new PacketDecoder();

    private void feed(byte[] frame, long time) {
        decoder.decode(frame, 0, frame.length, 1);
        flows.track(decoder, time, frame.length);
        packetEvents.packet(decoder, time, frame, 0, frame.length);
    }

    private void end() {
        flows.flush();
        packetEvents.finish();
    }

    private <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void anArpReplyBecomesAnArpEventWithItsAddresses() {
        feed(Frames.arp(2, 0x0025B3BF91EEL, ip("172.16.0.1"), 0x001122334455L, ip("172.16.0.107")), T0);
        end();
        ArpEvent arp = of(ArpEvent.class).getFirst();
        assertThat(arp.operation()).isEqualTo(ArpEvent.Operation.REPLY);
        assertThat(arp.senderIp()).isEqualTo("172.16.0.1");
        assertThat(arp.senderMac()).isEqualTo("00:25:b3:bf:91:ee");
        assertThat(arp.targetIp()).isEqualTo("172.16.0.107");
        assertThat(arp.targetMac()).isEqualTo("00:11:22:33:44:55");
        assertThat(arp.time()).isEqualTo(Instant.EPOCH.plusNanos(T0));
        assertThat(arp.header().source()).isEqualTo(EventSources.PACKET);
        assertThat(arp.header().observer()).isEqualTo("test.pcap");
        assertThat(arp.header().raw()).hasSize(60);
    }

    @Test
    void aDnsQueryAndItsResponseMakeOneEvent() {
        byte[] query = DnsWire.header(0x1234, DnsWire.QUERY, 1, 0, 0, 0).question("camera.example.com", 1).build();
        byte[] response = DnsWire.header(0x1234, DnsWire.RESPONSE, 1, 1, 0, 0).question("camera.example.com", 1)
                .pointer(12).record(1, new byte[] {(byte) 203, 0, 113, 7}).build();
        feed(Frames.udp(CLIENT, 53000, RESOLVER, 53, query, 64), T0);
        feed(Frames.udp(RESOLVER, 53, CLIENT, 53000, response, 64), T0 + SECOND / 50);
        end();
        DnsEvent dns = of(DnsEvent.class).getFirst();
        assertThat(of(DnsEvent.class)).hasSize(1);
        assertThat(dns.client().toString()).isEqualTo("192.168.1.10:53000");
        assertThat(dns.server().toString()).isEqualTo("192.168.1.53:53");
        assertThat(dns.queryName()).isEqualTo("camera.example.com");
        assertThat(dns.queryType()).isEqualTo("A");
        assertThat(dns.responseCode()).isEqualTo("NOERROR");
        assertThat(dns.answers()).containsExactly("203.0.113.7");
        assertThat(dns.time()).isEqualTo(Instant.EPOCH.plusNanos(T0));
    }

    @Test
    void anUnansweredQueryIsReportedAfterItsWaitAndAResponseWithoutQueryOnItsOwn() {
        byte[] query = DnsWire.header(7, DnsWire.QUERY, 1, 0, 0, 0).question("lost.example", 16).build();
        feed(Frames.udp(CLIENT, 53001, RESOLVER, 53, query, 64), T0);
        assertThat(of(DnsEvent.class)).isEmpty();
        // Any packet after the wait (5 s) reports it.
        feed(Frames.udp(CLIENT, 40000, SERVER, 9999, 1), T0 + 6 * SECOND);
        assertThat(of(DnsEvent.class)).singleElement().satisfies(d -> {
            assertThat(d.queryName()).isEqualTo("lost.example");
            assertThat(d.queryType()).isEqualTo("TXT");
            assertThat(d.responseCode()).isEmpty();
        });

        byte[] response = DnsWire.header(8, DnsWire.RESPONSE | 3, 1, 0, 0, 0).question("late.example", 1).build();
        feed(Frames.udp(RESOLVER, 53, CLIENT, 53002, response, 64), T0 + 7 * SECOND);
        end();
        assertThat(of(DnsEvent.class)).hasSize(2).last().satisfies(d -> {
            assertThat(d.client().toString()).isEqualTo("192.168.1.10:53002");
            assertThat(d.responseCode()).isEqualTo("NXDOMAIN");
        });
    }

    @Test
    void hostileBytesInANameAreEscapedAndUnparsablePayloadsCounted() {
        byte[] hostile = DnsWire.header(9, DnsWire.QUERY, 1, 0, 0, 0)
                .label(new byte[] {'a', '\n', 'b', '.', 0}).name("evil.example").u16(1).u16(1).build();
        feed(Frames.udp(CLIENT, 53003, RESOLVER, 53, hostile, 64), T0);
        feed(Frames.udp(CLIENT, 53004, RESOLVER, 53, new byte[] {1, 2, 3}, 64), T0);
        end();
        assertThat(of(DnsEvent.class)).singleElement()
                .satisfies(d -> assertThat(d.queryName()).isEqualTo("a\\010b\\046\\000.evil.example"));
        assertThat(packetEvents.dnsProblems()).containsEntry(DnsMessage.TOO_SHORT, 1L);
    }

    @Test
    void twoDnsMessagesInOneTcpSegmentGetTheirOwnIds() {
        byte[] first = DnsWire.header(1, DnsWire.QUERY, 1, 0, 0, 0).question("one.example", 1).build();
        byte[] second = DnsWire.header(2, DnsWire.QUERY, 1, 0, 0, 0).question("two.example", 1).build();
        feed(Frames.tcp(CLIENT, 41000, RESOLVER, 53, PSH | ACK, DnsWire.tcp(first, second), 64), T0);
        end();
        assertThat(of(DnsEvent.class)).extracting(DnsEvent::queryName).containsExactlyInAnyOrder("one.example", "two.example");
        assertThat(of(DnsEvent.class).stream().map(e -> e.header().id()).distinct()).hasSize(2);
    }

    @Test
    void aDnsMessageCutByItsTcpSegmentIsCounted() {
        byte[] whole = DnsWire.header(4, DnsWire.QUERY, 1, 0, 0, 0).question("cut.example", 1).build();
        byte[] framed = DnsWire.tcp(whole);
        byte[] cut = Arrays.copyOf(framed, framed.length - 5);
        feed(Frames.tcp(CLIENT, 41001, RESOLVER, 53, PSH | ACK, cut, 64), T0);
        end();
        assertThat(of(DnsEvent.class)).isEmpty();
        assertThat(packetEvents.dnsProblems()).containsEntry(PacketEvents.DNS_CUT_IN_TCP, 1L);
    }

    @Test
    void aFlowBecomesAConnectionWithItsCountsActionServiceAndCommunityId() {
        feed(Frames.tcp(CLIENT, 40000, SERVER, 80, SYN, 0), T0);
        feed(Frames.tcp(SERVER, 80, CLIENT, 40000, RST | ACK, 0), T0 + SECOND / 100);
        feed(Frames.udp(CLIENT, 50000, SERVER, 5683, 20), T0 + SECOND);
        feed(Frames.tcp(CLIENT, 40001, ip("198.51.100.9"), 443, SYN, 0), T0 + 2 * SECOND);
        end();
        List<ConnectionEvent> connections = of(ConnectionEvent.class);
        assertThat(connections).extracting(ConnectionEvent::action).containsExactly("server-rst", "timeout", "timeout");
        ConnectionEvent refused = connections.getFirst();
        assertThat(refused.protocol()).isEqualTo("tcp");
        assertThat(refused.source().toString()).isEqualTo("192.168.1.10:40000");
        assertThat(refused.destination().toString()).isEqualTo("192.168.1.1:80");
        assertThat(refused.service()).isEqualTo("http");
        assertThat(refused.packetsOut()).isEqualTo(1);
        assertThat(refused.packetsIn()).isEqualTo(1);
        assertThat(refused.bytesOut()).isEqualTo(54);
        assertThat(refused.duration()).isEqualTo(Duration.ofMillis(10));
        assertThat(refused.tcpFlags()).isEqualTo(SYN | RST | ACK);
        assertThat(refused.communityId().text()).startsWith("1:").hasSize(30);
        ConnectionEvent coap = connections.stream().filter(c -> c.destination().port() == 5683).findFirst().orElseThrow();
        assertThat(coap.service()).isEqualTo("coap");
        assertThat(coap.packetsIn()).isZero();
    }

    @Test
    void shortSshSessionsAreFailedLoginsAndALongOneASessionThatGotIn() {
        sshSession(40000, T0, 4 * SECOND, 3_000);
        sshSession(40001, T0 + 10 * SECOND, 120 * SECOND, 50_000);
        sshSession(40002, T0 + 200 * SECOND, 45 * SECOND, 3_000);
        feed(Frames.tcp(CLIENT, 40003, SERVER, 22, SYN, 0), T0 + 300 * SECOND);
        end();
        assertThat(of(AuthEvent.class)).extracting(AuthEvent::outcome)
                .containsExactly(Outcome.FAILURE, Outcome.SUCCESS, Outcome.UNKNOWN);
        AuthEvent failure = of(AuthEvent.class).getFirst();
        assertThat(failure.service()).isEqualTo("ssh");
        assertThat(failure.method()).isEqualTo("connection");
        assertThat(failure.source().ip()).isEqualTo("192.168.1.10");
        assertThat(failure.target().toString()).isEqualTo("192.168.1.1:22");
        assertThat(failure.reason()).isEqualTo("inferred: no session after the login, 4.0 s and 3000 bytes from the server");
    }

    private void sshSession(int port, long start, long length, int reply) {
        feed(Frames.tcp(CLIENT, port, SERVER, 22, SYN, 0), start);
        feed(Frames.tcp(SERVER, 22, CLIENT, port, SYN | ACK, 0), start + 1);
        feed(Frames.tcp(CLIENT, port, SERVER, 22, PSH | ACK, 500), start + 2);
        feed(Frames.tcp(SERVER, 22, CLIENT, port, PSH | ACK, reply), start + 3);
        feed(Frames.tcp(CLIENT, port, SERVER, 22, FIN | ACK, 0), start + length);
        feed(Frames.tcp(SERVER, 22, CLIENT, port, FIN | ACK, 0), start + length + 1);
    }

    @Test
    void eventsAreNumberedInTheOrderTheyComeOut() {
        byte[] query = DnsWire.header(3, DnsWire.QUERY, 1, 0, 0, 0).question("x.example", 1).build();
        feed(Frames.udp(CLIENT, 53005, RESOLVER, 53, query, 64), T0);
        sshSession(40010, T0 + SECOND, 2 * SECOND, 2_000);
        feed(Frames.arp(CLIENT, SERVER), T0 + 5 * SECOND);
        end();
        // Ascending in the order they come out, as the store needs them.
        assertThat(events).extracting(e -> e.header().id())
                .containsExactly(new EventId(42, 0), new EventId(42, 1), new EventId(42, 2), new EventId(42, 3),
                        new EventId(42, 4));
    }
}
