package io.iotwatch.logs.syslog;

import java.util.OptionalLong;

/**
 * Counters of a UDP receiver since it started. Once it is closed, {@code received} equals
 * {@code events + rejects + appDropped}; while it runs, the difference is still queued.
 *
 * @param received           datagrams read from the socket
 * @param events             datagrams decoded into events
 * @param rejects            datagrams kept as rejects, oversize ones included
 * @param oversize           datagrams longer than the maximum message size
 * @param appDropped         datagrams dropped because iotwatch's queue was full (the sink was slower than the sender)
 * @param kernelDropped      datagrams the kernel dropped because the socket's receive buffer was full, from
 *                           /proc/net/udp{,6}; empty where that is not available
 * @param receiveBufferBytes the socket's SO_RCVBUF as the kernel granted it, which on Linux is at most
 *                           net.core.rmem_max whatever was asked for
 */
public record UdpStats(
        long received,
        long events,
        long rejects,
        long oversize,
        long appDropped,
        OptionalLong kernelDropped,
        int receiveBufferBytes) {}
