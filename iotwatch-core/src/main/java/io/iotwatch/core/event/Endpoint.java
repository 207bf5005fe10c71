package io.iotwatch.core.event;

/**
 * One side of a conversation: an address as text (IPv4 dotted or IPv6) and a port, 0 when the
 * protocol has none or the source did not say.
 */
public record Endpoint(String ip, int port) {
    public static final Endpoint UNKNOWN = new Endpoint("", 0);

    public Endpoint {
        ip = ip == null ? "" : ip;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean isKnown() {
        return !ip.isEmpty();
    }

    @Override
    public String toString() {
        if (ip.isEmpty()) {
            return "?";
        }
        String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
        return port == 0 ? host : host + ":" + port;
    }
}
