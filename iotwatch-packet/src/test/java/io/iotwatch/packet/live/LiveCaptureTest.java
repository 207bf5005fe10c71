package io.iotwatch.packet.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Captures real datagrams the test sends to itself on the loopback interface; nothing leaves the machine. */
class LiveCaptureTest {

    private static final int DATAGRAMS = 10;
    /** Long enough for any machine to deliver a few loopback datagrams; ends a test that would hang. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long SLACK_NANOS = Duration.ofMinutes(1).toNanos();

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private DatagramSocket receiver;

    @BeforeEach
    void setUp() throws IOException {
        LiveCaptures.assumeCanCapture();
        // The bound socket keeps the port ours and takes the datagrams, so the kernel sends no ICMP back.
        receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void tearDown() {
        watchdog.shutdownNow();
        if (receiver != null) {
            receiver.close();
        }
    }

    @ParameterizedTest(name = "immediate {0}")
    @ValueSource(booleans = {false, true})
    void capturesDatagramsSentOnLoopback(boolean immediate) throws IOException {
        int port = receiver.getLocalPort();
        List<byte[]> sent = new ArrayList<>();
        List<byte[]> captured = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder();
        LiveOptions options = new LiveOptions("lo", "udp dst port " + port, LiveOptions.DEFAULT_SNAP_LENGTH, true,
                LiveOptions.DEFAULT_BUFFER_SIZE, LiveOptions.DEFAULT_READ_TIMEOUT, immediate);
        try (LiveCapture capture = LiveCapture.open(options)) {
            watchdog.schedule(capture::stop, DEADLINE.toSeconds(), TimeUnit.SECONDS);
            long before = System.currentTimeMillis() * 1_000_000L;
            try (DatagramSocket sender = new DatagramSocket()) {
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] payload = ("iotwatch live capture test, datagram " + i).getBytes(StandardCharsets.US_ASCII);
                    sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
                    sent.add(payload);
                }
            }
            long after = System.currentTimeMillis() * 1_000_000L;

            while (captured.size() < DATAGRAMS && capture.next()) {
                assertThat(capture.linkType()).isEqualTo(Protocols.LINK_ETHERNET);
                assertThat(capture.capturedLength()).isEqualTo(capture.originalLength());
                byte[] b = capture.buffer();
                assertThat(decoder.decode(b, capture.offset(), capture.capturedLength(), capture.linkType())).isTrue();
                assertThat(decoder.transportProtocol()).isEqualTo(Protocols.IP_UDP);
                assertThat(decoder.destinationPort()).isEqualTo(port);
                int start = decoder.payloadOffset();
                captured.add(Arrays.copyOfRange(b, start, start + decoder.payloadLength()));
                timestamps.add(capture.timestampNanos());
            }

            assertThat(capture.damage()).isEmpty();
            assertThat(captured).as("datagrams captured before the deadline").containsExactlyElementsOf(sent);
            assertThat(capture.packets()).isEqualTo(DATAGRAMS);
            assertThat(timestamps).isSorted()
                    .allSatisfy(t -> assertThat(t).isBetween(before - SLACK_NANOS, after + SLACK_NANOS))
                    // nanosecond precision: in microseconds, every one would be a multiple of 1000
                    .anySatisfy(t -> assertThat(t % 1000).isNotZero());
            CaptureStats stats = capture.stats();
            // Linux may count a loopback packet once leaving and once arriving.
            assertThat(stats.received()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(stats.droppedByKernel()).isZero();
        }
    }

    @Test
    void stopFromAnotherThreadEndsAWaitingNext() throws Exception {
        // A read timeout far beyond the deadline: only pcap_breakloop can end the wait in time.
        LiveOptions options = new LiveOptions("lo", "udp dst port " + receiver.getLocalPort(),
                LiveOptions.DEFAULT_SNAP_LENGTH, false, LiveOptions.DEFAULT_BUFFER_SIZE, Duration.ofHours(1), false);
        try (LiveCapture capture = LiveCapture.open(options)) {
            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(capture::next);
            // Give next() time to block in libpcap; returning false is right whether or not it got there.
            Thread.sleep(300);
            assertThat(next).isNotDone();

            capture.stop();

            assertThat(next.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isFalse();
            assertThat(capture.next()).as("next() after stop()").isFalse();
            assertThat(capture.damage()).isEmpty();
        }
    }

    @Test
    void stopBeforeReadingEndsTheCapture() throws IOException {
        LiveOptions options = LiveOptions.of("lo").withFilter("udp dst port " + receiver.getLocalPort());
        try (LiveCapture capture = LiveCapture.open(options)) {
            capture.stop();
            capture.stop();

            assertThat(capture.next()).isFalse();
            assertThat(capture.packets()).isZero();
        }
    }

    @Test
    void closedCaptureKeepsItsLastCountsAndIgnoresStop() throws IOException {
        int port = receiver.getLocalPort();
        LiveCapture capture = LiveCapture.open(LiveOptions.of("lo").withFilter("udp dst port " + port));
        watchdog.schedule(capture::stop, DEADLINE.toSeconds(), TimeUnit.SECONDS);
        try (DatagramSocket sender = new DatagramSocket()) {
            sender.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), port));
        }
        assertThat(capture.next()).isTrue();
        CaptureStats counted = capture.stats();

        capture.close();
        capture.close();
        capture.stop();

        assertThat(capture.next()).isFalse();
        assertThat(capture.stats()).isEqualTo(counted);
        assertThat(counted.received()).isPositive();
    }
}
