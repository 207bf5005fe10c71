package io.iotwatch.packet.pipeline;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.event.DnsEvent;
import io.iotwatch.core.event.Event;
import io.iotwatch.core.event.EventType;
import io.iotwatch.packet.capture.CaptureFiles;
import io.iotwatch.packet.capture.CaptureReader;
import io.iotwatch.packet.features.CicIot2023FeatureExtractor;
import io.iotwatch.packet.features.FlowFeatureExtractor;
import io.iotwatch.packet.flow.FlowConfig;
import io.iotwatch.packet.testing.DnsWire;
import io.iotwatch.packet.testing.Frames;
import io.iotwatch.packet.testing.Pcaps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole packet path (reader, decoder, tunnels, DNS, flows, events, both feature modes) over mutated
 * captures: it never throws, always ends, keeps hostile bytes out of event text, and counts every event it
 * hands on. The file header is left alone: a capture whose header breaks is refused as a whole.
 */
class PacketPipelineFuzzTest {

    private static final int ITERATIONS = 3_000;

    @Test
    void mutatedCapturesNeverBreakThePath() throws Exception {
        byte[] base = capture();
        for (long seed = 1; seed <= ITERATIONS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] mutated = mutate(base, random);
            List<Event> events = new ArrayList<>();
            PacketPipeline.Result result;
            try {
                result = run(mutated, events);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
            long stated = result.events().values().stream().mapToLong(Long::longValue).sum();
            assertThat(events).as("seed %d", seed).hasSize((int) stated);
            for (Event event : events) {
                if (event instanceof DnsEvent dns) {
                    assertThat(dns.queryName().chars().allMatch(c -> c > 0x20 && c < 0x7F))
                            .as("seed %d: printable DNS name %s", seed, dns.queryName()).isTrue();
                }
            }
        }
    }

    @Test
    void theUnmutatedCaptureGivesItsEvents() throws Exception {
        List<Event> events = new ArrayList<>();
        PacketPipeline.Result result = run(capture(), events);

        assertThat(result.damage()).isEmpty();
        assertThat(result.packets()).isEqualTo(9);
        assertThat(result.events()).containsEntry(EventType.CONNECTION, 4L).containsEntry(EventType.DNS, 1L)
                .containsEntry(EventType.ARP, 1L).containsEntry(EventType.AUTH, 1L);
    }

    @Test
    void aCaptureCutInsideARecordReportsWhereAndKeepsWhatCameBefore() throws Exception {
        byte[] whole = capture();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        List<Event> events = new ArrayList<>();
        PacketPipeline.Result result = run(cut, events);

        assertThat(result.packets()).isEqualTo(8);
        assertThat(result.damage()).singleElement().satisfies(d -> assertThat(d.offset()).isPositive());
    }

    private static PacketPipeline.Result run(byte[] file, List<Event> events) throws IOException, InterruptedException {
        FlowConfig flows = new FlowConfig(64, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofMinutes(30));
        CicIot2023FeatureExtractor windows = new CicIot2023FeatureExtractor(64, (row, table, slot, first, last) -> {});
        FlowFeatureExtractor perFlow = new FlowFeatureExtractor(64, (row, table, slot, first, last) -> {});
        PacketPipeline pipeline = new PacketPipeline(flows, batch -> events.addAll(batch.events()), 4,
                List.of(windows, perFlow));
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(file))) {
            PacketPipeline.Result result = pipeline.run(reader, "fuzz", (packets, bytes) -> {});
            windows.finish();
            perFlow.finish();
            return result;
        }
    }

    /** A little of everything: an SSH session, a DNS exchange, ARP, ICMP, a GRE-wrapped UDP packet. */
    private static byte[] capture() {
        int client = Frames.ip("192.168.1.10");
        int server = Frames.ip("192.168.1.1");
        byte[] query = DnsWire.header(5, DnsWire.QUERY, 1, 0, 0, 0).question("cam.example.com", 1).build();
        byte[] answer = DnsWire.header(5, DnsWire.RESPONSE, 1, 1, 0, 0).question("cam.example.com", 1)
                .pointer(12).record(1, new byte[] {10, 0, 0, 9}).build();
        byte[] greip = ByteBuffer.allocate(4 + 20 + 8).putShort((short) 0).putShort((short) 0x0800)
                .put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).putInt(Frames.A).putInt(Frames.B).putShort((short) 1).putShort((short) 2)
                .putShort((short) 8).putShort((short) 0).array();
        List<byte[]> frames = List.of(
                Frames.tcp(client, 40000, server, 22, SYN, 0),
                Frames.tcp(server, 22, client, 40000, SYN | ACK, 0),
                Frames.tcp(client, 40000, server, 22, PSH | ACK, 300),
                Frames.tcp(server, 22, client, 40000, FIN | ACK, 200),
                Frames.udp(client, 53000, server, 53, query, 64),
                Frames.udp(server, 53, client, 53000, answer, 64),
                Frames.arp(client, server),
                Frames.icmpEcho(client, server, 16, 64),
                Frames.ipv4Payload(47, client, server, greip, 64));
        return Pcaps.of(frames, 1_700_000_000);
    }

    private static byte[] mutate(byte[] base, SplittableRandom random) {
        byte[] b = base.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            switch (random.nextInt(4)) {
                case 0 -> b[24 + random.nextInt(b.length - 24)] = (byte) random.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, 24 + random.nextInt(b.length - 24));
                case 2 -> {
                    int at = 24 + random.nextInt(b.length - 24 + 1);
                    int inserted = 1 + random.nextInt(64);
                    byte[] grown = new byte[b.length + inserted];
                    System.arraycopy(b, 0, grown, 0, at);
                    for (int k = at; k < at + inserted; k++) {
                        grown[k] = (byte) random.nextInt(256);
                    }
                    System.arraycopy(b, at, grown, at + inserted, b.length - at);
                    b = grown;
                }
                default -> {
                    int at = 24 + random.nextInt(b.length - 24);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            if (b.length <= 24) {
                break;
            }
        }
        return b;
    }
}
