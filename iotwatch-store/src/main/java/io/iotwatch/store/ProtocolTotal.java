package io.iotwatch.store;

/**
 * The connections of one protocol over a time range.
 *
 * @param protocol    transport as the events name it, lower-case ({@code tcp}, {@code udp}, {@code icmp},
 *                    a protocol number), {@code other} when they name none
 * @param connections connection events
 * @param packets     their packets, both directions
 * @param bytes       their bytes, both directions
 */
public record ProtocolTotal(String protocol, long connections, long packets, long bytes) {}
