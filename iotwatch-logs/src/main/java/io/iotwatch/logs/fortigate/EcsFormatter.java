package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a scanned FortiGate line as one Elastic Common Schema document, with the field names, value
 * types and derivations of Elastic's Fortinet FortiGate integration ({@code fortinet_fortigate},
 * data stream {@code log}), so that iotwatch output can go where that integration's output goes.
 *
 * <p>Like the integration it treats an empty or {@code N/A} value as absent. The document holds
 * {@code event.original}, the line as received. Where it departs from the integration, on purpose:
 * <ul>
 *   <li>every key of the line stays under {@code fortinet.firewall.*}, also those mapped to ECS fields
 *       (the integration moves them), so that nothing the device logged is lost;</li>
 *   <li>no {@code geo} or {@code as} enrichment, no {@code tls}, {@code email} addresses or
 *       {@code dns.question.registered_domain} (they need databases or lists iotwatch does not ship);</li>
 *   <li>a quoted value ends at its closing quote (the integration keeps text glued after it);</li>
 *   <li>{@code sess_duration} is scaled to nanoseconds like {@code duration} (the integration copies the
 *       seconds into {@code event.duration} unscaled);</li>
 *   <li>a login message's outcome word other than a success or failure is not copied to
 *       {@code event.outcome}, which ECS restricts to success, failure and unknown.</li>
 * </ul>
 */
public final class EcsFormatter {
    /** The ECS version the integration's current pipeline declares. */
    static final String ECS_VERSION = "8.17.0";

    private EcsFormatter() {}

    /** Appends the document for the line last scanned, as one JSON object without a line break. */
    public static void append(FortiGateLine line, StringBuilder out) {
        LogKind kind = LogKind.of(line);
        String message = Values.text(line, "msg");
        EcsLogin login = EcsLogin.of(line, message);
        EcsEndpoints endpoints = EcsEndpoints.of(line, kind);
        EcsUser user = login == null ? null : applyLogin(line, login, endpoints);
        int offsetSeconds = line.offset().getTotalSeconds();
        String direction = NetworkDirection.of(line, endpoints.source.ip, endpoints.destination.ip);

        JsonWriter w = new JsonWriter(out).beginObject();
        long timestamp = line.dateTimeEpochNanos();
        if (timestamp == Values.NONE) {
            timestamp = line.epochNanos();
        }
        if (timestamp != Values.NONE) {
            EcsTime.write(w, "@timestamp", timestamp, offsetSeconds);
        }
        w.beginObject("ecs").field("version", ECS_VERSION).endObject();
        EcsEvent.write(w, line, kind, login, offsetSeconds);
        log(w, line, login);
        w.fieldIfNotEmpty("message", message);
        observer(w, line, direction);
        endpoints.write(w);
        network(w, line, kind, endpoints, direction);
        EcsUrl.write(w, line, kind);
        EcsDetails.write(w, line, kind);
        if (user != null) {
            user.write(w);
        }
        related(w, line, kind, endpoints);
        FortinetFields.write(w, line);
        w.endObject();
    }

    /** The login pipeline's additions: the admin profile and stated role, the user, the stated client. */
    private static EcsUser applyLogin(FortiGateLine line, EcsLogin login, EcsEndpoints endpoints) {
        EcsUser sourceUser = endpoints.sourceUser;
        sourceUser.addRole(Values.text(line, "adminprof"));
        sourceUser.addRole(login.role);
        if (login.sourceIp != null) {
            endpoints.source.ip = login.sourceIp;
        }
        if (login.sourcePort != Values.NONE) {
            endpoints.source.port = login.sourcePort;
        }
        EcsUser user = new EcsUser();
        user.name = login.userName != null ? login.userName : sourceUser.name;
        sourceUser.roles.forEach(user::addRole);
        return user;
    }

    private static void log(JsonWriter w, FortiGateLine line, EcsLogin login) {
        String level = login != null && Values.present(line, "pri") ? Values.text(line, "pri") : Values.text(line, "level");
        w.beginOptionalObject("log").fieldIfNotEmpty("level", level);
        int priority = line.priority();
        if (priority >= 0) {
            w.beginObject("syslog")
                    .field("priority", priority)
                    .beginObject("facility").field("code", priority >> 3).endObject()
                    .beginObject("severity").field("code", priority & 7).endObject()
                    .endObject();
        }
        w.endObject();
    }

    private static void observer(JsonWriter w, FortiGateLine line, String direction) {
        String name = Values.text(line, "devname");
        if (name == null && !line.syslogHost().isEmpty()) {
            name = line.syslogHost();
        }
        String ingress = Values.first(line, "srcintf", "src_int");
        String egress = Values.first(line, "dstintf", "dst_int");
        // A log about one interface names it "interface"; the direction tells which side it is.
        String single = Values.text(line, "interface");
        boolean towardsUs = "ingress".equals(direction) || "inbound".equals(direction) || "internal".equals(direction);
        boolean awayFromUs = "egress".equals(direction) || "outbound".equals(direction) || "external".equals(direction);
        if (ingress == null && towardsUs) {
            ingress = single;
        } else if (egress == null && awayFromUs) {
            egress = single;
        }
        w.beginObject("observer")
                .fieldIfNotEmpty("name", name)
                .fieldIfNotEmpty("serial_number", Values.text(line, "devid"))
                .field("vendor", "Fortinet")
                .field("product", "Fortigate")
                .field("type", "firewall")
                .beginOptionalObject("ingress").beginOptionalObject("interface")
                .fieldIfNotEmpty("name", ingress).endObject().endObject()
                .beginOptionalObject("egress").beginOptionalObject("interface")
                .fieldIfNotEmpty("name", egress).endObject().endObject()
                .endObject();
    }

    private static void network(JsonWriter w, FortiGateLine line, LogKind kind, EcsEndpoints endpoints, String direction) {
        String protocolNumber = kind == LogKind.OTHER ? null : Values.text(line, "proto");
        String service = kind == LogKind.OTHER ? null : Values.text(line, "service");
        w.beginOptionalObject("network")
                .fieldIfNotEmpty("iana_number", protocolNumber)
                .fieldIfNotEmpty("transport", transport(protocolNumber))
                .fieldIfNotEmpty("protocol", service == null ? null : service.toLowerCase(Locale.ROOT))
                .fieldIfNotEmpty("application", kind == LogKind.TRAFFIC || kind == LogKind.UTM ? Values.text(line, "app") : null)
                .fieldIfNotEmpty("direction", direction);
        EcsEndpoint.number(w, "bytes", endpoints.networkBytes());
        EcsEndpoint.number(w, "packets", endpoints.networkPackets());
        w.endObject();
    }

    /** The integration names the common IP protocols; others keep only their number. */
    static String transport(String ianaNumber) {
        if (ianaNumber == null) {
            return null;
        }
        return switch (ianaNumber) {
            case "0" -> "hopopt";
            case "1" -> "icmp";
            case "2" -> "igmp";
            case "6" -> "tcp";
            case "8" -> "egp";
            case "17" -> "udp";
            case "47" -> "gre";
            case "50" -> "esp";
            case "58" -> "ipv6-icmp";
            case "112" -> "vrrp";
            case "132" -> "sctp";
            default -> null;
        };
    }

    /** {@code related.*}: every address, user and host name the document mentions, each once. */
    private static void related(JsonWriter w, FortiGateLine line, LogKind kind, EcsEndpoints endpoints) {
        List<String> ips = new ArrayList<>(6);
        addOnce(ips, endpoints.source.ip);
        addOnce(ips, endpoints.destination.ip);
        addOnce(ips, endpoints.source.natIp);
        addOnce(ips, endpoints.destination.natIp);
        addOnce(ips, Values.text(line, "ip"));
        addOnce(ips, Values.text(line, "assignip"));
        addOnce(ips, Values.text(line, "tunnelip"));
        if (kind == LogKind.UTM) {
            for (String ip : EcsDetails.resolvedIps(line)) {
                addOnce(ips, ip);
            }
        }
        List<String> users = new ArrayList<>(2);
        addOnce(users, endpoints.sourceUser.name);
        addOnce(users, endpoints.destinationUser.name);
        List<String> hosts = new ArrayList<>(4);
        addOnce(hosts, endpoints.destination.address);
        addOnce(hosts, endpoints.source.address);
        addOnce(hosts, EcsDetails.hostName(line));
        if (kind == LogKind.UTM) {
            addOnce(hosts, Values.text(line, "qname"));
        }
        w.beginOptionalObject("related")
                .stringsIfNotEmpty("ip", ips)
                .stringsIfNotEmpty("user", users)
                .stringsIfNotEmpty("hosts", hosts)
                .endObject();
    }

    private static void addOnce(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }
}
