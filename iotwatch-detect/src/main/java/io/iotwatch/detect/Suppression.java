package io.iotwatch.detect;

import io.iotwatch.core.alert.Finding;
import java.net.InetAddress;
import java.util.Locale;

/**
 * A rule that keeps matching findings from becoming alerts: an allow-listed network, a domain whose long
 * names are expected, a detector someone turned off for a host. Every part that is given must match;
 * at least one part must be given. Suppressed findings are counted, not lost silently.
 *
 * @param detector     a detector's name, or null for any
 * @param cidr         a network ({@code 10.0.5.0/24}, {@code 2001:db8::/32}, or one address) matched against
 *                     the finding's source and target, or null for any
 * @param domainSuffix a domain matched against the finding's domain and its subdomains, or null for any
 */
public record Suppression(String detector, String cidr, String domainSuffix) {

    public Suppression {
        detector = blankToNull(detector);
        cidr = blankToNull(cidr);
        domainSuffix = blankToNull(domainSuffix);
        if (detector == null && cidr == null && domainSuffix == null) {
            throw new IllegalArgumentException("a suppression rule needs a detector, a cidr or a domain");
        }
        if (cidr != null) {
            Network.parse(cidr);
        }
        if (domainSuffix != null) {
            domainSuffix = trimDots(domainSuffix.toLowerCase(Locale.ROOT));
        }
    }

    boolean matches(Finding finding) {
        if (detector != null && !detector.equals(finding.detector())) {
            return false;
        }
        if (cidr != null) {
            Network network = Network.parse(cidr);
            if (!network.contains(finding.srcIp()) && !network.contains(finding.dstIp())) {
                return false;
            }
        }
        if (domainSuffix != null) {
            String domain = finding.domain() == null ? "" : trimDots(finding.domain().toLowerCase(Locale.ROOT));
            if (!domain.equals(domainSuffix) && !domain.endsWith("." + domainSuffix)) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String trimDots(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '.') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(start, end);
    }

    /** An address and prefix length; the literal is parsed without any name lookup. */
    record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or network: '" + cidr + "'");
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix length of '" + cidr + "' must be 0 to " + bits);
                }
            }
            return new Network(address, prefix);
        }

        boolean contains(String ip) {
            byte[] other = ip == null ? null : literal(ip);
            if (other == null || other.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (other[full] & mask) == (address[full] & mask);
        }

        private static byte[] literal(String text) {
            try {
                return InetAddress.ofLiteral(text.strip()).getAddress();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
