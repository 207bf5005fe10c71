package io.iotwatch.packet.features;

import io.iotwatch.packet.flow.FlowTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.packet.testing.Frames;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random, mutated and truncated packets, and the allocation-free packet path. */
class FeatureExtractorRobustnessTest {

    private static final int[] LINK_TYPES = {Protocols.LINK_ETHERNET, Protocols.LINK_ETHERNET,
            Protocols.LINK_RAW_IP, Protocols.LINK_LINUX_SLL, 7};

    private static List<byte[]> templates() {
        return List.of(
                Frames.tcp(Frames.A, 40000, Frames.B, 80, Frames.SYN | Frames.ACK, 30, 64),
                Frames.udp(Frames.A, 68, Frames.C, 67, 300, 64),
                Frames.icmpEcho(Frames.A, Frames.B, 56, 64),
                Frames.ipv4Other(Protocols.IP_GRE, Frames.A, Frames.B, 100, 64),
                Frames.arp(Frames.A, Frames.B),
                Frames.ipv6Udp(5353, 53, 20));
    }

    /** Fails on the first value that is not finite, naming the column and the seed. */
    private record FiniteRows(long seed) implements FeatureRowSink {
        @Override
        public void row(double[] features, FlowTable flows, int slot, long startNanos, long endNanos) {
            for (int column = 0; column < FeatureColumns.COUNT; column++) {
                assertThat(Double.isFinite(features[column]))
                        .as("seed %d: %s = %s", seed, FeatureColumns.names().get(column), features[column])
                        .isTrue();
            }
        }
    }

    @Test
    void randomAndDamagedPacketsNeverThrowNorMakeNonFiniteValues() {
        long seed = 0xFEA7_0E5L;
        Random random = new Random(seed);
        int capacity = 64;
        FiniteRows sink = new FiniteRows(seed);
        List<FeatureExtractor> extractors = List.of(
                new CicIot2023FeatureExtractor(capacity, 1, sink),
                new CicIot2023FeatureExtractor(8, 7, sink),
                new FlowFeatureExtractor(capacity, sink));
        List<byte[]> templates = templates();
        PacketDecoder decoder = new PacketDecoder();
        long time = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] packet;
            if (random.nextInt(4) == 0) {
                packet = new byte[random.nextInt(100)];
                random.nextBytes(packet);
            } else {
                packet = templates.get(random.nextInt(templates.size())).clone();
                for (int m = random.nextInt(4); m > 0; m--) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    packet = Arrays.copyOf(packet, random.nextInt(packet.length + 1));
                }
            }
            decoder.decode(packet, 0, packet.length, LINK_TYPES[random.nextInt(LINK_TYPES.length)]);
            // Times jump about, backwards too; slots, directions and lengths are arbitrary, out of range too.
            time += random.nextInt(10) == 0 ? -random.nextInt(1_000_000_000) : random.nextInt(50_000_000);
            int wireLength = random.nextInt(20) == 0 ? random.nextInt() : packet.length;
            int slot = random.nextInt(capacity + 2) - 1;
            boolean fromInitiator = random.nextBoolean();
            boolean newFlow = random.nextInt(8) == 0;
            for (FeatureExtractor extractor : extractors) {
                extractor.packet(decoder, time, wireLength, slot, fromInitiator, newFlow);
                if (random.nextInt(16) == 0) {
                    extractor.flowEnded(null, random.nextInt(capacity + 2) - 1);
                }
            }
        }
        extractors.forEach(FeatureExtractor::finish);
    }

    /**
     * A warm loop of a million packets through the decoder and both extractors, which emit rows all along,
     * allocates nothing: the bytes the thread allocated stay below a small constant.
     */
    @Test
    void thePacketPathAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] checksum = new double[1];
        FeatureRowSink sink = (features, flows, slot, start, end) -> checksum[0] += features[FeatureColumns.NUMBER];
        int capacity = 1024;
        CicIot2023FeatureExtractor compatible = new CicIot2023FeatureExtractor(capacity, 10, sink);
        FlowFeatureExtractor flows = new FlowFeatureExtractor(capacity, sink);
        byte[][] packets = new byte[256][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = switch (i % 4) {
                case 0 -> Frames.tcp(Frames.A, 1024 + i, Frames.B, 80, Frames.ACK, i, 64);
                case 1 -> Frames.udp(Frames.B, 53, Frames.A, 2048 + i, i, 64);
                case 2 -> Frames.icmpEcho(Frames.A, Frames.C, i, 64);
                default -> Frames.arp(Frames.A, Frames.B);
            };
        }
        PacketDecoder decoder = new PacketDecoder();
        Runnable loop = () -> {
            for (int i = 0; i < 1_000_000; i++) {
                byte[] packet = packets[i & 255];
                decoder.decode(packet, 0, packet.length, Protocols.LINK_ETHERNET);
                int slot = (i & 255) % 4 == 3 ? -1 : i % capacity;
                boolean newFlow = i % 64 == 0;
                compatible.packet(decoder, i * 1_000_000L, packet.length, slot, i % 3 != 0, newFlow);
                flows.packet(decoder, i * 1_000_000L, packet.length, slot, i % 3 != 0, newFlow);
                if (i % 64 == 63) {
                    flows.flowEnded(null, slot);
                }
            }
        };
        loop.run();
        loop.run();
        long before = threads.getCurrentThreadAllocatedBytes();
        loop.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(checksum[0]).isPositive();
        assertThat(allocated).as("bytes allocated by 1,000,000 packets").isLessThan(1024);
    }
}
