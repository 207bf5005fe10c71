package io.iotwatch.logs.syslog;

import io.iotwatch.core.sink.Batch;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.RecordDecoder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Receives syslog messages over UDP and/or TCP, decodes each into an event or a reject and hands them to
 * a sink in batches of at most {@link SyslogOptions#batchSize()}, each within
 * {@link SyslogOptions#maxBatchDelay()} of its first message's arrival.
 *
 * <p><b>Event ids.</b> A network message has no file offset to name it, so each receiver draws a random
 * 64-bit stream id when it starts and numbers its messages 1, 2, 3... in the order they are decoded: the
 * id ({@code stream}, number) is stable for the whole listening session, and a new session, which numbers
 * from 1 again, gets a new stream, so its events never collide in the store with those of earlier
 * sessions. Rejects carry the number as their line number and {@code udp://} or {@code tcp://} and the
 * sender's address as their origin.
 *
 * <p>The sink is called by one thread at a time, whichever receiver and connection it comes from.
 */
public final class SyslogListener implements AutoCloseable {

    private final Optional<UdpReceiver> udp;
    private final Optional<TcpReceiver> tcp;
    private boolean closed;

    private SyslogListener(Optional<UdpReceiver> udp, Optional<TcpReceiver> tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /**
     * Binds the given addresses (port 0 picks a free port) and starts receiving.
     *
     * @param decoders makes a decoder for each thread that decodes: one for UDP, one per TCP connection
     * @throws IOException when an address cannot be bound; nothing is left listening then
     */
    public static SyslogListener start(
            Optional<InetSocketAddress> udp,
            Optional<InetSocketAddress> tcp,
            Supplier<RecordDecoder> decoders,
            EventSink sink,
            SyslogOptions options) throws IOException {
        Objects.requireNonNull(decoders, "decoders");
        Objects.requireNonNull(options, "options");
        if (udp.isEmpty() && tcp.isEmpty()) {
            throw new IllegalArgumentException("nothing to listen on: give a UDP or a TCP address");
        }
        EventSink serialized = serialized(Objects.requireNonNull(sink, "sink"));
        SecureRandom random = new SecureRandom();
        Optional<UdpReceiver> udpReceiver = Optional.empty();
        if (udp.isPresent()) {
            udpReceiver = Optional.of(UdpReceiver.start(udp.get(), decoders, serialized, options, random.nextLong()));
        }
        try {
            Optional<TcpReceiver> tcpReceiver = Optional.empty();
            if (tcp.isPresent()) {
                tcpReceiver = Optional.of(TcpReceiver.start(tcp.get(), decoders, serialized, options, random.nextLong()));
            }
            return new SyslogListener(udpReceiver, tcpReceiver);
        } catch (IOException | RuntimeException e) {
            if (udpReceiver.isPresent()) {
                try {
                    udpReceiver.get().close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                }
            }
            throw e;
        }
    }

    public Optional<UdpReceiver> udp() {
        return udp;
    }

    public Optional<TcpReceiver> tcp() {
        return tcp;
    }

    public ListenerStats stats() {
        return new ListenerStats(udp.map(UdpReceiver::stats), tcp.map(TcpReceiver::stats));
    }

    /**
     * Stops receiving and waits until everything received has been handed to the sink (so it returns only
     * once a blocked sink moves again). Counters stay readable afterwards. Closing again does nothing.
     *
     * @throws InterruptedIOException when interrupted while waiting
     * @throws IOException when the sink failed while listening: what it was given then was not stored
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                if (udp.isPresent()) {
                    udp.get().close();
                }
            } finally {
                if (tcp.isPresent()) {
                    tcp.get().close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for received syslog to be handed over");
        }
        RuntimeException failure = udp.map(UdpReceiver::failure).orElse(null);
        if (failure == null) {
            failure = tcp.map(TcpReceiver::failure).orElse(null);
        }
        if (failure != null) {
            throw new IOException("storing received syslog failed: " + failure.getMessage(), failure);
        }
    }

    private static EventSink serialized(EventSink sink) {
        ReentrantLock lock = new ReentrantLock();
        return (Batch batch) -> {
            lock.lockInterruptibly();
            try {
                sink.accept(batch);
            } finally {
                lock.unlock();
            }
        };
    }
}
