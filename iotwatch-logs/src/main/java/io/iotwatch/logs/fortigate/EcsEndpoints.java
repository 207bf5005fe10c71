package io.iotwatch.logs.fortigate;

import io.iotwatch.core.json.JsonWriter;
import java.util.Locale;

/**
 * The {@code source}, {@code destination} and {@code network} byte and packet counts of a line, with
 * the keys and precedence of the integration's pipeline for the line's {@link LogKind}.
 */
final class EcsEndpoints {
    EcsEndpoint source = new EcsEndpoint();
    EcsEndpoint destination = new EcsEndpoint();
    final EcsUser sourceUser = new EcsUser();
    final EcsUser destinationUser = new EcsUser();

    static EcsEndpoints of(FortiGateLine line, LogKind kind) {
        EcsEndpoints e = new EcsEndpoints();
        EcsEndpoint src = e.source;
        EcsEndpoint dst = e.destination;
        src.ip = Values.first(line, kind.sourceIp);
        src.port = Values.firstNumber(line, kind.sourcePort);
        dst.ip = Values.first(line, kind.destinationIp);
        dst.port = Values.firstNumber(line, kind.destinationPort);
        src.bytes = Values.number(line, "sentbyte");
        dst.bytes = Values.number(line, "rcvdbyte");
        src.mac = sourceMac(kind == LogKind.TRAFFIC || kind == LogKind.UTM
                ? Values.text(line, "srcmac") : Values.first(line, "srcmac", "source_mac"));
        dst.mac = destinationMac(Values.text(line, "dstmac"));
        e.sourceUser.group = Values.text(line, "group");
        switch (kind) {
            case TRAFFIC -> e.traffic(line);
            case UTM -> e.utm(line);
            case EVENT, OTHER -> e.event(line);
        }
        if (kind == LogKind.EVENT && line.is("subtype", "vpn")) {
            // For VPN logs the remote peer (remip) is the client, so the integration swaps the sides.
            EcsEndpoint swapped = e.source;
            e.source = e.destination;
            e.destination = swapped;
        }
        return e;
    }

    private void traffic(FortiGateLine line) {
        source.packets = Values.number(line, "sentpkt");
        destination.packets = Values.number(line, "rcvdpkt");
        source.domain = Values.text(line, "srcdomain");
        destination.address = Values.text(line, "dstname");
        destinationUser.name = Values.text(line, "dstunauthuser");
        source.natIp = addressOrNull(Values.text(line, "transip"));
        source.natPort = Values.number(line, "transport");
        destination.natIp = addressOrNull(Values.text(line, "tranip"));
        destination.natPort = Values.number(line, "tranport");
        sourceUser.name = Values.first(line, "unauthuser", "user");
    }

    private void utm(FortiGateLine line) {
        source.domain = Values.text(line, "srcdomain");
        destination.domain = Values.text(line, "sni");
        sourceUser.name = Values.first(line, "unauthuser", "user");
    }

    private void event(FortiGateLine line) {
        source.address = Values.text(line, "saddr");
        String daddr = Values.text(line, "daddr");
        String dstHost = Values.text(line, "dst_host");
        destination.address = daddr != null ? daddr : dstHost;
        if (daddr == null) {
            destination.domain = dstHost;
        }
        sourceUser.name = line.is("subtype", "vpn")
                ? Values.first(line, "eapuser", "xauthuser", "user")
                : Values.text(line, "user");
    }

    /** Writes {@code source} and {@code destination}; each is left out when nothing is known of it. */
    void write(JsonWriter w) {
        source.write(w, "source", sourceUser);
        destination.write(w, "destination", destinationUser);
    }

    long networkBytes() {
        return sum(source.bytes, destination.bytes);
    }

    long networkPackets() {
        return sum(source.packets, destination.packets);
    }

    private static long sum(long a, long b) {
        return a == Values.NONE || b == Values.NONE ? Values.NONE : a + b;
    }

    /** The integration converts NAT addresses with an ip processor, which drops what is not an address. */
    private static String addressOrNull(String ip) {
        return ip != null && NetworkDirection.isAddress(ip) ? ip : null;
    }

    /** Upper case, with {@code :} and {@code .} as {@code -}, as ECS writes MAC addresses. */
    private static String sourceMac(String mac) {
        return mac == null ? null : mac.toUpperCase(Locale.ROOT).replace(':', '-').replace('.', '-');
    }

    /** The integration rewrites only the colons of a destination MAC. */
    private static String destinationMac(String mac) {
        return mac == null ? null : mac.replace(':', '-').toUpperCase(Locale.ROOT);
    }
}
