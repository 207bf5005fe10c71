package io.iotwatch.store;

import java.time.Instant;

/**
 * A host with a private address (RFC 1918, link-local, RFC 4193) seen in stored events.
 *
 * @param ip          its address, as the events gave it
 * @param mac         the MAC that the latest ARP message from the address claimed, or null if none was seen
 * @param firstSeen   event time of the first event it was seen in
 * @param lastSeen    event time of the last event it was seen in
 * @param connections connections it took part in, as source or destination
 * @param bytesOut    bytes it sent in them
 * @param bytesIn     bytes it received in them
 * @param packets     packets of its connections, both directions
 */
public record Host(String ip, String mac, Instant firstSeen, Instant lastSeen, long connections, long bytesOut,
        long bytesIn, long packets) {}
