package io.iotwatch.logs.syslog;

import static io.iotwatch.logs.syslog.SyslogTestSupport.await;
import static io.iotwatch.logs.syslog.SyslogTestSupport.options;
import static io.iotwatch.logs.syslog.SyslogTestSupport.startUdp;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventId;
import io.iotwatch.core.event.Reject;
import io.iotwatch.core.sink.EventSink;
import io.iotwatch.logs.syslog.SyslogTestSupport.BangRejecter;
import io.iotwatch.logs.syslog.SyslogTestSupport.CollectingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SyslogListenerUdpTest {

    @Test
    void turnsEveryDatagramIntoAnEventOrAReject() throws Exception {
        CollectingSink sink = new CollectingSink();
        List<String> expectedEvents = new ArrayList<>();
        int rejected = 0;
        SyslogListener listener = startUdp(sink, options(10, Duration.ofMillis(20), 1000));
        String origin;
        try (listener; DatagramChannel sender = sender()) {
            origin = "udp://127.0.0.1:" + ((InetSocketAddress) sender.getLocalAddress()).getPort();
            int port = listener.udp().orElseThrow().port();
            for (int i = 0; i < 300; i++) {
                String text = i % 10 == 0 ? "!bad " + i : "<13>message " + i;
                String terminator = i % 7 == 0 ? "\r\n\u0000" : i % 3 == 0 ? "\n" : "";
                send(sender, port, i == 5 ? "\n" : text + terminator);
                if (i == 5 || i % 10 == 0) {
                    rejected++;
                } else {
                    expectedEvents.add(text);
                }
            }
            await(() -> listener.stats().udp().orElseThrow().received() == 300, () -> "300 datagrams to arrive");
        }
        UdpStats stats = listener.stats().udp().orElseThrow();
        assertThat(stats.received()).isEqualTo(stats.events() + stats.rejects() + stats.appDropped()).isEqualTo(300);
        assertThat(stats.appDropped()).isZero();
        assertThat(stats.events()).isEqualTo(expectedEvents.size());
        assertThat(stats.rejects()).isEqualTo(rejected);
        assertThat(sink.texts()).isEqualTo(expectedEvents);
        assertThat(sink.largestBatch()).isLessThanOrEqualTo(10);

        assertThat(sink.rejects()).allSatisfy(r -> {
            assertThat(r.origin()).isEqualTo(origin);
            assertThat(r.lineNumber()).isEqualTo(r.id().position());
        });
        assertThat(sink.rejects()).filteredOn(r -> r.reason().equals("empty datagram")).singleElement()
                .satisfies(r -> assertThat(r.raw()).isEqualTo("\n".getBytes(US_ASCII)));
        assertThat(new String(sink.rejects().getFirst().raw(), US_ASCII)).isEqualTo("!bad 0");

        List<EventId> ids = Stream.concat(sink.events().stream().map(Event::id), sink.rejects().stream().map(Reject::id)).toList();
        assertThat(ids).extracting(EventId::stream).containsOnly(ids.getFirst().stream());
        assertThat(ids).extracting(EventId::position).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 300).boxed().toList());
    }

    @Test
    void rejectsOversizeDatagramsKeepingTheirHead() throws Exception {
        CollectingSink sink = new CollectingSink();
        SyslogListener listener = startUdp(sink, options(10, Duration.ofMillis(20), 100));
        try (listener; DatagramChannel sender = sender()) {
            int port = listener.udp().orElseThrow().port();
            send(sender, port, "x".repeat(150));
            send(sender, port, "y".repeat(100));
            sink.awaitTotal(2);
        }
        assertThat(sink.texts()).containsExactly("y".repeat(100));
        assertThat(sink.rejects()).singleElement().satisfies(r -> {
            assertThat(r.raw()).isEqualTo("x".repeat(100).getBytes(US_ASCII));
            assertThat(r.reason()).contains("longer than 100 bytes");
        });
        UdpStats stats = listener.stats().udp().orElseThrow();
        assertThat(stats.oversize()).isEqualTo(1);
        assertThat(stats.rejects()).isEqualTo(1);
    }

    @Test
    void dropsAndCountsDatagramsWhileTheSinkBlocksAndStillCloses() throws Exception {
        CollectingSink sink = new CollectingSink();
        sink.shut();
        SyslogOptions small = new SyslogOptions(10, Duration.ofMillis(20), 1000, 8 << 20, SyslogOptions.MIN_UDP_QUEUE_BYTES, 1);
        SyslogListener listener = startUdp(sink, small);
        try (DatagramChannel sender = sender()) {
            int port = listener.udp().orElseThrow().port();
            for (int i = 0; i < 1000; i++) {
                send(sender, port, "<13>" + "m".repeat(500) + i);
            }
            await(() -> listener.stats().udp().orElseThrow().received() == 1000, () -> "1000 datagrams to arrive");
            assertThat(listener.stats().udp().orElseThrow().appDropped()).isPositive();

            Thread closing = Thread.ofPlatform().start(() -> {
                try {
                    listener.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            sink.open();
            closing.join(SyslogTestSupport.PATIENCE);
            assertThat(closing.isAlive()).as("close returns once the sink moves").isFalse();
        }
        UdpStats stats = listener.stats().udp().orElseThrow();
        assertThat(stats.events() + stats.rejects() + stats.appDropped()).isEqualTo(1000);
        assertThat(sink.events()).hasSize((int) stats.events());
    }

    @Test
    void reportsItsReceiveBufferAndTheKernelsDrops() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/net/udp"))).as("kernel drops are read from Linux's /proc/net/udp").isTrue();
        CollectingSink sink = new CollectingSink();
        SyslogListener listener = startUdp(sink, options(10, Duration.ofMillis(20), 1000));
        try (listener) {
            UdpStats stats = listener.stats().udp().orElseThrow();
            assertThat(stats.receiveBufferBytes()).isPositive();
            assertThat(stats.kernelDropped()).hasValue(0);
        }
        assertThat(listener.stats().udp().orElseThrow().kernelDropped()).as("kept from before the socket closed").hasValue(0);
    }

    @Test
    void closeReportsThatTheSinkFailed() throws Exception {
        EventSink failing = batch -> {
            throw new IllegalStateException("database gone");
        };
        SyslogListener listener = SyslogListener.start(Optional.of(SyslogTestSupport.LOOPBACK_ANY_PORT), Optional.empty(),
                BangRejecter::new, failing, options(1, Duration.ofMillis(20), 1000));
        try (DatagramChannel sender = sender()) {
            send(sender, listener.udp().orElseThrow().port(), "<13>lost");
            await(() -> listener.stats().udp().orElseThrow().received() == 1, () -> "the datagram to arrive");
        }
        assertThatThrownBy(listener::close).isInstanceOf(IOException.class).hasMessageContaining("database gone");
    }

    private static DatagramChannel sender() throws IOException {
        return DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress("127.0.0.1", 0));
    }

    private static void send(DatagramChannel sender, int port, String text) throws IOException {
        sender.send(ByteBuffer.wrap(text.getBytes(US_ASCII)), new InetSocketAddress("127.0.0.1", port));
    }
}
