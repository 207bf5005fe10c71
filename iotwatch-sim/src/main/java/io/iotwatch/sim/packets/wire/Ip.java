package io.iotwatch.sim.packets.wire;

import java.util.Locale;

/** IPv4 addresses as ints and MAC addresses as longs, to and from text. */
public final class Ip {

    /** The Ethernet broadcast address. */
    public static final long BROADCAST_MAC = 0xFFFF_FFFF_FFFFL;

    private Ip() {
    }

    /** The address of {@code a.b.c.d}. */
    public static int of(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    /** Dotted decimal to an address; the caller passes literals it wrote itself. */
    public static int parse(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int ip = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            ip = ip << 8 | octet;
        }
        return ip;
    }

    public static String text(int ip) {
        return (ip >>> 24) + "." + (ip >>> 16 & 0xFF) + "." + (ip >>> 8 & 0xFF) + "." + (ip & 0xFF);
    }

    /** {@code aa:bb:cc:dd:ee:ff} to a MAC address. */
    public static long mac(String text) {
        return Long.parseLong(text.replace(":", ""), 16);
    }

    public static String macText(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            s.append(String.format(Locale.ROOT, "%02x", mac >>> shift & 0xFF));
            if (shift > 0) {
                s.append(':');
            }
        }
        return s.toString();
    }

    /** The reverse-lookup name of an address: {@code 4.3.2.1.in-addr.arpa} for 1.2.3.4. */
    public static String reverseName(int ip) {
        return (ip & 0xFF) + "." + (ip >>> 8 & 0xFF) + "." + (ip >>> 16 & 0xFF) + "." + (ip >>> 24) + ".in-addr.arpa";
    }
}
