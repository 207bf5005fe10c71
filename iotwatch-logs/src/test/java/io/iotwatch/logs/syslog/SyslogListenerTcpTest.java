package io.iotwatch.logs.syslog;

import static io.iotwatch.logs.syslog.SyslogTestSupport.PATIENCE;
import static io.iotwatch.logs.syslog.SyslogTestSupport.await;
import static io.iotwatch.logs.syslog.SyslogTestSupport.options;
import static io.iotwatch.logs.syslog.SyslogTestSupport.startTcp;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.logs.syslog.SyslogTestSupport.BangRejecter;
import io.iotwatch.logs.syslog.SyslogTestSupport.CollectingSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SyslogListenerTcpTest {

    @Test
    void framesLinesAndOctetCountsMixedOnOneConnection() throws Exception {
        CollectingSink sink = new CollectingSink();
        SyslogListener listener = startTcp(sink, options(10, Duration.ofMillis(20), 1000));
        String origin;
        try (listener; Socket client = connect(listener)) {
            origin = "tcp://127.0.0.1:" + client.getLocalPort();
            write(client, "<13>by line\n12 <13>by count\n!bad line\r\n4 !bad");
            sink.awaitTotal(4);
        }
        assertThat(sink.texts()).containsExactly("<13>by line", "<13>by count");
        assertThat(sink.rejects()).extracting(r -> new String(r.raw(), US_ASCII)).containsExactly("!bad line", "!bad");
        assertThat(sink.rejects()).allSatisfy(r -> {
            assertThat(r.origin()).isEqualTo(origin);
            assertThat(r.reason()).isEqualTo("starts with !");
            assertThat(r.lineNumber()).isEqualTo(r.id().position());
        });
        assertThat(listener.stats().tcp()).hasValue(new TcpStats(0, 1, 0, 4, 2, 2, 0));
    }

    @Test
    void recoversMessagesAcrossArbitrarySegmentBoundaries() throws Exception {
        Random random = new Random(6587);
        List<String> sent = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String message = "<13>message " + i + " " + "p".repeat(random.nextInt(800));
            sent.add(message);
            stream.append(random.nextBoolean() ? message + "\n" : message.length() + " " + message);
        }
        byte[] bytes = stream.toString().getBytes(US_ASCII);
        CollectingSink sink = new CollectingSink();
        try (SyslogListener listener = startTcp(sink, options(100, Duration.ofMillis(20), 1000));
                Socket client = connect(listener)) {
            client.setTcpNoDelay(true);
            OutputStream out = client.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 10 : 3000));
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
            sink.awaitTotal(sent.size());
            assertThat(sink.texts()).isEqualTo(sent);
            assertThat(sink.rejects()).isEmpty();
        }
    }

    @Test
    void deliversEveryMessageExactlyOnceFromConcurrentSendersDespiteASlowSink() throws Exception {
        int senders = 4;
        int perSender = 50_000;
        CollectingSink sink = new CollectingSink(2);
        SyslogListener listener = startTcp(sink, options(200, Duration.ofMillis(20), 1000));
        try (listener; ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sending.add(pool.submit(() -> {
                    try (Socket client = connect(listener);
                            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 1 << 16)) {
                        for (int i = 0; i < perSender; i++) {
                            String message = "<134>sender=" + sender + " seq=" + i + " " + "f".repeat(i % 200);
                            byte[] framed = (i % 2 == 0 ? message + "\n" : message.length() + " " + message).getBytes(US_ASCII);
                            out.write(framed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : sending) {
                future.get();
            }
            sink.awaitTotal(senders * perSender);
        }
        List<Event> events = sink.events();
        assertThat(events).hasSize(senders * perSender);
        assertThat(sink.rejects()).isEmpty();
        Set<String> distinct = new HashSet<>(sink.texts());
        assertThat(distinct).hasSize(senders * perSender);
        for (int s = 0; s < senders; s++) {
            assertThat(distinct).contains("<134>sender=" + s + " seq=" + (perSender - 1) + " " + "f".repeat((perSender - 1) % 200));
        }
        assertThat(events.stream().map(Event::id).distinct()).hasSize(senders * perSender);
        assertThat(listener.stats().tcp()).hasValue(new TcpStats(0, senders, 0, senders * perSender, senders * perSender, 0, 0));
    }

    @Test
    void rejectsOversizeMessagesAndResynchronises() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (SyslogListener listener = startTcp(sink, options(10, Duration.ofMillis(20), 50));
                Socket client = connect(listener)) {
            String longCounted = "<13>" + "c\n".repeat(40);
            write(client, "<13>" + "l".repeat(100) + "\n<13>after line\n"
                    + longCounted.length() + " " + longCounted + "<13>after count\n");
            sink.awaitTotal(4);

            assertThat(sink.texts()).containsExactly("<13>after line", "<13>after count");
            assertThat(sink.rejects()).hasSize(2).allSatisfy(r -> {
                assertThat(r.raw()).hasSize(50);
                assertThat(r.reason()).contains("longer than 50 bytes");
            });
            TcpStats stats = listener.stats().tcp().orElseThrow();
            assertThat(stats.oversize()).isEqualTo(2);
            assertThat(stats.rejects()).isEqualTo(2);
        }
    }

    @Test
    void rejectsAMessageCutShortByTheSenderClosingAsTruncated() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (SyslogListener listener = startTcp(sink, options(10, Duration.ofMillis(20), 1000))) {
            try (Socket client = connect(listener)) {
                write(client, "<13>whole\n20 <13>cut");
            }
            sink.awaitTotal(2);
            assertThat(sink.texts()).containsExactly("<13>whole");
            assertThat(sink.rejects()).singleElement().satisfies(r -> {
                assertThat(new String(r.raw(), US_ASCII)).isEqualTo("<13>cut");
                assertThat(r.reason()).startsWith("truncated");
            });
        }
    }

    @Test
    void handsOverAPartialBatchOnceItsDelayHasPassed() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (SyslogListener listener = startTcp(sink, options(1000, Duration.ofMillis(20), 1000));
                Socket client = connect(listener)) {
            write(client, "<13>alone\n");
            sink.awaitTotal(1);
            assertThat(sink.texts()).containsExactly("<13>alone");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void closeHandsOverWhatOpenConnectionsSent() throws Exception {
        CollectingSink sink = new CollectingSink();
        SyslogListener listener = startTcp(sink, options(1000, Duration.ofHours(1), 1000));
        try (Socket client = connect(listener)) {
            write(client, "<13>a\n<13>b\n<13>c\n<13>partial");
            await(() -> listener.stats().tcp().orElseThrow().frames() == 3, () -> "three frames");
            assertThat(sink.total()).as("a batch of 1000 waits up to an hour").isZero();
            listener.close();
        }
        assertThat(sink.texts()).containsExactly("<13>a", "<13>b", "<13>c");
        assertThat(sink.rejects()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("truncated"));
    }

    @Test
    void refusesConnectionsBeyondTheMaximum() throws Exception {
        CollectingSink sink = new CollectingSink();
        SyslogOptions two = new SyslogOptions(1, Duration.ofMillis(20), 1000, 1 << 20, 1 << 20, 2);
        try (SyslogListener listener = startTcp(sink, two);
                Socket first = connect(listener);
                Socket second = connect(listener)) {
            write(first, "<13>first\n");
            write(second, "<13>second\n");
            sink.awaitTotal(2);

            try (Socket third = connect(listener)) {
                assertThat(readsEndOrReset(third)).isTrue();
            }
            await(() -> listener.stats().tcp().orElseThrow().connectionsRefused() == 1, () -> "the refusal to be counted");

            first.shutdownOutput();
            await(() -> listener.stats().tcp().orElseThrow().connectionsOpen() == 1, () -> "the first connection to end");
            try (Socket fourth = connect(listener)) {
                write(fourth, "<13>fourth\n");
                sink.awaitTotal(3);
            }
            assertThat(sink.texts()).containsExactlyInAnyOrder("<13>first", "<13>second", "<13>fourth");
            TcpStats stats = listener.stats().tcp().orElseThrow();
            assertThat(stats.connectionsTotal()).isEqualTo(3);
            assertThat(stats.connectionsRefused()).isEqualTo(1);
        }
    }

    @Test
    void eachReceiverAndEachSessionNumbersInItsOwnStream() throws Exception {
        List<Long> streams = new ArrayList<>();
        for (int session = 0; session < 2; session++) {
            CollectingSink sink = new CollectingSink();
            try (SyslogListener listener = SyslogListener.start(
                            Optional.of(SyslogTestSupport.LOOPBACK_ANY_PORT), Optional.of(SyslogTestSupport.LOOPBACK_ANY_PORT),
                            BangRejecter::new, sink, options(1, Duration.ofMillis(20), 1000));
                    Socket client = connect(listener);
                    DatagramChannel udp = DatagramChannel.open()) {
                write(client, "<13>tcp\n");
                udp.send(ByteBuffer.wrap("<13>udp".getBytes(US_ASCII)),
                        new InetSocketAddress("127.0.0.1", listener.udp().orElseThrow().port()));
                sink.awaitTotal(2);
                assertThat(sink.events()).extracting(Event::id).extracting(EventId::position).containsOnly(1L);
                sink.events().forEach(e -> streams.add(e.id().stream()));
                assertThat(listener.stats().udp()).isPresent();
                assertThat(listener.stats().tcp()).isPresent();
            }
        }
        assertThat(streams).doesNotHaveDuplicates();
    }

    @Test
    void failsToStartWhenAPortIsTakenAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> SyslogListener.start(Optional.of(address), Optional.of(address),
                            BangRejecter::new, new CollectingSink(), options(1, Duration.ofMillis(20), 1000)))
                    .isInstanceOf(IOException.class);
            try (DatagramChannel udp = DatagramChannel.open().bind(address)) {
                assertThat(udp.isOpen()).as("the UDP port was released again").isTrue();
            }
        }
    }

    private static Socket connect(SyslogListener listener) throws IOException {
        Socket socket = new Socket("127.0.0.1", listener.tcp().orElseThrow().port());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        return socket;
    }

    private static void write(Socket client, String text) throws IOException {
        client.getOutputStream().write(text.getBytes(US_ASCII));
        client.getOutputStream().flush();
    }

    /** Whether the server ends the connection: end of stream or a reset. */
    private static boolean readsEndOrReset(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
