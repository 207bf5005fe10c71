package io.iotwatch.store;

import java.time.Instant;

/**
 * Totals over everything stored.
 *
 * @param events      events of every type
 * @param connections connection events
 * @param packets     packets of those connections, both directions
 * @param bytes       bytes of those connections, both directions
 * @param firstEvent  time of the earliest event, or null when none is stored
 * @param lastEvent   time of the latest event, or null when none is stored
 */
public record TrafficTotals(long events, long connections, long packets, long bytes, Instant firstEvent,
        Instant lastEvent) {}
