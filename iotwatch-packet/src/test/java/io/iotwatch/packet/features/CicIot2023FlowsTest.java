package io.iotwatch.packet.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CicIot2023FlowsTest {

    private static final int[] FLAGS = {CicIot2023Flows.FIN, CicIot2023Flows.SYN, CicIot2023Flows.RST,
            CicIot2023Flows.PSH, CicIot2023Flows.ACK};

    /** What an entry should hold, kept plainly in a map keyed by the unordered endpoint pair. */
    private static final class Expected {
        long packets;
        long bytes;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        final long[] flags = new long[FLAGS.length];
    }

    @Test
    void entriesHoldWhatAPlainMapOfTheirFramesHolds() {
        SplittableRandom random = new SplittableRandom(11);
        int maxFlows = 64;
        CicIot2023Flows flows = new CicIot2023Flows(maxFlows);
        Map<List<Long>, Expected> expected = new HashMap<>();
        // Few addresses and ports, so that entries collide, come back in both directions and fill the table.
        for (int i = 0; i < 100_000; i++) {
            boolean tcp = random.nextBoolean();
            int sourceIp = random.nextInt(6) - 3;
            int destinationIp = random.nextInt(6) - 3;
            int sourcePort = random.nextInt(5) * 16_383;
            int destinationPort = random.nextInt(5) * 16_383;
            int frame = random.nextInt(65_536);
            double seconds = 1.7e9 + random.nextInt(1_000_000) / 1e6;
            long a = (sourceIp & 0xFFFFFFFFL) << 16 | sourcePort;
            long b = (destinationIp & 0xFFFFFFFFL) << 16 | destinationPort;
            List<Long> key = List.of(Math.min(a, b), Math.max(a, b), tcp ? 1L : 0L);
            long resetsBefore = flows.resets();
            int entry = flows.find(tcp, sourceIp, sourcePort, destinationIp, destinationPort);
            long[] records = flows.records();
            int state = CicIot2023Flows.state(entry);
            CicIot2023Flows.addFrame(records, state, frame, seconds);
            if (flows.resets() != resetsBefore) {
                expected.clear();
            }
            Expected e = expected.computeIfAbsent(key, k -> new Expected());
            assertThat(expected).hasSizeLessThanOrEqualTo(maxFlows);
            e.packets++;
            e.bytes += frame;
            e.first = Math.min(e.first, seconds);
            e.last = Math.max(e.last, seconds);
            if (tcp) {
                int tcpFlags = random.nextInt(256);
                CicIot2023Flows.countFlags(records, state, tcpFlags);
                for (int f = 0; f < FLAGS.length; f++) {
                    e.flags[f] += tcpFlags >>> f & 1;
                }
            }
            assertThat(CicIot2023Flows.packets(records, state)).isEqualTo(e.packets);
            assertThat(CicIot2023Flows.bytes(records, state)).isEqualTo(e.bytes);
            assertThat(CicIot2023Flows.durationSeconds(records, state)).isEqualTo(e.last - e.first);
            for (int f = 0; f < FLAGS.length; f++) {
                assertThat(CicIot2023Flows.flagCount(records, state, FLAGS[f])).isEqualTo(e.flags[f]);
            }
        }
        assertThat(flows.resets()).isPositive();
    }

    @Test
    void aReservedFlowIsCountedAtOnceAndHeldOnceItsStateIsPut() {
        SplittableRandom random = new SplittableRandom(12);
        int maxFlows = 500;
        CicIot2023Flows flows = new CicIot2023Flows(maxFlows);
        Map<List<Integer>, long[]> expected = new HashMap<>();
        long resets = 0;
        int reserved = 0;
        for (int i = 0; i < 200_000; i++) {
            boolean tcp = random.nextBoolean();
            int sourceIp = random.nextInt(40);
            int destinationIp = random.nextInt(40);
            int port = random.nextInt(3);
            List<Integer> key = List.of(Math.min(sourceIp, destinationIp), Math.max(sourceIp, destinationIp), port, tcp ? 1 : 0);
            // the pair in either order: the entry is the same
            boolean forward = random.nextBoolean();
            int a = forward ? sourceIp : destinationIp;
            int b = forward ? destinationIp : sourceIp;
            long[] held = expected.get(key);
            if (held == null && expected.size() == maxFlows) {
                expected.clear();
                resets++;
            }
            int entry = flows.findOrReserve(tcp, a, port, b, port);
            assertThat(flows.resets()).isEqualTo(resets);
            long[] state = new long[CicIot2023Flows.STATE_WORDS];
            if (entry == CicIot2023Flows.RESERVED) {
                assertThat(held).as("a held flow is never reserved").isNull();
                reserved++;
            } else {
                assertThat(Arrays.copyOfRange(flows.records(), CicIot2023Flows.state(entry),
                        CicIot2023Flows.state(entry) + CicIot2023Flows.STATE_WORDS)).isEqualTo(held == null ? state : held);
            }
            for (int w = 0; w < state.length; w++) {
                state[w] = random.nextLong();
            }
            expected.put(key, state);
            if (entry == CicIot2023Flows.RESERVED) {
                flows.put(tcp, b, port, a, port, state, 0);
            } else {
                System.arraycopy(state, 0, flows.records(), CicIot2023Flows.state(entry), state.length);
            }
        }
        assertThat(resets).isPositive();
        assertThat(reserved).as("most new flows are told apart without a look-up").isGreaterThan((int) (resets * maxFlows / 2));
    }
}
