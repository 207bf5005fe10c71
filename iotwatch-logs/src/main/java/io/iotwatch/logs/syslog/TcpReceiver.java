package io.iotwatch.logs.syslog;

import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.RecordDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog over TCP (RFC 6587), octet-counted or LF-framed, on many connections at once.
 *
 * <p>Each connection is read by its own virtual thread, which frames, decodes and batches its messages and
 * hands full batches to the sink itself. While the sink blocks, the thread stops reading, the socket's
 * buffers fill and TCP flow control slows the sender down: nothing is lost to a slow sink.
 */
public final class TcpReceiver {

    private static final Logger log = LoggerFactory.getLogger(TcpReceiver.class);

    /** Connections the kernel holds until they are accepted; accepting is quick, so bursts are all it absorbs. */
    private static final int ACCEPT_BACKLOG = 256;

    private static final Duration ACCEPT_RETRY_PAUSE = Duration.ofMillis(100);

    private final ServerSocket server;
    private final int port;
    private final Supplier<RecordDecoder> decoders;
    private final EventSink sink;
    private final SyslogOptions options;
    private final long stream;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAdder connectionsTotal = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder rejects = new LongAdder();
    private final LongAdder oversize = new LongAdder();

    private volatile RuntimeException failure;

    private TcpReceiver(ServerSocket server, Supplier<RecordDecoder> decoders, EventSink sink, SyslogOptions options, long stream) {
        this.server = server;
        this.port = server.getLocalPort();
        this.decoders = decoders;
        this.sink = sink;
        this.options = options;
        this.stream = stream;
        this.acceptor = Thread.ofVirtual().name("iotwatch-syslog-tcp-" + port).unstarted(this::accept);
    }

    static TcpReceiver start(InetSocketAddress address, Supplier<RecordDecoder> decoders, EventSink sink,
            SyslogOptions options, long stream) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address, ACCEPT_BACKLOG);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        TcpReceiver receiver = new TcpReceiver(server, decoders, sink, options, stream);
        receiver.acceptor.start();
        return receiver;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    public TcpStats stats() {
        return new TcpStats(connectionsOpen.sum(), connectionsTotal.sum(), connectionsRefused.sum(),
                frames.sum(), events.sum(), rejects.sum(), oversize.sum());
    }

    /**
     * Stops accepting, ends every connection's input, and waits until what each had read is handed to the
     * sink, a message cut short included (as a truncated reject). Bytes still in a socket's kernel buffer
     * are not read; closing with them unread resets the connection, so the sender learns of it.
     */
    void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("closing the TCP listening socket on port {} failed: {}", port, e.toString());
        }
        acceptor.join();
        List<Connection> open = List.copyOf(connections);
        for (Connection connection : open) {
            connection.endInput();
        }
        for (Connection connection : open) {
            connection.thread.join();
        }
    }

    /** The first exception the sink threw, which ended the connection it was called for; null when none. */
    RuntimeException failure() {
        return failure;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    // Such as running out of file descriptors: it passes as connections close, so pause and retry.
                    log.warn("accepting a syslog connection on TCP port {} failed: {}", port, e.toString());
                    pauseAfterFailedAccept();
                }
                continue;
            }
            if (connectionsOpen.sum() >= options.maxTcpConnections()) {
                refuse(socket);
                continue;
            }
            connectionsOpen.increment();
            connectionsTotal.increment();
            Connection connection = new Connection(socket);
            connections.add(connection);
            connection.thread.start();
        }
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refuse(Socket socket) {
        connectionsRefused.increment();
        if (connectionsRefused.sum() == 1) {
            log.warn("refused a syslog connection from {} on TCP port {}: {} are open, the most allowed;"
                            + " further refusals are only counted", socket.getRemoteSocketAddress(), port, options.maxTcpConnections());
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing a refused connection failed: {}", e.toString());
        }
    }

    /** One sender's connection, read by its own virtual thread. */
    private final class Connection implements Runnable, SyslogFramer.Receiver {
        private final Socket socket;
        private final SocketAddress peer;
        private final Thread thread;
        private final Batcher batcher = new Batcher(sink, options.batchSize(), options.maxBatchDelay().toNanos());
        private final Delivery delivery = new Delivery(decoders.get(), batcher, "tcp");
        private final SyslogFramer framer = new SyslogFramer(options.maxMessageSize());

        Connection(Socket socket) {
            this.socket = socket;
            this.peer = socket.getRemoteSocketAddress();
            this.thread = Thread.ofVirtual().name("iotwatch-syslog-tcp-" + port + "-" + peer).unstarted(this);
        }

        @Override
        public void run() {
            try (socket) {
                socket.setKeepAlive(true);
                readUntilEnd(socket.getInputStream());
                framer.finish(this);
                batcher.flush();
            } catch (InterruptedException e) {
                log.warn("reading syslog from {} was interrupted; what it still held is not stored", peer);
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.warn("syslog connection from {} failed: {}", peer, e.toString());
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                log.error("storing syslog from {} failed; closing its connection", peer, e);
            } finally {
                connections.remove(this);
                connectionsOpen.decrement();
            }
        }

        /** Reads until the sender closes or the connection fails, handing over batches as they fill or fall due. */
        private void readUntilEnd(InputStream in) throws InterruptedException {
            try {
                while (true) {
                    socket.setSoTimeout(batcher.timeoutMillis());
                    try {
                        if (framer.read(in, this) < 0) {
                            return;
                        }
                    } catch (SocketTimeoutException e) {
                        // Nothing arrived before the pending batch fell due; it is handed over below.
                    }
                    batcher.flushIfDue();
                }
            } catch (IOException e) {
                log.debug("syslog connection from {} ended: {}", peer, e.toString());
            }
        }

        void endInput() {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                log.debug("ending input from {} failed (already closed): {}", peer, e.toString());
            }
        }

        @Override
        public void message(byte[] buf, int off, int len) throws InterruptedException {
            frames.increment();
            if (delivery.decode(buf, off, len, nextId(), peer)) {
                events.increment();
            } else {
                rejects.increment();
            }
        }

        @Override
        public void rejected(byte[] buf, int off, int len, String reason, boolean tooLong) throws InterruptedException {
            frames.increment();
            rejects.increment();
            if (tooLong) {
                oversize.increment();
            }
            delivery.reject(buf, off, len, nextId(), peer, reason);
        }

        private EventId nextId() {
            return new EventId(stream, sequence.incrementAndGet());
        }
    }
}
