package io.iotwatch.sim.truth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address-in-prefix tests for the attacker column, which holds addresses and CIDR prefixes. */
final class Prefix {

    private Prefix() {
    }

    /**
     * Whether {@code address} is {@code addressOrPrefix} itself or lies inside it. Only numeric addresses are
     * compared: anything else (a host name, a malformed prefix) matches only itself, so nothing is looked up.
     */
    static boolean contains(String addressOrPrefix, String address) {
        int slash = addressOrPrefix.indexOf('/');
        if (slash < 0) {
            return addressOrPrefix.equalsIgnoreCase(address);
        }
        byte[] network = numeric(addressOrPrefix.substring(0, slash));
        byte[] candidate = numeric(address);
        int bits;
        try {
            bits = Integer.parseInt(addressOrPrefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (network == null || candidate == null || network.length != candidate.length || bits < 0
                || bits > 8 * network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code addressOrPrefix} is a numeric address, or one with a prefix length ({@code 10.0.0.0/8}). */
    static boolean isNumeric(String addressOrPrefix) {
        int slash = addressOrPrefix.indexOf('/');
        return numeric(slash < 0 ? addressOrPrefix : addressOrPrefix.substring(0, slash)) != null;
    }

    private static byte[] numeric(String text) {
        boolean literal = !text.isEmpty() && (text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!literal) {
            return null;
        }
        try {
            // A literal never triggers a name lookup.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
