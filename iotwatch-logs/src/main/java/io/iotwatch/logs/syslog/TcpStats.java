package io.iotwatch.logs.syslog;

/**
 * Counters of a TCP receiver since it started. Every frame is either an event or a reject.
 *
 * @param connectionsOpen    connections open now
 * @param connectionsTotal   connections accepted
 * @param connectionsRefused connections closed at once because the maximum were open
 * @param frames             messages framed, including oversize and truncated ones
 * @param events             frames decoded into events
 * @param rejects            frames kept as rejects
 * @param oversize           frames longer than the maximum message size
 */
public record TcpStats(
        long connectionsOpen,
        long connectionsTotal,
        long connectionsRefused,
        long frames,
        long events,
        long rejects,
        long oversize) {}
