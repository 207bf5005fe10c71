package io.iotwatch.detect.dnstunnel;

import java.time.Duration;

/**
 * Thresholds of the {@link DnsTunnelDetector}. All counts are per client and registered domain within
 * {@code window}.
 *
 * @param window         how long one client's queries under one domain are counted together
 * @param minQueries     queries that, with {@code minLongNames} distinct long names, make a tunnel
 * @param minLongNames   distinct names of at least {@code longNameLength} characters that, with
 *                       {@code minQueries} queries, make a tunnel
 * @param longNameLength length of a whole query name from which it counts as long
 * @param minDistinctNames distinct names that, with names of at least {@code minEntropy} bits per character
 *                       on average, make a tunnel even when the names are short
 * @param minEntropy     mean Shannon entropy, in bits per character, of the part of the names left of the
 *                       registered domain that {@code minDistinctNames} needs
 * @param minNullNames   distinct names asked for as NULL records that make a tunnel on their own
 * @param maxKeys        most (client, domain) keys held; the stalest is evicted beyond it
 */
public record DnsTunnelConfig(
        Duration window,
        int minQueries,
        int minLongNames,
        int longNameLength,
        int minDistinctNames,
        double minEntropy,
        int minNullNames,
        int maxKeys) {

    public DnsTunnelConfig {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (minQueries < 1) {
            throw new IllegalArgumentException("minQueries must be positive: " + minQueries);
        }
        if (minLongNames < 1) {
            throw new IllegalArgumentException("minLongNames must be positive: " + minLongNames);
        }
        if (longNameLength < 1 || longNameLength > 253) {
            throw new IllegalArgumentException("longNameLength must be 1 to 253, the longest DNS name: " + longNameLength);
        }
        if (minDistinctNames < 1) {
            throw new IllegalArgumentException("minDistinctNames must be positive: " + minDistinctNames);
        }
        if (!(minEntropy >= 0 && minEntropy <= 16)) {
            throw new IllegalArgumentException("minEntropy must be 0 to 16 bits per character: " + minEntropy);
        }
        if (minNullNames < 1) {
            throw new IllegalArgumentException("minNullNames must be positive: " + minNullNames);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
    }

    /**
     * The defaults:
     * <ul>
     *   <li>{@code window} 5 minutes, {@code minQueries} 25, {@code minLongNames} 15, {@code longNameLength} 50:
     *       Elastic's DNS tunneling rule (a client and registered domain with at least 25 queries and at least
     *       15 distinct names of 50 or more characters in 5 minutes).</li>
     *   <li>{@code minDistinctNames} 100: RITA's threshold of 100 unique subdomains per domain, for tunnels
     *       that keep names short; {@code minEntropy} 3.5 bits per character keeps it from counting services
     *       that name many hosts under one domain in words or numbers. A string of n characters holds at most
     *       log2(n) bits per character, so short host labels ({@code www}, {@code cam-12}) stay well below it,
     *       while base32 or base64 data of 20 or more characters reaches 4 or more.</li>
     *   <li>{@code minNullNames} 10: NULL records (RFC 1035's experimental type 10) have no use in ordinary
     *       name resolution, and iodine, the most common DNS tunnel, asks for them by default: its handshake
     *       alone asks for about a dozen distinct names.</li>
     *   <li>{@code maxKeys} 100,000: bounds memory, each key holding at most {@code minDistinctNames} names.</li>
     * </ul>
     */
    public static DnsTunnelConfig defaults() {
        return new DnsTunnelConfig(Duration.ofMinutes(5), 25, 15, 50, 100, 3.5, 10, 100_000);
    }
}
