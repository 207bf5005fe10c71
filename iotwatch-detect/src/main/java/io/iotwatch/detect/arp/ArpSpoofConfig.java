package io.iotwatch.detect.arp;

import java.time.Duration;

/**
 * Thresholds of the {@link ArpSpoofDetector}.
 *
 * @param window             how far back one MAC's unsolicited replies and claimed addresses, and one address's
 *                           changes of MAC, count together; a MAC idle this long is forgotten
 * @param bindingTtl         how long after its MAC last claimed it a binding of address to MAC counts as live: a
 *                           different MAC claiming a live binding displaces it, one claiming an older binding
 *                           replaces a device that is gone; bindings not seen for this long are forgotten
 * @param requestWindow      how long before (or, for events a little out of order, after) a reply a request
 *                           for its address from its target makes it an answer rather than unsolicited
 * @param flips              displacements of one address within {@code window} that make it flip-flopping
 *                           between MACs
 * @param unsolicitedReplies replies of one MAC within {@code window} that nobody asked for and that either were
 *                           sent to one host or displaced a live binding, that make a poisoning stream
 * @param maxIpsPerMac       distinct addresses one MAC may claim within {@code window}; more is an alert
 * @param maxKeys            addresses, MACs and outstanding requests held, each; the stalest give way, counted
 */
public record ArpSpoofConfig(
        Duration window,
        Duration bindingTtl,
        Duration requestWindow,
        int flips,
        int unsolicitedReplies,
        int maxIpsPerMac,
        int maxKeys) {

    public ArpSpoofConfig {
        requirePositive("window", window);
        requirePositive("bindingTtl", bindingTtl);
        requirePositive("requestWindow", requestWindow);
        if (flips < 2) {
            throw new IllegalArgumentException("flips must be at least 2 (one change is a replaced device): " + flips);
        }
        if (unsolicitedReplies < 1) {
            throw new IllegalArgumentException("unsolicitedReplies must be positive: " + unsolicitedReplies);
        }
        if (maxIpsPerMac < 1) {
            throw new IllegalArgumentException("maxIpsPerMac must be positive: " + maxIpsPerMac);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     *   <li>{@code window} 5 minutes: poisoning tools repeat their lies every 1 to 10 seconds (bettercap every
     *       second, dsniff's arpspoof every 2, ettercap every 10) so that the victims' caches never heal, which
     *       fills every threshold below within a minute; the same span as the scan detector's.</li>
     *   <li>{@code bindingTtl} 10 minutes: a device in use is asked for its address again and again (Linux and
     *       Windows re-confirm a neighbour in use every 15 to 45 seconds), so its binding stays fresh; a device
     *       whose address another MAC takes after 10 silent minutes has most likely been replaced or has left.</li>
     *   <li>{@code requestWindow} 5 seconds: replies come within milliseconds, and requests are resent every
     *       second (Linux asks 3 times); 5 seconds leaves room for a Wi-Fi device in power save, which answers
     *       at its next wake-up.</li>
     *   <li>{@code flips} 3: the address went from A to B, back to A and to B again within the window. A
     *       failover moves an address once, and a failback later once more; three moves in 5 minutes is two
     *       MACs both claiming it.</li>
     *   <li>{@code unsolicitedReplies} 5: gratuitous announcements at boot (RFC 5227 sends 2, keepalived 5 and
     *       5 more) confirm the sender's own binding or take a stale one and do not count; a host that answers
     *       no request yet tells one host, five times in 5 minutes, where an address is, is poisoning it.</li>
     *   <li>{@code maxIpsPerMac} 8: a host claims its own address (two while DHCP moves it to another), a router
     *       one per interface; tools that poison a whole subnet claim every address in it. A proxy-ARP
     *       gateway answers for many and must be allow-listed (docs/DETECTION.md).</li>
     *   <li>{@code maxKeys} 100,000: bounded memory under spoofed floods, far above the hosts of a LAN.</li>
     * </ul>
     */
    public static ArpSpoofConfig defaults() {
        return new ArpSpoofConfig(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(5), 3, 5, 8, 100_000);
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
