package io.iotwatch.sim.packets.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.decode.Protocols;
import io.iotwatch.sim.packets.wire.Frame;
import io.iotwatch.sim.packets.wire.Ip;
import io.iotwatch.sim.packets.wire.Verify;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TCP connections as TcpFlow plans them, read back segment by segment in time order. */
class TcpFlowTest {

    private static final Host DEVICE = Host.lan(Ip.of(192, 168, 50, 20), 0x0200_0000_0014L, Stack.LWIP, Micros.millis(4), 8_000_000);
    private static final Host CAMERA = Host.lan(Ip.of(192, 168, 50, 21), 0x0200_0000_0015L, Stack.LINUX, 500, 50_000_000);
    private static final Host SERVER = Host.beyond(Ip.of(3, 127, 86, 21), 0x0200_0000_0001L, Stack.LINUX, 14, Micros.millis(30),
            100_000_000);

    /** A planner that keeps what it is given. */
    private static final class Recorder implements Planner {
        final List<Planned> planned = new ArrayList<>();
        long order;

        @Override
        public Planned at(long micros, Packet packet) {
            Planned p = new Planned(micros, order++, packet);
            planned.add(p);
            return p;
        }

        @Override
        public void cancel(Planned p) {
            p.cancelled = true;
        }

        /** The segments written, in the order they pass the capture point. */
        List<Segment> segments() {
            List<Planned> live = new ArrayList<>(planned.stream().filter(p -> !p.cancelled).toList());
            Collections.sort(live);
            Frame frame = new Frame();
            PacketDecoder d = new PacketDecoder();
            List<Segment> out = new ArrayList<>();
            for (Planned p : live) {
                p.packet.write(frame.start());
                assertThat(new Verify().frame(frame.buffer(), 0, frame.length())).isEmpty();
                assertThat(d.decode(frame.buffer(), 0, frame.length(), Protocols.LINK_ETHERNET)).isTrue();
                assertThat(d.malformedReason()).isNull();
                out.add(new Segment(p.time, d.ipv4Source(), d.tcpSequence(), d.tcpAcknowledgement(), d.tcpFlags(), d.payloadLength(),
                        d.tcpHeaderLength()));
            }
            return out;
        }
    }

    private record Segment(long time, int source, long seq, long ack, int flags, int length, int headerLength) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    @Test
    void sequenceAndAcknowledgementNumbersFollowTheBytesSentByEachSide() {
        Recorder r = new Recorder();
        TcpFlow flow = new TcpFlow(r, DEVICE, 49_153, SERVER, 1883, new SplittableRandom(1));
        long t = flow.connect(1_000_000);
        t = flow.exchange(true, t, new byte[120], Micros.millis(2), new byte[4]);
        t = flow.send(true, t + Micros.seconds(30), new byte[3_000]);
        t = flow.exchange(false, t + Micros.seconds(1), new byte[700], Micros.millis(5), new byte[4]);
        flow.close(true, t + Micros.seconds(1));

        List<Segment> segments = r.segments();
        assertThat(segments.get(0).flags()).isEqualTo(Frame.SYN);
        assertThat(segments.get(1).flags()).isEqualTo(Frame.SYN | Frame.ACK);
        assertThat(segments.get(2).flags()).isEqualTo(Frame.ACK);
        long[] next = {segments.get(0).seq(), segments.get(1).seq()};
        long[] acked = {segments.get(1).seq(), segments.get(0).seq()};
        long[] sent = new long[2];
        long last = 0;
        for (Segment s : segments) {
            int side = s.source() == DEVICE.ip() ? 0 : 1;
            assertThat(s.time()).isGreaterThanOrEqualTo(last);
            last = s.time();
            assertThat(s.seq()).as("seq of %s", s).isEqualTo(next[side] & 0xFFFF_FFFFL);
            if (s.has(Frame.ACK)) {
                // An ACK covers what has passed from the peer, never more, and never less than the side's last ACK.
                long ack = acked[side] + (s.ack() - acked[side] & 0xFFFF_FFFFL);
                assertThat(ack).as("ack of %s", s).isBetween(acked[side], next[1 - side]);
                acked[side] = ack;
            }
            int consumed = s.length() + (s.has(Frame.SYN) || s.has(Frame.FIN) ? 1 : 0);
            next[side] += consumed;
            sent[side] += s.length();
        }
        assertThat(sent).containsExactly(120 + 3_000 + 4, 4 + 700);
        assertThat(acked).as("everything was acknowledged at the end").containsExactly(next[1], next[0]);
        assertThat(segments.getLast().flags()).isEqualTo(Frame.ACK);
        assertThat(segments.stream().filter(s -> s.has(Frame.FIN)).count()).isEqualTo(2);
        assertThat(segments).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(s.source() == SERVER.ip() ? 1440 : 1460));
    }

    @Test
    void aSenderNeverHasMoreUnacknowledgedBytesThanTheReceiversWindow() {
        Recorder r = new Recorder();
        TcpFlow flow = new TcpFlow(r, CAMERA, 40_000, DEVICE, 80, new SplittableRandom(2));
        flow.send(true, flow.connect(0), new byte[200_000]);

        long highest = 0;
        long acked = 0;
        long base = -1;
        for (Segment s : r.segments()) {
            if (s.has(Frame.SYN)) {
                base = s.source() == CAMERA.ip() ? s.seq() + 1 : base;
                continue;
            }
            if (s.source() == CAMERA.ip()) {
                highest = Math.max(highest, s.seq() - base + s.length());
                assertThat(highest - acked).as("bytes in flight").isLessThanOrEqualTo(Stack.LWIP.window);
            } else {
                acked = Math.max(acked, s.ack() - base);
            }
        }
        assertThat(highest).isEqualTo(200_000);
    }

    @Test
    void aLoneSegmentIsAcknowledgedLateUnlessTheAnswerComesFirst() {
        Recorder quick = new Recorder();
        TcpFlow answered = new TcpFlow(quick, CAMERA, 40_001, SERVER, 443, new SplittableRandom(3));
        answered.exchange(true, answered.connect(0), new byte[300], Micros.millis(5), new byte[200]);
        List<Segment> q = quick.segments();
        int request = indexOfLength(q, 300);
        assertThat(q.get(request + 1).length()).as("the answer carries the ACK").isEqualTo(200);

        Recorder slow = new Recorder();
        TcpFlow waited = new TcpFlow(slow, CAMERA, 40_002, SERVER, 443, new SplittableRandom(3));
        long sent = waited.send(true, waited.connect(0), new byte[300]);
        waited.send(false, sent + Micros.millis(300), new byte[200]);
        List<Segment> s = slow.segments();
        int lone = indexOfLength(s, 300);
        Segment ack = s.get(lone + 1);
        assertThat(ack.source()).isEqualTo(SERVER.ip());
        assertThat(ack.length()).isZero();
        assertThat(ack.time() - s.get(lone).time()).as("delayed ACK").isEqualTo(SERVER.rtt() + Stack.LINUX.delayedAck);
        assertThat(s.get(lone + 2).length()).isEqualTo(200);
    }

    private static int indexOfLength(List<Segment> segments, int length) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).length() == length) {
                return i;
            }
        }
        throw new AssertionError("no segment of " + length + " bytes");
    }

    @Test
    void optionsAreWhatBothStacksOffer() {
        Recorder r = new Recorder();
        TcpFlow linux = new TcpFlow(r, CAMERA, 40_003, SERVER, 443, new SplittableRandom(4));
        linux.send(true, linux.connect(0), new byte[10]);
        List<Segment> both = r.segments();
        assertThat(both.get(0).headerLength()).as("MSS, SACK, timestamps, window scale").isEqualTo(40);
        assertThat(both.get(1).headerLength()).isEqualTo(40);
        assertThat(both.get(3).headerLength()).as("timestamps on every segment").isEqualTo(32);

        Recorder l = new Recorder();
        TcpFlow lwip = new TcpFlow(l, DEVICE, 49_200, SERVER, 443, new SplittableRandom(5));
        lwip.send(true, lwip.connect(0), new byte[10]);
        List<Segment> mixed = l.segments();
        assertThat(mixed.get(0).headerLength()).as("lwIP offers the MSS only").isEqualTo(24);
        assertThat(mixed.get(1).headerLength()).as("so the answer holds the MSS only").isEqualTo(24);
        assertThat(mixed.get(3).headerLength()).isEqualTo(20);
    }
}
