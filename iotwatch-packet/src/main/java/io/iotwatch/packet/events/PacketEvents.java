package io.iotwatch.packet.events;

import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;

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
import io.iotwatch.core.event.EventSources;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.packet.decode.Ipv4Texts;
import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.dns.DnsMessage;
import io.iotwatch.packet.dns.DnsTcpFrames;
import io.iotwatch.packet.features.RowClassifier;
import io.iotwatch.packet.flow.FlowEnd;
import io.iotwatch.packet.flow.FlowEndListener;
import io.iotwatch.packet.flow.FlowTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns packets and flows into the normalized events the detectors read: a connection for every flow that
 * ends, an ARP event for every ARP packet, a DNS event for every DNS query (with its response when one is
 * seen within {@link #DNS_ANSWER_WAIT}), and a login attempt for every session to a login service.
 *
 * <p>Event ids: the stream is the capture's, the position is the event's number in the order this class
 * hands events on. The store keeps a stream's events in blocks of ascending positions, and events of packets
 * come out of order of their packets (a connection when its flow ends, long after its first packet), so the
 * order of emission is the position. It is the same for the same capture and flow settings, so ingesting
 * a capture again stores nothing twice.
 *
 * <p>Login attempts are inferred from the connection, as Zeek infers SSH guessing: a session to SSH, telnet,
 * FTP, RDP or VNC that the server accepted and that ended within {@link #FAILED_LOGIN_MAX} having sent
 * less than {@link #FAILED_LOGIN_MAX_REPLY} bytes back is taken as a failed login (a password prompt and a
 * refusal, no shell); one longer than {@link #SESSION_MIN} or with more than {@link #SESSION_MIN_REPLY}
 * bytes back as a login that worked; anything between as unknown. A script that logs in, runs one command
 * and leaves looks like a failure: many of them from one client read as guessing.
 */
public final class PacketEvents implements FlowEndListener {

    static final Duration FAILED_LOGIN_MAX = Duration.ofSeconds(30);
    static final long FAILED_LOGIN_MAX_REPLY = 20_000;
    static final Duration SESSION_MIN = Duration.ofSeconds(60);
    static final long SESSION_MIN_REPLY = 64_000;
    /** How long a query waits for its response before it is reported unanswered (resolvers give up sooner). */
    static final Duration DNS_ANSWER_WAIT = Duration.ofSeconds(5);
    /** Queries waiting for a response at once; beyond it the oldest is reported unanswered. */
    static final int MAX_PENDING_QUERIES = 65_536;
    private static final int DNS_PORT = 53;
    static final String DNS_CUT_IN_TCP = "DNS message continues past its TCP segment (streams are not reassembled)";

    private static final int TCP_SYN = 0x02;

    private final long stream;
    private final String observer;
    private final Consumer<Event> out;
    private final DnsMessage dns = new DnsMessage();
    private final Ipv4Texts ipv4Texts = new Ipv4Texts();
    private final DnsTcpFrames tcpFrames = new DnsTcpFrames();
    private final LinkedHashMap<QueryKey, PendingQuery> pending = new LinkedHashMap<>();
    private final Map<String, Long> dnsProblems = new TreeMap<>();
    private long sequence;

    /**
     * @param stream   the capture's stream id (see {@link EventId})
     * @param observer what saw the packets: the capture file's name or the interface
     * @param out      where events go, on the packet thread
     */
    public PacketEvents(long stream, String observer, Consumer<Event> out) {
        this.stream = stream;
        this.observer = observer;
        this.out = out;
    }

    /**
     * Events of one packet on its own: ARP and DNS. {@code buffer} holds the packet, which is read here and
     * not kept.
     */
    public void packet(PacketDecoder p, long timeNanos, byte[] buffer, int offset, int length) {
        expireQueries(timeNanos);
        if (p.arp()) {
            arp(p, timeNanos, buffer, offset, length);
        } else if (p.sourcePort() == DNS_PORT || p.destinationPort() == DNS_PORT) {
            if (p.transportProtocol() == IP_UDP) {
                dns(p, timeNanos, buffer, p.payloadOffset(), p.payloadLength());
            } else if (p.transportProtocol() == IP_TCP && p.payloadLength() > 0) {
                tcpFrames.reset(buffer, p.payloadOffset(), p.payloadLength());
                while (tcpFrames.next()) {
                    dns(p, timeNanos, buffer, tcpFrames.messageOffset(), tcpFrames.messageLength());
                }
                if (tcpFrames.incomplete()) {
                    dnsProblems.merge(DNS_CUT_IN_TCP, 1L, Long::sum);
                }
            }
        }
    }

    /** Reports the queries still waiting for a response, as at the end of the input. */
    public void finish() {
        while (!pending.isEmpty()) {
            emitQuery(pending.pollFirstEntry().getValue(), null);
        }
    }

    /**
     * DNS payloads that were not read, by reason: the parser's reasons, and messages that continue in a TCP
     * segment not yet seen (TCP streams are not reassembled).
     */
    public Map<String, Long> dnsProblems() {
        return Map.copyOf(dnsProblems);
    }

    private void arp(PacketDecoder p, long timeNanos, byte[] buffer, int offset, int length) {
        ArpEvent.Operation operation = switch (p.arpOperation()) {
            case 1 -> ArpEvent.Operation.REQUEST;
            case 2 -> ArpEvent.Operation.REPLY;
            default -> ArpEvent.Operation.OTHER;
        };
        out.accept(new ArpEvent(header(timeNanos, Arrays.copyOfRange(buffer, offset,
                offset + length)), operation, ipv4Texts.text(p.arpSenderIp()),
                PacketDecoder.macToString(p.arpSenderMac()), ipv4Texts.text(p.arpTargetIp()),
                PacketDecoder.macToString(p.arpTargetMac()),
                p.sourceMac() == 0 ? "" : PacketDecoder.macToString(p.sourceMac())));
    }

    private void dns(PacketDecoder p, long timeNanos, byte[] buffer, int offset, int length) {
        boolean parsed = dns.parse(buffer, offset, length);
        if (!parsed) {
            dnsProblems.merge(dns.problem(), 1L, Long::sum);
        }
        if (!dns.hasQuestion()) {
            return;
        }
        Endpoint source = new Endpoint(ipSource(p), p.sourcePort());
        Endpoint destination = new Endpoint(ipDestination(p), p.destinationPort());
        if (!dns.response()) {
            QueryKey key = new QueryKey(source, destination, dns.id(), dns.queryName());
            PendingQuery earlier = pending.remove(key);
            if (earlier != null) {
                emitQuery(earlier, null);
            }
            if (pending.size() >= MAX_PENDING_QUERIES) {
                emitQuery(pending.pollFirstEntry().getValue(), null);
            }
            pending.put(key, new PendingQuery(timeNanos, source, destination, dns.queryName(),
                    dns.queryTypeName()));
            return;
        }
        PendingQuery query = pending.remove(new QueryKey(destination, source, dns.id(), dns.queryName()));
        if (query == null) {
            // The query was not seen (the capture began after it): the response names it.
            query = new PendingQuery(timeNanos, destination, source, dns.queryName(),
                    dns.queryTypeName());
        }
        List<String> answers = new ArrayList<>(Math.min(dns.answerCount(), DnsMessage.MAX_ANSWERS));
        for (int i = 0; i < dns.answerCount(); i++) {
            answers.add(dns.answerText(i));
        }
        emitQuery(query, new Response(dns.responseCodeName(), answers));
    }

    private void expireQueries(long timeNanos) {
        PendingQuery oldest;
        while (!pending.isEmpty()
                && timeNanos - (oldest = pending.firstEntry().getValue()).timeNanos() > DNS_ANSWER_WAIT.toNanos()) {
            pending.pollFirstEntry();
            emitQuery(oldest, null);
        }
    }

    private void emitQuery(PendingQuery query, Response response) {
        out.accept(new DnsEvent(header(query.timeNanos(), null), query.client(),
                query.server(), query.name(), query.type(), response == null ? "" : response.code(),
                response == null ? List.of() : response.answers()));
    }

    private record QueryKey(Endpoint client, Endpoint server, int id, String name) {}

    private record PendingQuery(long timeNanos, Endpoint client, Endpoint server, String name,
            String type) {}

    private record Response(String code, List<String> answers) {}

    private String ipSource(PacketDecoder p) {
        return p.ipVersion() == 6 ? PacketDecoder.ipv6ToString(p.ipv6SourceHi(), p.ipv6SourceLo())
                : ipv4Texts.text(p.ipv4Source());
    }

    private String ipDestination(PacketDecoder p) {
        return p.ipVersion() == 6 ? PacketDecoder.ipv6ToString(p.ipv6DestinationHi(), p.ipv6DestinationLo())
                : ipv4Texts.text(p.ipv4Destination());
    }

    @Override
    public void flowEnded(FlowTable flows, int slot, FlowEnd reason) {
        int proto = flows.protocol(slot);
        String protocol = protocolName(proto);
        boolean hasPorts = proto == IP_TCP || proto == IP_UDP;
        Endpoint source = new Endpoint(flows.initiatorAddress(slot), hasPorts ? flows.initiatorPort(slot) : 0);
        Endpoint destination = new Endpoint(flows.responderAddress(slot), hasPorts ? flows.responderPort(slot) : 0);
        Duration duration = Duration.ofNanos(Math.max(0, flows.lastNanos(slot) - flows.firstNanos(slot)));
        String service = hasPorts ? Services.name(protocol, destination.port()) : "";
        out.accept(new ConnectionEvent(header(flows.firstNanos(slot), null), protocol,
                source, destination, flows.bytesOut(slot), flows.bytesIn(slot), flows.packetsOut(slot),
                flows.packetsIn(slot), duration, action(flows, slot, proto), "", service, "",
                flows.flagsOut(slot) | flows.flagsIn(slot), flows.communityId(slot)));
        if (proto == IP_TCP && Services.isLogin(service) && flows.handshakeAnswered(slot)
                && (flows.flagsOut(slot) & TCP_SYN) != 0 && flows.payloadOut(slot) > 0) {
            out.accept(login(flows, slot, source, destination, service, duration));
        }
    }

    /**
     * A model's verdict on a row: on the flow in {@code slot}, or, with {@code flows} null, on a window of mixed
     * traffic from {@code startNanos} to {@code endNanos}.
     */
    public void classified(RowClassifier model, int attackClass, FlowTable flows, int slot, long startNanos,
            long endNanos) {
        Duration duration = Duration.ofNanos(Math.max(0, endNanos - startNanos));
        String name = model.className(attackClass);
        String group = model.group(attackClass);
        if (flows == null) {
            out.accept(new ClassificationEvent(header(startNanos, null), model.model(), name, group,
                    model.confidence(), "", Endpoint.UNKNOWN, Endpoint.UNKNOWN, duration, CommunityId.NONE));
            return;
        }
        int proto = flows.protocol(slot);
        boolean hasPorts = proto == IP_TCP || proto == IP_UDP;
        out.accept(new ClassificationEvent(header(startNanos, null), model.model(), name, group, model.confidence(),
                protocolName(proto), new Endpoint(flows.initiatorAddress(slot), hasPorts ? flows.initiatorPort(slot) : 0),
                new Endpoint(flows.responderAddress(slot), hasPorts ? flows.responderPort(slot) : 0), duration,
                flows.communityId(slot)));
    }

    private AuthEvent login(FlowTable flows, int slot, Endpoint client, Endpoint server,
            String service, Duration duration) {
        long reply = flows.payloadIn(slot);
        Outcome outcome;
        String reason;
        if (duration.compareTo(SESSION_MIN) > 0 || reply > SESSION_MIN_REPLY) {
            outcome = Outcome.SUCCESS;
            reason = "inferred: a session of ";
        } else if (duration.compareTo(FAILED_LOGIN_MAX) <= 0 && reply < FAILED_LOGIN_MAX_REPLY) {
            outcome = Outcome.FAILURE;
            reason = "inferred: no session after the login, ";
        } else {
            outcome = Outcome.UNKNOWN;
            reason = "inferred: neither a refusal nor a session, ";
        }
        reason += String.format(Locale.ROOT, "%.1f s and %d bytes from the server", duration.toMillis() / 1000.0, reply);
        return new AuthEvent(header(flows.firstNanos(slot), null), client, server, "", service,
                "connection", outcome, reason);
    }

    /** Named as firewall logs name a connection's end, so the detectors read packets and logs alike. */
    private static String action(FlowTable flows, int slot, int proto) {
        if (proto == IP_TCP) {
            if (flows.resetByResponder(slot)) {
                return "server-rst";
            }
            if (flows.resetByInitiator(slot)) {
                return "client-rst";
            }
            if (flows.closedByBoth(slot)) {
                return "close";
            }
        }
        return flows.packetsIn(slot) == 0 ? "timeout" : "accept";
    }

    private static String protocolName(int proto) {
        return switch (proto) {
            case IP_TCP -> "tcp";
            case IP_UDP -> "udp";
            case IP_ICMP -> "icmp";
            case IP_ICMPV6 -> "icmp6";
            default -> Integer.toString(proto);
        };
    }

    private EventHeader header(long timeNanos, byte[] raw) {
        return new EventHeader(new EventId(stream, sequence++), Instant.EPOCH.plusNanos(timeNanos),
                EventSources.PACKET, observer, raw);
    }
}
