package io.iotwatch.store;

/**
 * What one host with a private address exchanged over a time range (whole hours).
 *
 * @param ip          the host's address
 * @param connections connections it took part in, as source or destination
 * @param bytesOut    bytes it sent
 * @param bytesIn     bytes it received
 * @param packets     packets of its connections, both directions
 */
public record Talker(String ip, long connections, long bytesOut, long bytesIn, long packets) {}
