package io.iotwatch.sim.logs;

import java.util.random.RandomGenerator;

/** Address helpers: drawing public addresses and naming their country the way FortiOS geo-IP would. */
final class Addresses {

    // First octets of real, routed unicast space, each pinned to one country so geo-IP stays consistent.
    private static final int[] FIRST_OCTETS = {23, 31, 45, 52, 62, 77, 80, 89, 91, 103, 109, 118, 141, 154, 176, 185, 193, 212, 218, 222};
    private static final String[] COUNTRIES = {"United States", "Russian Federation", "United States", "Ireland", "Netherlands",
        "Germany", "France", "Romania", "Ukraine", "Viet Nam", "Bulgaria", "China", "Germany", "Seychelles", "Brazil",
        "Netherlands", "Poland", "Italy", "China", "Korea, Republic of"};

    private Addresses() {
    }

    static String ip(int a, int b, int c, int d) {
        return a + "." + b + "." + c + "." + d;
    }

    static String randomPublic(RandomGenerator rnd) {
        return ip(FIRST_OCTETS[rnd.nextInt(FIRST_OCTETS.length)], rnd.nextInt(1, 255), rnd.nextInt(0, 256), rnd.nextInt(1, 255));
    }

    static boolean isInternal(String ip) {
        return ip.startsWith("10.");
    }

    /** FortiOS {@code srccountry}/{@code dstcountry}: "Reserved" for private and documentation space. */
    static String country(String ip) {
        if (isInternal(ip) || ip.startsWith("203.0.113.")) {
            return "Reserved";
        }
        int first = Integer.parseInt(ip.substring(0, ip.indexOf('.')));
        for (int i = 0; i < FIRST_OCTETS.length; i++) {
            if (FIRST_OCTETS[i] == first) {
                return COUNTRIES[i];
            }
        }
        return "United States";
    }
}
