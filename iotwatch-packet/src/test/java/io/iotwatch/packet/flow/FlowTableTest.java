package io.iotwatch.packet.flow;

import static io.iotwatch.packet.testing.Frames.ACK;
import static io.iotwatch.packet.testing.Frames.FIN;
import static io.iotwatch.packet.testing.Frames.PSH;
import static io.iotwatch.packet.testing.Frames.RST;
import static io.iotwatch.packet.testing.Frames.SYN;
import static io.iotwatch.packet.testing.Frames.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.testing.Frames;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowTableTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int CLIENT = ip("192.168.1.10");
    private static final int SERVER = ip("192.168.1.1");

    /** What the listener was told: a copy of each ended flow. */
    record Ended(FlowEnd reason, String initiator, int initiatorPort, String responder, int responderPort,
            long packetsOut, long packetsIn, long bytesOut, long bytesIn, long payloadOut, long payloadIn,
            int flagsOut, int flagsIn, long first, long last, String communityId) {}

    private final List<Ended> ended = new ArrayList<>();
    private final PacketDecoder decoder = new PacketDecoder();

    private FlowTable table(FlowConfig config, FlowObserver... observers) {
        return new FlowTable(config, (flows, slot, reason) -> ended.add(new Ended(reason,
                PacketDecoder.ipv4ToString((int) flows.initiatorLo(slot)), flows.initiatorPort(slot),
                PacketDecoder.ipv4ToString((int) flows.responderLo(slot)), flows.responderPort(slot),
                flows.packetsOut(slot), flows.packetsIn(slot), flows.bytesOut(slot), flows.bytesIn(slot),
                flows.payloadOut(slot), flows.payloadIn(slot), flows.flagsOut(slot), flows.flagsIn(slot),
                flows.firstNanos(slot), flows.lastNanos(slot), flows.communityId(slot).text())),
                List.of(observers));
    }

    private int feed(FlowTable table, byte[] frame, long time) {
        decoder.decode(frame, 0, frame.length, 1);
        return table.track(decoder, time, frame.length);
    }

    @Test
    void aTcpConnectionIsOneFlowCountedEachWayAndEndsAfterItsCloseGrace() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.tcp(CLIENT, 40000, SERVER, 22, SYN, 0), 0);
        feed(table, Frames.tcp(SERVER, 22, CLIENT, 40000, SYN | ACK, 0), SECOND / 100);
        feed(table, Frames.tcp(CLIENT, 40000, SERVER, 22, ACK | PSH, 100), 2 * SECOND / 100);
        feed(table, Frames.tcp(SERVER, 22, CLIENT, 40000, ACK | PSH, 300), 3 * SECOND / 100);
        feed(table, Frames.tcp(CLIENT, 40000, SERVER, 22, FIN | ACK, 0), SECOND);
        feed(table, Frames.tcp(SERVER, 22, CLIENT, 40000, FIN | ACK, 0), SECOND + 1);
        feed(table, Frames.tcp(CLIENT, 40000, SERVER, 22, ACK, 0), SECOND + 2);
        assertThat(ended).isEmpty();
        assertThat(table.size()).isEqualTo(1);

        // Any packet 5 seconds later (the close grace) ends it.
        feed(table, Frames.udp(CLIENT, 5353, SERVER, 5353, 10), 7 * SECOND);

        assertThat(ended).hasSize(1);
        Ended flow = ended.getFirst();
        assertThat(flow.reason()).isEqualTo(FlowEnd.CLOSED);
        assertThat(flow.initiator()).isEqualTo("192.168.1.10");
        assertThat(flow.initiatorPort()).isEqualTo(40000);
        assertThat(flow.responder()).isEqualTo("192.168.1.1");
        assertThat(flow.responderPort()).isEqualTo(22);
        assertThat(flow.packetsOut()).isEqualTo(4);
        assertThat(flow.packetsIn()).isEqualTo(3);
        assertThat(flow.bytesOut()).isEqualTo(4 * 54 + 100);
        assertThat(flow.bytesIn()).isEqualTo(3 * 54 + 300);
        assertThat(flow.payloadOut()).isEqualTo(100);
        assertThat(flow.payloadIn()).isEqualTo(300);
        assertThat(flow.flagsOut()).isEqualTo(SYN | ACK | PSH | FIN);
        assertThat(flow.flagsIn()).isEqualTo(SYN | ACK | PSH | FIN);
        assertThat(flow.first()).isZero();
        assertThat(flow.last()).isEqualTo(SECOND + 2);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void theFlowsCommunityIdIsTheSpecificationsForItsTuple() {
        FlowTable table = table(FlowConfig.defaults());
        // The reply arrives first: the initiator is still the client, so the id matches the spec's vector.
        feed(table, Frames.tcp(ip("66.35.250.204"), 80, ip("128.232.110.120"), 34855, SYN | ACK, 0), 0);
        table.flush();
        assertThat(ended.getFirst().initiator()).isEqualTo("128.232.110.120");
        assertThat(ended.getFirst().communityId()).isEqualTo("1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
    }

    @Test
    void aFirstPacketFromAWellKnownPortIsTakenAsTheResponderSpeaking() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.udp(SERVER, 53, CLIENT, 53000, 60), 0);
        assertThat(table.lastFromInitiator()).isFalse();
        feed(table, Frames.udp(CLIENT, 53000, SERVER, 53, 30), 1);
        assertThat(table.lastFromInitiator()).isTrue();
        table.flush();
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.initiator()).isEqualTo("192.168.1.10");
            assertThat(f.packetsOut()).isEqualTo(1);
            assertThat(f.packetsIn()).isEqualTo(1);
            assertThat(f.reason()).isEqualTo(FlowEnd.END_OF_INPUT);
        });
    }

    @Test
    void udpEndsAfterTheIdleTimeoutAndEstablishedTcpAfterItsLongerOne() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.tcp(CLIENT, 40001, SERVER, 443, SYN, 0), 0);
        feed(table, Frames.tcp(SERVER, 443, CLIENT, 40001, SYN | ACK, 0), 1);
        feed(table, Frames.tcp(CLIENT, 40001, SERVER, 443, ACK, 0), 1);
        feed(table, Frames.udp(CLIENT, 50000, SERVER, 123, 48), 2);
        feed(table, Frames.udp(SERVER, 123, CLIENT, 50000, 48), 3);
        feed(table, Frames.udp(CLIENT, 50001, SERVER, 9999, 48), 59 * SECOND);
        feed(table, Frames.udp(SERVER, 9999, CLIENT, 50001, 48), 59 * SECOND + 1);
        assertThat(ended).isEmpty();

        feed(table, Frames.udp(CLIENT, 50001, SERVER, 9999, 48), 61 * SECOND);
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.responderPort()).isEqualTo(123);
            assertThat(f.reason()).isEqualTo(FlowEnd.IDLE);
        });

        feed(table, Frames.udp(CLIENT, 50001, SERVER, 9999, 48), 300 * SECOND + 1);
        // Established TCP waits 5 minutes; the second UDP flow had gone quiet for over a minute by then.
        assertThat(ended).extracting(Ended::responderPort).containsExactly(123, 443, 9999);
        assertThat(ended).extracting(Ended::reason).containsOnly(FlowEnd.IDLE);
    }

    @Test
    void anUnansweredSynWaitsOnlyTheAttemptTimeout() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.tcp(CLIENT, 40002, SERVER, 8080, SYN, 0), 0);
        feed(table, Frames.tcp(CLIENT, 40002, SERVER, 8080, SYN, 0), SECOND);
        feed(table, Frames.udp(CLIENT, 5353, SERVER, 5353, 10), 5 * SECOND);
        assertThat(ended).isEmpty();
        feed(table, Frames.udp(CLIENT, 5353, SERVER, 5353, 10), 7 * SECOND);
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.packetsOut()).isEqualTo(2);
            assertThat(f.packetsIn()).isZero();
            assertThat(f.reason()).isEqualTo(FlowEnd.IDLE);
        });
    }

    @Test
    void aSynAnsweredOnlyByASynAckIsStillAnAttempt() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.tcp(ip("198.51.100.7"), 40005, SERVER, 80, SYN, 0), 0);
        feed(table, Frames.tcp(SERVER, 80, ip("198.51.100.7"), 40005, SYN | ACK, 0), 1);
        feed(table, Frames.tcp(SERVER, 80, ip("198.51.100.7"), 40005, SYN | ACK, 0), SECOND);
        feed(table, Frames.udp(CLIENT, 5353, SERVER, 5353, 10), 7 * SECOND);
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.packetsOut()).isEqualTo(1);
            assertThat(f.packetsIn()).isEqualTo(2);
            assertThat(f.reason()).isEqualTo(FlowEnd.IDLE);
        });
    }

    @Test
    void anUnansweredUdpFlowWaitsOnlyTheUnansweredTimeout() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.udp(CLIENT, 50002, SERVER, 5683, 20), 0);
        feed(table, Frames.udp(CLIENT, 50003, SERVER, 123, 48), 0);
        feed(table, Frames.udp(SERVER, 123, CLIENT, 50003, 48), 1);
        feed(table, Frames.icmp(CLIENT, SERVER, 8, 0, 32, 64), 2);
        feed(table, Frames.udp(CLIENT, 50004, SERVER, 7, 1), 9 * SECOND);
        assertThat(ended).isEmpty();
        feed(table, Frames.udp(CLIENT, 50004, SERVER, 7, 1), 11 * SECOND);
        // The unanswered CoAP request and ICMP echo; the answered NTP exchange waits for the idle timeout.
        assertThat(ended).hasSize(2).extracting(Ended::responderPort).contains(5683).doesNotContain(123);
        assertThat(ended).allSatisfy(f -> {
            assertThat(f.packetsIn()).isZero();
            assertThat(f.reason()).isEqualTo(FlowEnd.IDLE);
        });
    }

    @Test
    void aNewSynOnClosedPortsStartsANewFlow() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.tcp(CLIENT, 40003, SERVER, 23, SYN, 0), 0);
        feed(table, Frames.tcp(SERVER, 23, CLIENT, 40003, RST | ACK, 0), 1);
        int second = feed(table, Frames.tcp(CLIENT, 40003, SERVER, 23, SYN, 0), 2);
        assertThat(table.lastNewFlow()).isTrue();
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(FlowEnd.CLOSED);
            assertThat(f.packetsOut()).isEqualTo(1);
            assertThat(f.packetsIn()).isEqualTo(1);
        });
        assertThat(second).isNotNegative();
        assertThat(table.flowsStarted()).isEqualTo(2);
    }

    @Test
    void aFlowLongerThanTheActiveTimeoutIsReportedAndGoesOnAsANewOne() {
        FlowConfig config = new FlowConfig(16, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(100));
        FlowTable table = table(config);
        for (int i = 0; i <= 150; i += 30) {
            feed(table, Frames.udp(CLIENT, 50000, SERVER, 5683, 20), i * SECOND);
        }
        table.flush();
        assertThat(ended).extracting(Ended::reason).containsExactly(FlowEnd.ACTIVE, FlowEnd.END_OF_INPUT);
        assertThat(ended).extracting(Ended::packetsOut).containsExactly(4L, 2L);
    }

    @Test
    void aFullTableEndsItsLeastRecentlyActiveFlowAndCountsIt() {
        FlowConfig config = new FlowConfig(3, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofMinutes(30));
        FlowTable table = table(config);
        feed(table, Frames.udp(CLIENT, 41001, SERVER, 7000, 1), 1);
        feed(table, Frames.udp(CLIENT, 41002, SERVER, 7000, 1), 2);
        feed(table, Frames.udp(CLIENT, 41003, SERVER, 7000, 1), 3);
        feed(table, Frames.udp(CLIENT, 41001, SERVER, 7000, 1), 4);
        feed(table, Frames.udp(CLIENT, 41004, SERVER, 7000, 1), 5);
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.initiatorPort()).isEqualTo(41002);
            assertThat(f.reason()).isEqualTo(FlowEnd.EVICTED);
        });
        assertThat(table.evictions()).isEqualTo(1);
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void icmpEchoRequestAndReplyShareAFlowAndPacketsWithoutPortsBelongToNone() {
        FlowTable table = table(FlowConfig.defaults());
        feed(table, Frames.icmp(CLIENT, SERVER, 8, 0, 32, 64), 0);
        feed(table, Frames.icmp(SERVER, CLIENT, 0, 0, 32, 64), 1);
        byte[] laterFragment = Frames.ipv4Fragment(17, CLIENT, SERVER, 0x0010, 64); // at byte 128
        assertThat(feed(table, laterFragment, 2)).isEqualTo(-1);
        assertThat(feed(table, Frames.arp(CLIENT, SERVER), 3)).isEqualTo(-1);
        table.flush();
        assertThat(ended).singleElement().satisfies(f -> {
            assertThat(f.initiatorPort()).isEqualTo(8);
            assertThat(f.responderPort()).isZero();
            assertThat(f.packetsOut()).isEqualTo(1);
            assertThat(f.packetsIn()).isEqualTo(1);
        });
        assertThat(table.packetsWithoutFlow()).isEqualTo(2);
    }

    @Test
    void observersSeeEveryPacketWithItsSlotAndEveryEnd() {
        List<String> seen = new ArrayList<>();
        FlowObserver observer = new FlowObserver() {
            @Override
            public void packet(PacketDecoder packet, long timeNanos, int wireLength, int slot, boolean fromInitiator,
                    boolean newFlow) {
                seen.add("packet " + slot + " " + fromInitiator + " " + newFlow + " " + wireLength);
            }

            @Override
            public void flowEnded(FlowTable flows, int slot) {
                seen.add("end " + slot);
            }
        };
        FlowTable table = table(FlowConfig.defaults(), observer);
        int slot = feed(table, Frames.udp(CLIENT, 50000, SERVER, 53, 30), 0);
        feed(table, Frames.udp(SERVER, 53, CLIENT, 50000, 90), 1);
        feed(table, Frames.arp(CLIENT, SERVER), 2);
        table.flush();
        assertThat(seen).containsExactly("packet " + slot + " true true 72", "packet " + slot + " false false 132",
                "packet -1 true false 60", "end " + slot);
    }

    /** A reference model: per canonical tuple, packets and bytes; with no timeouts reached and room for all. */
    @Test
    void countsAgreeWithAMapOfTuplesOnRandomTraffic() {
        for (long seed = 1; seed <= 20; seed++) {
            ended.clear();
            SplittableRandom random = new SplittableRandom(seed);
            FlowTable table = table(new FlowConfig(65_536, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
                    Duration.ofHours(1),
                    Duration.ofHours(1), Duration.ofHours(1)));
            Map<String, long[]> expected = new HashMap<>();
            int hosts = 2 + random.nextInt(30);
            for (int i = 0; i < 5000; i++) {
                int a = ip("10.0.0.1") + random.nextInt(hosts);
                int b = ip("10.0.1.1") + random.nextInt(hosts);
                int portA = 1024 + random.nextInt(8);
                int portB = 1024 + random.nextInt(4);
                boolean forward = random.nextBoolean();
                int size = random.nextInt(100);
                byte[] frame = forward ? Frames.udp(a, portA, b, portB, size) : Frames.udp(b, portB, a, portA, size);
                feed(table, frame, i);
                long[] counts = expected.computeIfAbsent(a + ":" + portA + "-" + b + ":" + portB, k -> new long[2]);
                counts[0]++;
                counts[1] += frame.length;
            }
            table.flush();
            Map<String, long[]> actual = new HashMap<>();
            for (Ended f : ended) {
                boolean aFirst = f.initiator().startsWith("10.0.0.");
                String key = aFirst
                        ? ip(f.initiator()) + ":" + f.initiatorPort() + "-" + ip(f.responder()) + ":" + f.responderPort()
                        : ip(f.responder()) + ":" + f.responderPort() + "-" + ip(f.initiator()) + ":" + f.initiatorPort();
                assertThat(actual.containsKey(key)).as("seed %d: a second flow for %s", seed, key).isFalse();
                actual.put(key, new long[] {f.packetsOut() + f.packetsIn(), f.bytesOut() + f.bytesIn()});
            }
            assertThat(actual.keySet().equals(expected.keySet())).as("seed %d: the same tuples", seed).isTrue();
            for (var e : expected.entrySet()) {
                assertThat(actual.get(e.getKey())).as("seed %d %s", seed, e.getKey()).containsExactly(e.getValue());
            }
        }
    }

    /** With a tiny table and short timeouts, every packet of a flow is still counted in exactly one record. */
    @Test
    void noPacketIsLostWhenFlowsAreEvictedAndExpiredAllTheTime() {
        for (long seed = 1; seed <= 20; seed++) {
            ended.clear();
            SplittableRandom random = new SplittableRandom(seed);
            FlowTable table = table(new FlowConfig(1 + random.nextInt(16), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(10)));
            long packets = 0;
            long time = 0;
            for (int i = 0; i < 4000; i++) {
                time += random.nextLong(SECOND / 2);
                int a = ip("10.0.0.1") + random.nextInt(8);
                int flags = random.nextInt(4) == 0 ? SYN : random.nextInt(8) == 0 ? FIN | ACK
                        : random.nextInt(16) == 0 ? RST : ACK;
                byte[] frame = random.nextBoolean()
                        ? Frames.tcp(a, 2000 + random.nextInt(4), SERVER, 80, flags, random.nextInt(20))
                        : Frames.tcp(SERVER, 80, a, 2000 + random.nextInt(4), flags | (flags == SYN ? ACK : 0), 0);
                if (feed(table, frame, time) >= 0) {
                    packets++;
                }
                assertThat(table.size()).as("seed %d", seed).isLessThanOrEqualTo(table.capacity());
            }
            table.flush();
            assertThat(table.size()).isZero();
            assertThat(ended.stream().mapToLong(f -> f.packetsOut() + f.packetsIn()).sum()).as("seed %d", seed)
                    .isEqualTo(packets);
            assertThat((long) ended.size()).as("seed %d", seed).isEqualTo(table.flowsStarted());
        }
    }

    @Test
    void trackingAPacketAllocatesNothing() {
        FlowTable table = new FlowTable(FlowConfig.defaults(), (flows, slot, reason) -> {}, List.of());
        byte[][] frames = new byte[256][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = i % 2 == 0 ? Frames.tcp(CLIENT + i, 40000 + i, SERVER, 443, ACK, 100)
                    : Frames.udp(SERVER, 53, CLIENT + i, 50000, 80);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long time = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++) {
                byte[] frame = frames[i & 255];
                decoder.decode(frame, 0, frame.length, 1);
                table.track(decoder, time += 1000, frame.length);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                assertThat(allocated).as("bytes allocated for 200,000 packets").isLessThan(1024);
            }
        }
    }

    /**
     * Observers' words in the table's records are theirs alone: zero when a flow starts, kept while it lasts,
     * and the table's own counts are those of a table without observers.
     */
    @Test
    void observersKeepWordsOfTheirOwnInEachFlowsRecord() {
        FlowConfig config = new FlowConfig(8, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5));
        WordCounter three = new WordCounter(3, 0x3333);
        WordCounter nine = new WordCounter(9, 0x9999);
        replay(table(config));
        List<Ended> withoutObservers = new ArrayList<>(ended);
        ended.clear();
        replay(table(config, three, nine));
        assertThat(ended).hasSizeGreaterThan(100).isEqualTo(withoutObservers);
        assertThat(three.flowsEnded).isEqualTo(nine.flowsEnded).isEqualTo(ended.size());
    }

    /** Connections between few endpoints that end, time out, start over and overflow a small table. */
    private void replay(FlowTable table) {
        SplittableRandom random = new SplittableRandom(5);
        int[] flags = {SYN, SYN | ACK, ACK, FIN | ACK, RST};
        long time = 0;
        for (int i = 0; i < 20_000; i++) {
            time += random.nextInt(10) == 0 ? 3 * SECOND : SECOND / 100;
            feed(table, Frames.tcp(CLIENT + random.nextInt(4), 40000 + random.nextInt(4), SERVER, 22,
                    flags[random.nextInt(flags.length)], random.nextInt(100)), time);
        }
        table.flush();
    }

    /** Counts a flow's packets in its first word and keeps a mark in the others, checking both as the flow ends. */
    private static final class WordCounter implements FlowObserver {
        private final int words;
        private final long mark;
        private FlowTable table;
        private int firstWord;
        int flowsEnded;

        WordCounter(int words, long mark) {
            this.words = words;
            this.mark = mark;
        }

        @Override
        public int wordsPerFlow() {
            return words;
        }

        @Override
        public void attach(FlowTable table, int firstWord) {
            this.table = table;
            this.firstWord = firstWord;
        }

        @Override
        public void packet(PacketDecoder packet, long timeNanos, int wireLength, int slot, boolean fromInitiator,
                boolean newFlow) {
            long[] records = table.records();
            int w = table.wordIndex(slot, firstWord);
            if (newFlow) {
                for (int i = 0; i < words; i++) {
                    assertThat(records[w + i]).as("word %d of a new flow", i).isZero();
                }
            }
            records[w]++;
            for (int i = 1; i < words; i++) {
                records[w + i] = mark + i;
            }
        }

        @Override
        public void flowEnded(FlowTable flows, int slot) {
            long[] records = table.records();
            int w = table.wordIndex(slot, firstWord);
            assertThat(records[w]).isEqualTo(flows.packetsOut(slot) + flows.packetsIn(slot));
            for (int i = 1; i < words; i++) {
                assertThat(records[w + i]).isEqualTo(mark + i);
            }
            flowsEnded++;
        }
    }
}
