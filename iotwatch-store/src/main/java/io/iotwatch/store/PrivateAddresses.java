package io.iotwatch.store;

import java.net.InetAddress;

/**
 * Tells the private addresses that make the dashboard's hosts: IPv4 10/8, 172.16/12 and 192.168/16
 * (RFC 1918) and link-local 169.254/16; IPv6 unique local fc00::/7 (RFC 4193) and link-local fe80::/10.
 * Text that is no address is not private. Called for two addresses of every stored connection: IPv4
 * and the first group of IPv6 are read by hand, without allocating.
 */
final class PrivateAddresses {

    // a longer text is no address, scope id included, and would not fit the column
    private static final int MAX_LENGTH = 64;

    private PrivateAddresses() {}

    static boolean isPrivate(String ip) {
        if (ip.isEmpty() || ip.length() > MAX_LENGTH) {
            return false;
        }
        return ip.indexOf(':') >= 0 ? privateV6(ip) : privateV4(ip);
    }

    private static boolean privateV4(String ip) {
        int first = -1;
        int second = -1;
        int parts = 0;
        int value = -1;
        for (int i = 0; i <= ip.length(); i++) {
            char c = i < ip.length() ? ip.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || parts == 4) {
                    return false;
                }
                if (parts == 0) {
                    first = value;
                } else if (parts == 1) {
                    second = value;
                }
                parts++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4 && (first == 10
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168
                || first == 169 && second == 254);
    }

    /** The first group decides; only then is the whole text checked for being an address. */
    private static boolean privateV6(String ip) {
        int group = 0;
        int digits = 0;
        for (int i = 0; i < ip.length() && ip.charAt(i) != ':'; i++) {
            int digit = Character.digit(ip.charAt(i), 16);
            if (digit < 0 || ++digits > 4) {
                return false;
            }
            group = group << 4 | digit;
        }
        boolean privateGroup = digits > 0 && ((group & 0xfe00) == 0xfc00 || (group & 0xffc0) == 0xfe80);
        if (!privateGroup) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(ip) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
