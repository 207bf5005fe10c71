package io.iotwatch.store;

import java.time.Instant;

/**
 * The stored events of one step of a traffic series.
 *
 * @param start        when the step begins; it ends where the next begins
 * @param events       events of every type
 * @param connections  connection events
 * @param packets      packets of those connections, both directions
 * @param bytes        bytes of those connections, both directions
 * @param dns          DNS events
 * @param auth         authentication events
 * @param authFailures authentication events that failed
 * @param arp          ARP events
 */
public record TrafficBucket(Instant start, long events, long connections, long packets, long bytes, long dns,
        long auth, long authFailures, long arp) {}
