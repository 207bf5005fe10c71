package io.iotwatch.logs.fortigate;

import java.util.Locale;

/**
 * ECS {@code network.direction} as the integration derives it: the line's own {@code dir} or
 * {@code direction} word normalized, else, like Elasticsearch's network_direction processor with the
 * integration's default internal networks ({@code private}), from whether each address is private
 * (RFC 1918 for IPv4, RFC 4193 {@code fc00::/7} for IPv6).
 */
final class NetworkDirection {
    private static final int PRIVATE = 1;
    private static final int PUBLIC = 0;
    private static final int NOT_AN_ADDRESS = -1;

    private NetworkDirection() {}

    /** The direction, or null when the line names none and either address is missing or not an address. */
    static String of(FortiGateLine line, String sourceIp, String destinationIp) {
        String stated = Values.first(line, "dir", "direction");
        if (stated != null) {
            return normalize(stated);
        }
        if (sourceIp == null || destinationIp == null) {
            return null;
        }
        int source = privacy(sourceIp);
        int destination = privacy(destinationIp);
        if (source == NOT_AN_ADDRESS || destination == NOT_AN_ADDRESS) {
            return null;
        }
        if (source == PRIVATE) {
            return destination == PRIVATE ? "internal" : "outbound";
        }
        return destination == PRIVATE ? "inbound" : "external";
    }

    static String normalize(String stated) {
        return switch (stated.toLowerCase(Locale.ROOT)) {
            case "outgoing", "outbound" -> "outbound";
            case "incoming", "inbound" -> "inbound";
            case "ingress" -> "ingress";
            case "egress" -> "egress";
            case "internal" -> "internal";
            case "external" -> "external";
            default -> "unknown";
        };
    }

    /** Whether the text is an IPv4 dotted quad or looks like an IPv6 address. */
    static boolean isAddress(String ip) {
        return privacy(ip) != NOT_AN_ADDRESS;
    }

    private static int privacy(String ip) {
        return ip.indexOf(':') >= 0 ? ipv6Privacy(ip) : ipv4Privacy(ip);
    }

    private static int ipv4Privacy(String ip) {
        int first = 0;
        int second = 0;
        int n = 0;
        int value = -1;
        for (int i = 0; i <= ip.length(); i++) {
            char c = i < ip.length() ? ip.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || n == 4) {
                    return NOT_AN_ADDRESS;
                }
                if (n == 0) {
                    first = value;
                } else if (n == 1) {
                    second = value;
                }
                n++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return NOT_AN_ADDRESS;
                }
            } else {
                return NOT_AN_ADDRESS;
            }
        }
        if (n != 4) {
            return NOT_AN_ADDRESS;
        }
        boolean rfc1918 = first == 10
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168;
        return rfc1918 ? PRIVATE : PUBLIC;
    }

    /** Only the first group decides fc00::/7; the rest is checked for being hex groups at all. */
    private static int ipv6Privacy(String ip) {
        int firstGroup = 0;
        boolean inFirst = true;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            int digit = Character.digit(c, 16);
            if (c == ':') {
                inFirst = false;
            } else if (digit < 0 && c != '.') {
                return NOT_AN_ADDRESS;
            } else if (inFirst) {
                firstGroup = firstGroup * 16 + digit;
                if (firstGroup > 0xffff) {
                    return NOT_AN_ADDRESS;
                }
            }
        }
        return (firstGroup & 0xfe00) == 0xfc00 ? PRIVATE : PUBLIC;
    }
}
