package io.iotwatch.logs.syslog;

import java.time.Duration;
import java.util.Objects;

/**
 * How the syslog receivers batch, bound and buffer what they receive.
 *
 * @param batchSize             most events and rejects handed to the sink at once
 * @param maxBatchDelay         longest a received message waits in a partial batch before it is handed over
 * @param maxMessageSize        longest message kept, in bytes; longer ones are rejected with their head kept
 * @param udpReceiveBufferBytes SO_RCVBUF to ask the kernel for; it absorbs bursts while iotwatch is busy
 * @param udpQueueBytes         bytes of datagrams received but not yet decoded that iotwatch holds before it drops
 * @param maxTcpConnections     most TCP connections open at once; further ones are refused
 */
public record SyslogOptions(
        int batchSize,
        Duration maxBatchDelay,
        int maxMessageSize,
        int udpReceiveBufferBytes,
        int udpQueueBytes,
        int maxTcpConnections) {

    /** The UDP queue must hold at least one datagram of the largest size UDP carries. */
    public static final int MIN_UDP_QUEUE_BYTES = 64 * 1024;

    /** Bounds the per-connection buffer, which holds one whole message, to what a Java array can index. */
    public static final int MAX_MESSAGE_SIZE = 1 << 30;

    public SyslogOptions {
        Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
        require(batchSize >= 1, "batchSize must be at least 1: " + batchSize);
        require(maxBatchDelay.isPositive() && maxBatchDelay.compareTo(Duration.ofHours(1)) <= 0,
                "maxBatchDelay must be positive and at most an hour: " + maxBatchDelay);
        require(maxMessageSize >= 1 && maxMessageSize <= MAX_MESSAGE_SIZE,
                "maxMessageSize must be between 1 and " + MAX_MESSAGE_SIZE + ": " + maxMessageSize);
        require(udpReceiveBufferBytes >= 1, "udpReceiveBufferBytes must be positive: " + udpReceiveBufferBytes);
        require(udpQueueBytes >= MIN_UDP_QUEUE_BYTES,
                "udpQueueBytes must be at least " + MIN_UDP_QUEUE_BYTES + ": " + udpQueueBytes);
        require(maxTcpConnections >= 1, "maxTcpConnections must be at least 1: " + maxTcpConnections);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
