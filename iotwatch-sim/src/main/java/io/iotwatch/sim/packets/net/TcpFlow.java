package io.iotwatch.sim.packets.net;

import io.iotwatch.sim.packets.wire.Frame;
import java.util.random.RandomGenerator;

/**
 * One TCP connection, planned segment by segment with sequence and acknowledgement numbers as the two stacks
 * would send them: the three-way handshake with the options both offered, data cut at the peer's MSS and paced
 * by the sender's rate and the receiver's window, an ACK for every second segment and a delayed one for a
 * lone last segment (dropped when the receiver answers with data first), and the FIN or RST at the end.
 *
 * <p>Times are when a segment passes the capture point: a segment there reaches its receiver, which answers,
 * and the answer passes the capture point again one of the receiver's round trips later. Callers plan a
 * connection forwards in time: each call starts no earlier than the segments planned before it.
 */
public final class TcpFlow {

    /** How long a stack takes to answer a segment it must answer at once (a SYN, every second segment). */
    private static final long STACK_DELAY = 40;
    private static final int HEADERS = Frame.ETHERNET + Frame.IPV4 + Frame.TCP;
    private static final int TIMESTAMP_OPTION = 12;
    private static final int MTU_PAYLOAD = 1460;

    private final Planner planner;
    private final Side client;
    private final Side server;
    private final boolean timestamps;
    private final boolean sack;
    private final boolean scaling;
    private final byte[] options = new byte[40];
    private long last = Long.MIN_VALUE;

    public TcpFlow(Planner planner, Host client, int clientPort, Host server, int serverPort, RandomGenerator rnd) {
        this.planner = planner;
        this.client = new Side(client, clientPort, rnd);
        this.server = new Side(server, serverPort, rnd);
        Stack c = client.stack();
        Stack s = server.stack();
        timestamps = c.timestamps && s.timestamps;
        sack = c.sack && s.sack;
        scaling = c.windowScale >= 0 && s.windowScale >= 0;
    }

    /** The time of the latest segment planned so far, delayed ACKs aside. */
    public long last() {
        return last;
    }

    /** {@code micros} plus one round trip to the server (or to the client): when its answer passes the capture point. */
    public long afterRoundTrip(boolean toServer, long micros) {
        return micros + (toServer ? server : client).host.rtt() + STACK_DELAY;
    }

    /** Plans the three-way handshake from {@code micros} on; returns when the client's ACK passes. */
    public long connect(long micros) {
        long t = Math.max(micros, last);
        segment(client, t, Frame.SYN, null, 0, 0);
        long synAck = afterRoundTrip(true, t);
        segment(server, synAck, Frame.SYN | Frame.ACK, null, 0, 0);
        long ack = afterRoundTrip(false, synAck);
        segment(client, ack, Frame.ACK, null, 0, 0);
        last = ack;
        return ack;
    }

    /** Plans a SYN to a closed port and the server's RST; returns when the RST passes. */
    public long refused(long micros) {
        long t = Math.max(micros, last);
        segment(client, t, Frame.SYN, null, 0, 0);
        long rst = afterRoundTrip(true, t);
        segment(server, rst, Frame.RST | Frame.ACK, null, 0, 0);
        last = rst;
        return rst;
    }

    /** Plans {@code data} sent from one side from {@code micros} on; returns when its last segment passes. */
    public long send(boolean fromClient, long micros, byte[] data) {
        return send(fromClient, micros, data, 0, data.length);
    }

    public long send(boolean fromClient, long micros, byte[] data, int offset, int length) {
        Side a = fromClient ? client : server;
        Side b = fromClient ? server : client;
        long time = Math.max(micros, last);
        dropDelayedAck(a, time);
        dropDelayedAck(b, time);
        int size = Math.min(b.host.stack().mss, MTU_PAYLOAD) - (timestamps ? TIMESTAMP_OPTION : 0);
        int count = (length + size - 1) / size;
        int window = Math.max(1, b.host.stack().window / size);
        long[] acked = new long[count];
        long sent = time;
        for (int i = 0; i < count; i++) {
            if (i >= window) {
                time = Math.max(time, acked[i - window] + a.host.rtt());
            }
            int chunk = Math.min(size, length - i * size);
            segment(a, time, Frame.ACK | (i == count - 1 ? Frame.PSH : 0), data, offset + i * size, chunk);
            sent = time;
            boolean second = i % 2 == 1;
            if (second || i == count - 1) {
                long ackTime = time + b.host.rtt() + (second ? STACK_DELAY : b.host.stack().delayedAck);
                Planned ack = segment(b, ackTime, Frame.ACK, null, 0, 0);
                acked[i] = ackTime;
                if (second) {
                    acked[i - 1] = ackTime;
                    last = Math.max(last, ackTime);
                } else {
                    b.delayedAck = ack;
                }
            }
            last = Math.max(last, time);
            time += a.host.transmit(HEADERS + chunk);
        }
        return sent;
    }

    /**
     * Plans a request from one side and, {@code processing} after it arrived, the other side's response;
     * returns when the response's last segment passes.
     */
    public long exchange(boolean fromClient, long micros, byte[] request, long processing, byte[] response) {
        long sent = send(fromClient, micros, request);
        return send(!fromClient, afterRoundTrip(fromClient, sent) + processing, response);
    }

    /** Plans an orderly close begun by one side: its FIN, the peer's FIN with its ACK, the last ACK. */
    public long close(boolean clientFirst, long micros) {
        Side a = clientFirst ? client : server;
        Side b = clientFirst ? server : client;
        long t = Math.max(micros, last);
        dropDelayedAck(a, t);
        dropDelayedAck(b, t);
        segment(a, t, Frame.FIN | Frame.ACK, null, 0, 0);
        long fin = afterRoundTrip(!clientFirst, t);
        segment(b, fin, Frame.FIN | Frame.ACK, null, 0, 0);
        long ack = afterRoundTrip(clientFirst, fin);
        segment(a, ack, Frame.ACK, null, 0, 0);
        last = ack;
        return ack;
    }

    /** Plans a RST (with ACK) from one side, as a client that gives up or a server that aborts. */
    public long reset(boolean fromClient, long micros) {
        Side a = fromClient ? client : server;
        long t = Math.max(micros, last);
        dropDelayedAck(client, t);
        dropDelayedAck(server, t);
        segment(a, t, Frame.RST | Frame.ACK, null, 0, 0);
        last = t;
        return t;
    }

    private void dropDelayedAck(Side side, long time) {
        if (side.delayedAck != null && side.delayedAck.time() > time) {
            planner.cancel(side.delayedAck);
        }
        side.delayedAck = null;
    }

    private Planned segment(Side from, long time, int flags, byte[] data, int offset, int length) {
        Side to = from == client ? server : client;
        boolean syn = (flags & Frame.SYN) != 0;
        long tsval = from.tsBase + time / Micros.MILLI & 0xFFFF_FFFFL;
        Segment segment = new Segment(from == client, (int) from.seq, syn && (flags & Frame.ACK) == 0 ? 0 : (int) from.ack,
                flags, from.window(syn, scaling), from.ipId++ & 0xFFFF, tsval, to.lastTsval, data, offset, length);
        from.seq += length + (syn || (flags & Frame.FIN) != 0 ? 1 : 0);
        from.lastTsval = tsval;
        if (length > 0 || syn || (flags & Frame.FIN) != 0) {
            to.ack = from.seq;
        }
        return planner.at(time, f -> write(f, segment));
    }

    private void write(Frame f, Segment s) {
        Side from = s.fromClient ? client : server;
        Side to = s.fromClient ? server : client;
        int optionsLength;
        if ((s.flags & Frame.SYN) != 0) {
            optionsLength = synOptions(from.host.stack(), (s.flags & Frame.ACK) != 0, s.tsval, s.tsecr);
        } else if (timestamps) {
            optionsLength = timestampOption(0, s.tsval, s.tsecr);
        } else {
            optionsLength = 0;
        }
        f.ethernet(to.host.mac(), from.host.mac(), Frame.ETHERTYPE_IPV4)
                .ipv4(from.host.ip(), to.host.ip(), Frame.PROTO_TCP, from.host.ttl(), s.ipId, Frame.DONT_FRAGMENT)
                .tcp(from.port, to.port, s.seq, s.ack, s.flags, s.window, options, optionsLength);
        if (s.length > 0) {
            f.bytes(s.data, s.offset, s.length);
        }
        f.finish();
    }

    /** MSS, then SACK permitted and timestamps, then window scale: what a SYN offers or a SYN-ACK agrees to. */
    private int synOptions(Stack stack, boolean synAck, long tsval, long tsecr) {
        boolean ts = synAck ? timestamps : stack.timestamps;
        boolean sk = synAck ? sack : stack.sack;
        boolean ws = synAck ? scaling : stack.windowScale >= 0;
        int n = 0;
        options[n++] = 2;
        options[n++] = 4;
        options[n++] = (byte) (stack.mss >>> 8);
        options[n++] = (byte) stack.mss;
        if (ts) {
            // With SACK permitted the timestamps need no NOPs to stay aligned.
            options[n++] = (byte) (sk ? 4 : 1);
            options[n++] = (byte) (sk ? 2 : 1);
            options[n++] = 8;
            options[n++] = 10;
            put32(n, tsval);
            put32(n + 4, tsecr);
            n += 8;
        } else if (sk) {
            options[n++] = 1;
            options[n++] = 1;
            options[n++] = 4;
            options[n++] = 2;
        }
        if (ws) {
            options[n++] = 1;
            options[n++] = 3;
            options[n++] = 3;
            options[n++] = (byte) stack.windowScale;
        }
        return n;
    }

    /** NOP, NOP, timestamps at {@code at}; returns the end. */
    private int timestampOption(int at, long tsval, long tsecr) {
        options[at] = 1;
        options[at + 1] = 1;
        options[at + 2] = 8;
        options[at + 3] = 10;
        put32(at + 4, tsval);
        put32(at + 8, tsecr);
        return at + 12;
    }

    private void put32(int at, long v) {
        options[at] = (byte) (v >>> 24);
        options[at + 1] = (byte) (v >>> 16);
        options[at + 2] = (byte) (v >>> 8);
        options[at + 3] = (byte) v;
    }

    private record Segment(boolean fromClient, int seq, int ack, int flags, int window, int ipId, long tsval, long tsecr,
            byte[] data, int offset, int length) {
    }

    /** One side's send and receive state. */
    private static final class Side {
        final Host host;
        final int port;
        final long tsBase;
        long seq;
        long ack;
        int ipId;
        long lastTsval;
        Planned delayedAck;

        Side(Host host, int port, RandomGenerator rnd) {
            this.host = host;
            this.port = port;
            this.seq = rnd.nextLong(1L << 32);
            this.ipId = rnd.nextInt(1 << 16);
            this.tsBase = rnd.nextLong(1L << 32);
        }

        int window(boolean syn, boolean scaled) {
            int bytes = host.stack().window;
            return Math.min(65_535, syn || !scaled ? bytes : bytes >> host.stack().windowScale);
        }
    }
}
