package io.iotwatch.detect;

import java.net.InetAddress;

/**
 * Tells internal addresses from external ones without any name lookup. Internal: RFC 1918, loopback,
 * link-local, CGNAT 100.64.0.0/10 (RFC 6598), IPv6 ULA fc00::/7 and link-local fe80::/10. External: any
 * other unicast address; multicast, broadcast and unspecified addresses are neither, since traffic to them
 * never leaves the local network. Text that is no address is neither.
 */
public final class Addresses {

    private static final byte INTERNAL = 1;
    private static final byte EXTERNAL = 2;
    private static final byte NEITHER = 3;
    // Several detectors classify the same two address strings of each connection in turn: a few entries
    // remembered by identity answer all but the first asks. Per thread, as detectors run on any.
    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private Addresses() {}

    public static boolean isInternal(String ip) {
        return scope(ip) == INTERNAL;
    }

    public static boolean isExternal(String ip) {
        return scope(ip) == EXTERNAL;
    }

    private static byte scope(String ip) {
        Recent recent = RECENT.get();
        for (int i = 0; i < Recent.SIZE; i++) {
            if (recent.ips[i] == ip) {
                return recent.scopes[i];
            }
        }
        byte scope = internal(ip) ? INTERNAL : external(ip) ? EXTERNAL : NEITHER;
        recent.ips[recent.next] = ip;
        recent.scopes[recent.next] = scope;
        recent.next = (recent.next + 1) % Recent.SIZE;
        return scope;
    }

    private static final class Recent {
        static final int SIZE = 4;
        final String[] ips = new String[SIZE];
        final byte[] scopes = new byte[SIZE];
        int next;
    }

    private static boolean internal(String ip) {
        long v4 = ipv4(ip);
        if (v4 >= 0) {
            return internalV4((int) v4);
        }
        byte[] a = ipv6(ip);
        if (a == null) {
            return false;
        }
        if (a.length == 4) {
            return internalV4(toInt(a));
        }
        boolean loopback = true;
        for (int i = 0; i < 15; i++) {
            loopback &= a[i] == 0;
        }
        int first = a[0] & 0xff;
        return (loopback && a[15] == 1) || (first & 0xfe) == 0xfc || (first == 0xfe && (a[1] & 0xc0) == 0x80);
    }

    private static boolean external(String ip) {
        long v4 = ipv4(ip);
        if (v4 >= 0) {
            int first = (int) (v4 >>> 24);
            return first != 0 && first < 224 && !internalV4((int) v4);
        }
        byte[] a = ipv6(ip);
        if (a == null) {
            return false;
        }
        if (a.length == 4) {
            return external((a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff));
        }
        boolean unspecified = true;
        for (byte b : a) {
            unspecified &= b == 0;
        }
        return !unspecified && (a[0] & 0xff) != 0xff && !internal(ip);
    }

    /**
     * The network an address belongs to as one service sees it: the /24 of an IPv4 address, the /64 of an
     * IPv6 one, in CIDR notation; the text unchanged when it is no address.
     */
    public static String network(String ip) {
        long v4 = ipv4(ip);
        if (v4 >= 0) {
            return (v4 >>> 24) + "." + (v4 >>> 16 & 0xff) + "." + (v4 >>> 8 & 0xff) + ".0/24";
        }
        byte[] v6 = ipv6(ip);
        if (v6 == null || v6.length != 16) {
            return ip;
        }
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            b.append(Integer.toHexString((v6[i] & 0xff) << 8 | v6[i + 1] & 0xff)).append(':');
        }
        return b.append(":/64").toString();
    }

    /** Dotted-quad IPv4 parsed by hand (the common case, and cheap), or -1 when the text is not one. */
    static long ipv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return -1;
        }
        long result = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0 && ++dots <= 3) {
                result = result << 8 | part;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return dots == 3 && digits > 0 ? result << 8 | part : -1;
    }

    private static byte[] ipv6(String s) {
        if (s.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(s).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean internalV4(int a) {
        int first = a >>> 24;
        int second = a >>> 16 & 0xff;
        return first == 10 || first == 127
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 169 && second == 254)
                || (first == 100 && (second & 0xc0) == 64);
    }

    private static int toInt(byte[] a) {
        return (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | a[3] & 0xff;
    }
}
