package io.iotwatch.logs.fortigate;

import io.iotwatch.core.event.AuthEvent;
import io.iotwatch.core.event.ConnectionEvent;
import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Endpoint;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventHeader;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.GenericEvent;
import io.iotwatch.core.event.Outcome;
import io.iotwatch.core.event.VendorAlertEvent;
import io.iotwatch.logs.RecordDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns FortiGate log lines into normalized events. Not thread-safe: one per thread, reused.
 *
 * <p>Every event has source {@value #SOURCE}, the time {@link FortiGateLine#epochNanos()} gives, the
 * {@code devname} (or else the syslog host) as observer and the whole line as raw text. The mapping:
 * <ul>
 *   <li>{@code type=traffic}: {@link ConnectionEvent} (the key names of FortiOS 3/4, {@code src dst src_port
 *       dst_port sent rcvd status}, stand in when the current ones are absent);
 *   <li>{@code type=utm subtype=dns}, or {@code type=dns} (FortiOS 6.0): {@link DnsEvent};
 *   <li>{@code subtype} ips, anomaly, virus, webfilter or app-ctrl under {@code type=utm} (or under a
 *       {@code type} of the same name, as FortiOS 5 wrote it): {@link VendorAlertEvent};
 *   <li>{@code type=event} authentication attempts: admin logins ({@code subtype=system action=login}),
 *       firewall user authentication ({@code subtype=user action=authentication}) and VPN logins
 *       ({@code subtype=vpn} with action ssl-login-fail, tunnel-up or negotiate): {@link AuthEvent};
 *   <li>anything else: {@link GenericEvent} of kind {@code type/subtype} (just {@code type} when there is no
 *       subtype) with every pair in order; a key written twice keeps its first value there, as
 *       {@link FortiGateLine#get} does, while the raw line keeps both.
 * </ul>
 * Numbers that do not parse count as 0 and absent text as empty; they never reject a line. Ports outside
 * 0..65535 count as 0, negative counters as 0. A line is rejected when {@link FortiGateLine#scan} rejects
 * it or when it carries no time at all.
 */
public final class FortiGateParser implements RecordDecoder {

    /** The {@link EventHeader#source()} of every event this parser makes. */
    public static final String SOURCE = "fortigate";

    private static final long NANOS = 1_000_000_000L;
    private static final String[] PROTOCOLS = new String[256];
    private static final String[] RESPONSE_CODES = {
        "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET",
        "NOTAUTH", "NOTZONE"
    };
    private static final String[] ALERT_CATEGORIES = {"ips", "anomaly", "virus", "webfilter", "app-ctrl"};
    private static final String[] VPN_LOGIN_ACTIONS = {"ssl-login-fail", "tunnel-up", "negotiate"};

    static {
        for (int i = 0; i < PROTOCOLS.length; i++) {
            PROTOCOLS[i] = Integer.toString(i);
        }
        PROTOCOLS[1] = "icmp";
        PROTOCOLS[6] = "tcp";
        PROTOCOLS[17] = "udp";
        PROTOCOLS[58] = "icmp6";
    }

    private final FortiGateLine line;
    private final StringCache words = new StringCache(4096, 64);
    private String rejectReason = "";

    /** A parser whose RFC 3164 prefix times (which have no year) take it from the system clock. */
    public FortiGateParser() {
        this(Clock.systemUTC());
    }

    /** A parser whose RFC 3164 prefix times (which have no year) take it from this clock. */
    public FortiGateParser(Clock clock) {
        this.line = new FortiGateLine(clock);
    }

    /**
     * Parses one line (without its terminator). Returns null when the line is rejected, with
     * {@link #rejectReason()} saying why. Never throws on any input.
     */
    @Override
    public Event decode(byte[] buf, int off, int len, EventId id) {
        rejectReason = "";
        try {
            if (!line.scan(buf, off, len)) {
                rejectReason = line.rejectReason();
                return null;
            }
            long nanos = line.epochNanos();
            if (nanos == Long.MIN_VALUE) {
                rejectReason = "no time: the line has no valid eventtime, date and time, or syslog timestamp";
                return null;
            }
            Instant time = Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
            return map(new EventHeader(id, time, SOURCE, observer(), line.rawBytes()));
        } catch (RuntimeException e) {
            // The scanner is meant to accept any bytes; should it ever fail, one line is lost, not the stream.
            rejectReason = "parser error (please report this line): " + e;
            return null;
        }
    }

    @Override
    public String rejectReason() {
        return rejectReason;
    }

    /** The line scanned by the last {@link #decode}, valid until the next call. */
    public FortiGateLine line() {
        return line;
    }

    private Event map(EventHeader header) {
        int type = line.indexOf("type");
        int subtype = line.indexOf("subtype");
        if (line.valueEquals(type, "traffic")) {
            return connection(header);
        }
        if ((line.valueEquals(type, "utm") && line.valueEquals(subtype, "dns")) || line.valueEquals(type, "dns")) {
            return dns(header);
        }
        String category = alertCategory(type, subtype);
        if (category != null) {
            return alert(header, category);
        }
        if (line.valueEquals(type, "event")) {
            Event auth = auth(header, subtype);
            if (auth != null) {
                return auth;
            }
        }
        return generic(header, type, subtype);
    }

    private ConnectionEvent connection(EventHeader header) {
        return new ConnectionEvent(
                header,
                protocol(),
                endpoint(either("srcip", "src"), either("srcport", "src_port")),
                endpoint(either("dstip", "dst"), either("dstport", "dst_port")),
                count(either("sentbyte", "sent")),
                count(either("rcvdbyte", "rcvd")),
                count(line.indexOf("sentpkt")),
                count(line.indexOf("rcvdpkt")),
                Duration.ofSeconds(count(line.indexOf("duration"))),
                word(either("action", "status")),
                word(line.indexOf("policyid")),
                word(line.indexOf("service")),
                word(line.indexOf("app")),
                0);
    }

    private DnsEvent dns(EventHeader header) {
        int qtype = line.indexOf("qtype");
        return new DnsEvent(
                header,
                endpoint(line.indexOf("srcip"), line.indexOf("srcport")),
                endpoint(line.indexOf("dstip"), line.indexOf("dstport")),
                text(line.indexOf("qname")),
                word(qtype >= 0 ? qtype : line.indexOf("qtypeval")),
                responseCode(),
                answers());
    }

    /** The rcode FortiOS 7.6 logs, by name, or empty. */
    private String responseCode() {
        int i = line.indexOf("rcode");
        long code = line.longValue(i, -1);
        return code >= 0 && code < RESPONSE_CODES.length ? RESPONSE_CODES[(int) code] : word(i);
    }

    /** {@code ipaddr="203.0.113.80, 203.0.113.81"}: the addresses in the answer section. */
    private List<String> answers() {
        String addresses = line.get("ipaddr");
        if (addresses == null || addresses.isBlank()) {
            return List.of();
        }
        List<String> answers = new ArrayList<>(2);
        for (String address : addresses.split(",")) {
            String trimmed = address.strip();
            if (!trimmed.isEmpty()) {
                answers.add(trimmed);
            }
        }
        return answers;
    }

    /** The alert category when this is an alert FortiGate raised itself, else null. */
    private String alertCategory(int type, int subtype) {
        for (String category : ALERT_CATEGORIES) {
            if (line.valueEquals(subtype, category)) {
                return line.valueEquals(type, "utm") || line.valueEquals(type, category) ? category : null;
            }
        }
        return null;
    }

    private VendorAlertEvent alert(EventHeader header, String category) {
        String signatureKey = switch (category) {
            case "virus" -> "virus";
            case "webfilter" -> "catdesc";
            case "app-ctrl" -> "app";
            default -> "attack";
        };
        int severity = line.indexOf("severity");
        if (line.valueLength(severity) <= 0) {
            severity = line.indexOf("crlevel");
        }
        if (line.valueLength(severity) <= 0) {
            severity = line.indexOf("level");
        }
        return new VendorAlertEvent(
                header,
                category,
                word(line.indexOf(signatureKey)),
                word(severity),
                word(line.indexOf("action")),
                protocol(),
                endpoint(line.indexOf("srcip"), line.indexOf("srcport")),
                endpoint(line.indexOf("dstip"), line.indexOf("dstport")),
                text(line.indexOf("msg")));
    }

    /** An authentication attempt logged under {@code type=event}, or null when this is none. */
    private AuthEvent auth(EventHeader header, int subtype) {
        if (line.valueEquals(subtype, "system") && line.is("action", "login")) {
            return userLogin(header, "ui");
        }
        if (line.valueEquals(subtype, "user") && line.is("action", "authentication")) {
            return userLogin(header, "authproto");
        }
        if (line.valueEquals(subtype, "vpn") && isVpnLogin()) {
            return vpnLogin(header);
        }
        return null;
    }

    /**
     * Admin and firewall-user logins: the access key ({@code ui="ssh(198.51.100.23)"}) names the service
     * and, when {@code srcip} is absent, the source address.
     */
    private AuthEvent userLogin(EventHeader header, String accessKey) {
        String access = line.get(accessKey);
        String service = "";
        String accessIp = "";
        if (access != null) {
            int open = access.indexOf('(');
            int close = access.indexOf(')', open + 1);
            service = (open < 0 ? access : access.substring(0, open)).toLowerCase(Locale.ROOT);
            accessIp = open >= 0 && close > open ? access.substring(open + 1, close) : "";
        }
        int srcip = line.indexOf("srcip");
        Endpoint source = srcip >= 0 ? endpoint(srcip, -1) : new Endpoint(accessIp, 0);
        String method = line.get("method");
        return new AuthEvent(
                header,
                source,
                endpoint(line.indexOf("dstip"), -1),
                meaningful("user"),
                service,
                method == null || method.isEmpty() ? service : method,
                outcome(),
                reason());
    }

    private boolean isVpnLogin() {
        int action = line.indexOf("action");
        for (String login : VPN_LOGIN_ACTIONS) {
            if (line.valueEquals(action, login)) {
                return true;
            }
        }
        return false;
    }

    /** VPN logins: the user is the XAUTH or EAP user when the log names one, the peer is the remote side. */
    private AuthEvent vpnLogin(EventHeader header) {
        String user = meaningful("xauthuser");
        if (user.isEmpty()) {
            user = meaningful("eapuser");
        }
        if (user.isEmpty()) {
            user = meaningful("user");
        }
        String method = meaningful("tunneltype");
        if (method.isEmpty() && line.is("action", "negotiate")) {
            method = "ipsec";
        }
        return new AuthEvent(
                header,
                endpoint(line.indexOf("remip"), line.indexOf("remport")),
                endpoint(line.indexOf("locip"), line.indexOf("locport")),
                user,
                "vpn",
                method,
                outcome(),
                reason());
    }

    /** From {@code status} (success, failed, failure), else from an action that says so. */
    private Outcome outcome() {
        int status = line.indexOf("status");
        if (line.valueEquals(status, "success")) {
            return Outcome.SUCCESS;
        }
        if (line.valueEquals(status, "failed") || line.valueEquals(status, "failure")) {
            return Outcome.FAILURE;
        }
        String action = line.get("action");
        if (action != null && action.contains("fail")) {
            return Outcome.FAILURE;
        }
        return "tunnel-up".equals(action) ? Outcome.SUCCESS : Outcome.UNKNOWN;
    }

    private String reason() {
        String reason = meaningful("reason");
        return reason.isEmpty() ? meaningful("result") : reason;
    }

    /** The value, or empty when absent or one of FortiOS's placeholders ("N/A", "none"). */
    private String meaningful(String key) {
        int i = line.indexOf(key);
        return line.valueEquals(i, "N/A") || line.valueEquals(i, "none") ? "" : text(i);
    }

    private GenericEvent generic(EventHeader header, int type, int subtype) {
        String kind = line.valueLength(subtype) > 0 ? word(type) + "/" + word(subtype) : word(type);
        Map<String, String> fields = new LinkedHashMap<>(line.size() * 2);
        byte[] buf = line.buffer();
        for (int i = 0; i < line.size(); i++) {
            fields.putIfAbsent(words.get(buf, line.keyOffset(i), line.keyLength(i)), line.value(i));
        }
        return new GenericEvent(header, kind, fields);
    }

    // ---------------------------------------------------------------- field helpers

    private String observer() {
        String devname = word(line.indexOf("devname"));
        return devname.isEmpty() ? line.syslogHost() : devname;
    }

    /** Index of the key, or of the older key that meant the same when the key is absent. */
    private int either(String key, String olderKey) {
        int i = line.indexOf(key);
        return i >= 0 ? i : line.indexOf(olderKey);
    }

    /** {@code proto} by name for the common transports, else its number as text; empty when absent. */
    private String protocol() {
        int i = line.indexOf("proto");
        if (i < 0) {
            return "";
        }
        long number = line.longValue(i, -1);
        return number >= 0 && number < PROTOCOLS.length ? PROTOCOLS[(int) number] : word(i);
    }

    private Endpoint endpoint(int ip, int port) {
        if (ip < 0 && port < 0) {
            return Endpoint.UNKNOWN;
        }
        return new Endpoint(text(ip), port(port));
    }

    private int port(int i) {
        long port = line.longValue(i, 0);
        return port >= 0 && port <= 65535 ? (int) port : 0;
    }

    private long count(int i) {
        return Math.max(0, line.longValue(i, 0));
    }

    /** A value from a small vocabulary (actions, services, levels), cached; empty when absent. */
    private String word(int i) {
        return i < 0 ? "" : words.get(line.buffer(), line.valueOffset(i), line.valueLength(i));
    }

    /** A value that is rarely repeated (addresses, names, messages); empty when absent. */
    private String text(int i) {
        return i < 0 ? "" : line.value(i);
    }
}
