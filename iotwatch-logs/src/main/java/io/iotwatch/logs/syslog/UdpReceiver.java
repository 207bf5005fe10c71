package io.iotwatch.logs.syslog;

import io.iotwatch.core.event.EventId;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.RecordDecoder;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog over UDP (RFC 5426): one message per datagram.
 *
 * <p>A UDP sender cannot be slowed down, so receiving never waits for the sink. One thread only moves
 * datagrams from the socket into a {@link DatagramQueue}; another decodes them and hands batches to the
 * sink. When the sink falls behind long enough to fill the queue, further datagrams are dropped and
 * counted; when this process falls behind the network, the kernel drops them and counts them too.
 */
public final class UdpReceiver {

    private static final Logger log = LoggerFactory.getLogger(UdpReceiver.class);

    /** The largest UDP payload (IPv6 without jumbograms; IPv4 allows 20 bytes less). */
    private static final int MAX_UDP_PAYLOAD = 65_527;

    private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    private static final Consumer<SelectionKey> READY = key -> {};

    private final DatagramChannel channel;
    private final Selector selector;
    private final DatagramQueue queue;
    private final int port;
    private final int receiveBufferBytes;
    private final long stream;
    private final int maxMessageSize;
    private final Thread receiverThread;
    private final Thread decoderThread;

    private final LongAdder received = new LongAdder();
    private final LongAdder appDropped = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder rejects = new LongAdder();
    private final LongAdder oversize = new LongAdder();

    private volatile boolean stopping;
    private volatile boolean closed;
    private volatile OptionalLong kernelDroppedAtClose = OptionalLong.empty();
    private volatile RuntimeException failure;

    private UdpReceiver(DatagramChannel channel, Selector selector, SyslogOptions options, long stream,
            Supplier<RecordDecoder> decoders, EventSink sink) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.receiveBufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        this.stream = stream;
        this.maxMessageSize = options.maxMessageSize();
        this.queue = new DatagramQueue(options.udpQueueBytes(), Math.min(maxMessageSize, MAX_UDP_PAYLOAD) + 1);
        RecordDecoder decoder = decoders.get();
        Batcher batcher = new Batcher(sink, options.batchSize(), options.maxBatchDelay().toNanos());
        this.receiverThread = Thread.ofPlatform().daemon().name("iotwatch-syslog-udp-" + port).unstarted(this::receive);
        this.decoderThread = Thread.ofPlatform().daemon().name("iotwatch-syslog-udp-" + port + "-decoder")
                .unstarted(() -> decode(new Delivery(decoder, batcher, "udp"), batcher));
    }

    static UdpReceiver start(InetSocketAddress address, Supplier<RecordDecoder> decoders, EventSink sink,
            SyslogOptions options, long stream) throws IOException {
        DatagramChannel channel = DatagramChannel.open(
                address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        Selector selector = null;
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.udpReceiveBufferBytes());
            channel.bind(address);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            UdpReceiver receiver = new UdpReceiver(channel, selector, options, stream, decoders, sink);
            receiver.warnIfBufferCapped(options.udpReceiveBufferBytes());
            receiver.decoderThread.start();
            receiver.receiverThread.start();
            return receiver;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /** The port it receives on. */
    public int port() {
        return port;
    }

    public UdpStats stats() {
        return new UdpStats(received.sum(), events.sum(), rejects.sum(), oversize.sum(), appDropped.sum(),
                closed ? kernelDroppedAtClose : KernelUdpDrops.read(port, KernelUdpDrops.TABLES), receiveBufferBytes);
    }

    /**
     * Stops receiving once the datagrams already in the socket's buffer are read, then waits until
     * everything received has been decoded and handed to the sink.
     */
    void close() throws InterruptedException {
        stopping = true;
        selector.wakeup();
        receiverThread.join();
        kernelDroppedAtClose = KernelUdpDrops.read(port, KernelUdpDrops.TABLES);
        closed = true;
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            log.warn("closing the UDP socket on port {} failed: {}", port, e.toString());
        }
        decoderThread.join();
    }

    /** The first exception the sink threw, which stopped decoding; null when none. */
    RuntimeException failure() {
        return failure;
    }

    private void receive() {
        ByteBuffer overflow = ByteBuffer.allocateDirect(queue.window());
        // After close is asked for, read at most what the socket's buffer can hold, so that a sender that never
        // pauses cannot keep this thread reading.
        long drainBudget = receiveBufferBytes;
        try {
            while (drainBudget > 0) {
                ByteBuffer room = queue.reserve();
                ByteBuffer target = room != null ? room : overflow.clear();
                int before = target.position();
                SocketAddress sender = channel.receive(target);
                if (sender == null) {
                    if (stopping) {
                        break;
                    }
                    selector.select(READY);
                    continue;
                }
                received.increment();
                if (room != null) {
                    queue.commit(sender);
                } else {
                    appDropped.increment();
                }
                if (stopping) {
                    drainBudget -= Math.max(1, target.position() - before);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("receiving syslog on UDP port {} failed; no more datagrams are received", port, e);
        } finally {
            queue.finish();
        }
    }

    private void decode(Delivery delivery, Batcher batcher) {
        byte[] message = new byte[queue.window()];
        long sequence = 0;
        try {
            while (true) {
                boolean finished = queue.finished();
                if (queue.hasNext()) {
                    int length = queue.take(message);
                    EventId id = new EventId(stream, ++sequence);
                    deliver(delivery, message, length, id, queue.sender());
                    batcher.flushIfDue();
                } else if (finished) {
                    break;
                } else {
                    queue.await(batcher.nanosUntilDue());
                    batcher.flushIfDue();
                }
            }
            batcher.flush();
        } catch (InterruptedException e) {
            log.warn("decoding UDP syslog from port {} was interrupted; what it still held is not stored", port);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            log.error("storing syslog received on UDP port {} failed; from now on datagrams are dropped", port, e);
        }
    }

    private void deliver(Delivery delivery, byte[] message, int length, EventId id, SocketAddress sender)
            throws InterruptedException {
        if (length > maxMessageSize) {
            oversize.increment();
            rejects.increment();
            delivery.reject(message, 0, maxMessageSize, id, sender, "datagram longer than " + maxMessageSize
                    + " bytes: its first " + maxMessageSize + " bytes are kept");
            return;
        }
        int trimmed = Delivery.trimmedLength(message, 0, length);
        if (trimmed == 0) {
            rejects.increment();
            delivery.reject(message, 0, length, id, sender, "empty datagram");
        } else if (delivery.decode(message, 0, trimmed, id, sender)) {
            events.increment();
        } else {
            rejects.increment();
        }
    }

    private void warnIfBufferCapped(int requested) {
        OptionalLong rmemMax = readLong(RMEM_MAX);
        if (receiveBufferBytes < requested || rmemMax.isPresent() && rmemMax.getAsLong() < requested) {
            log.warn("asked the kernel for a UDP receive buffer of {} bytes on port {} and got {}: net.core.rmem_max ({}) caps it."
                            + " Bursts that overflow it are lost; to allow the full size run: sysctl -w net.core.rmem_max={}",
                    requested, port, receiveBufferBytes,
                    rmemMax.isPresent() ? rmemMax.getAsLong() : "unknown", requested);
        }
    }

    private static OptionalLong readLong(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
