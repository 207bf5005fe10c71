package io.iotwatch.packet.flow;

import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;

import io.iotwatch.packet.decode.PacketDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Tracks flows keyed by the bidirectional 5-tuple (addresses, protocol, ports; ICMP type and reply type in
 * place of ports, as Zeek and Community ID do) and tells its listener of each flow as it ends.
 *
 * <p>The table is a struct of arrays over a fixed number of slots, found through an open-addressing index
 * of slot numbers keyed by a symmetric hash, so a packet costs a hash, a probe and a few array writes, and
 * nothing is allocated after construction. Flows wait for their idle timeout in three queues ordered by
 * last activity (closed TCP, established TCP, everything else), one per timeout, so expiring is a look at
 * three queue heads per packet. Time is the packets' own, never the wall clock: replaying a capture gives
 * the flows it gave live.
 *
 * <p>The initiator is the sender of the flow's first packet, except that a SYN-ACK, or a first packet from a
 * port below 1024 to one above it, is taken as the responder speaking (the capture began mid-connection).
 * Not thread-safe: one table per packet thread.
 */
public final class FlowTable {

    private static final int NONE = -1;
    private static final int QUEUE_CLOSED = 0;
    private static final int QUEUE_ESTABLISHED = 1;
    private static final int QUEUE_OTHER = 2;
    private static final int QUEUES = 3;

    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;

    private static final int STATE_SYNACK_SEEN = 1;
    private static final int STATE_FIN_INITIATOR = 1 << 1;
    private static final int STATE_FIN_RESPONDER = 1 << 2;
    private static final int STATE_RST_INITIATOR = 1 << 3;
    private static final int STATE_RST_RESPONDER = 1 << 4;
    private static final int STATE_CLOSED = STATE_RST_INITIATOR | STATE_RST_RESPONDER;

    private final int capacity;
    private final long idleNanos;
    private final long tcpIdleNanos;
    private final long closedNanos;
    private final long activeNanos;
    private final FlowEndListener listener;
    private final FlowObserver[] observers;
    private final CommunityId communityIds = new CommunityId();

    private final int[] index;
    private final int indexMask;
    private final int[] hash;
    private final byte[] ipVersion;
    private final byte[] protocol;
    private final long[] initiatorHi;
    private final long[] initiatorLo;
    private final long[] responderHi;
    private final long[] responderLo;
    private final int[] initiatorPort;
    private final int[] responderPort;
    private final long[] firstNanos;
    private final long[] lastNanos;
    private final long[] firstFileOffset;
    private final long[] packetsOut;
    private final long[] packetsIn;
    private final long[] bytesOut;
    private final long[] bytesIn;
    private final long[] payloadOut;
    private final long[] payloadIn;
    private final int[] flagsOut;
    private final int[] flagsIn;
    private final int[] tcpState;

    private final int[] freeSlots;
    private int freeCount;
    private final byte[] queueOf;
    private final int[] prev;
    private final int[] next;
    private final int[] queueHead = {NONE, NONE, NONE};
    private final int[] queueTail = {NONE, NONE, NONE};

    private long now = Long.MIN_VALUE;
    private int size;
    private long flowsStarted;
    private long evictions;
    private long packetsWithoutFlow;
    private boolean lastFromInitiator;
    private boolean lastNewFlow;

    public FlowTable(FlowConfig config, FlowEndListener listener, List<FlowObserver> observers) {
        Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.observers = observers.toArray(FlowObserver[]::new);
        capacity = config.maxFlows();
        idleNanos = config.idleTimeout().toNanos();
        tcpIdleNanos = config.tcpIdleTimeout().toNanos();
        closedNanos = config.closedTimeout().toNanos();
        activeNanos = config.activeTimeout().toNanos();
        // At most half full, so probes stay short.
        int indexSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        index = new int[indexSize];
        indexMask = indexSize - 1;
        hash = new int[capacity];
        ipVersion = new byte[capacity];
        protocol = new byte[capacity];
        initiatorHi = new long[capacity];
        initiatorLo = new long[capacity];
        responderHi = new long[capacity];
        responderLo = new long[capacity];
        initiatorPort = new int[capacity];
        responderPort = new int[capacity];
        firstNanos = new long[capacity];
        lastNanos = new long[capacity];
        firstFileOffset = new long[capacity];
        packetsOut = new long[capacity];
        packetsIn = new long[capacity];
        bytesOut = new long[capacity];
        bytesIn = new long[capacity];
        payloadOut = new long[capacity];
        payloadIn = new long[capacity];
        flagsOut = new int[capacity];
        flagsIn = new int[capacity];
        tcpState = new int[capacity];
        queueOf = new byte[capacity];
        prev = new int[capacity];
        next = new int[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    /**
     * Places one decoded packet in its flow, first ending the flows whose time ran out by this packet's time,
     * and shows it to the observers. Returns the flow's slot, or -1 for a packet that belongs to no flow (not
     * IP; a later fragment, which carries no ports; a TCP, UDP or ICMP header the capture cut off).
     *
     * @param fileOffset where the packet's record starts in its capture, kept with the flow as its position
     */
    public int track(PacketDecoder p, long timeNanos, int wireLength, long fileOffset) {
        if (timeNanos > now) {
            now = timeNanos;
            expireIdle();
        }
        int slot = flowOf(p);
        if (slot == NONE) {
            packetsWithoutFlow++;
            lastFromInitiator = true;
            lastNewFlow = false;
        } else {
            if (!lastNewFlow && startsOver(slot, p, timeNanos)) {
                end(slot, isClosed(slot) ? FlowEnd.CLOSED : FlowEnd.ACTIVE);
                slot = flowOf(p);
            }
            if (lastNewFlow) {
                firstNanos[slot] = timeNanos;
                lastNanos[slot] = timeNanos;
                firstFileOffset[slot] = fileOffset;
            }
            count(slot, p, timeNanos, wireLength);
        }
        for (FlowObserver observer : observers) {
            observer.packet(p, timeNanos, wireLength, slot, lastFromInitiator, lastNewFlow);
        }
        return slot;
    }

    /** Ends every flow whose idle time has run out by {@code timeNanos}: for a live source in a quiet moment. */
    public void advance(long timeNanos) {
        if (timeNanos > now) {
            now = timeNanos;
            expireIdle();
        }
    }

    /** Ends every flow still held, as at the end of the input. */
    public void flush() {
        for (int queue = 0; queue < QUEUES; queue++) {
            while (queueHead[queue] != NONE) {
                end(queueHead[queue], FlowEnd.END_OF_INPUT);
            }
        }
    }

    /** True when the packet given to the last {@link #track} travelled from the flow's initiator. */
    public boolean lastFromInitiator() {
        return lastFromInitiator;
    }

    /** True when the packet given to the last {@link #track} opened its flow. */
    public boolean lastNewFlow() {
        return lastNewFlow;
    }

    private int flowOf(PacketDecoder p) {
        int version = p.ipVersion();
        if (version == 0 || p.fragmentOffset() != 0) {
            return NONE;
        }
        int proto = p.ipProtocol();
        int sourcePort = 0;
        int destinationPort = 0;
        if (proto == IP_TCP || proto == IP_UDP) {
            if (p.transportProtocol() != proto) {
                return NONE;
            }
            sourcePort = p.sourcePort();
            destinationPort = p.destinationPort();
        } else if (proto == IP_ICMP || proto == IP_ICMPV6) {
            if (p.transportProtocol() != proto) {
                return NONE;
            }
            int counterpart = proto == IP_ICMP
                    ? CommunityId.icmpCounterpart(p.icmpType())
                    : CommunityId.icmp6Counterpart(p.icmpType());
            sourcePort = p.icmpType();
            destinationPort = counterpart < 0 ? p.icmpCode() : counterpart;
        }
        long sHi = version == 6 ? p.ipv6SourceHi() : 0;
        long sLo = version == 6 ? p.ipv6SourceLo() : p.ipv4Source() & 0xFFFF_FFFFL;
        long dHi = version == 6 ? p.ipv6DestinationHi() : 0;
        long dLo = version == 6 ? p.ipv6DestinationLo() : p.ipv4Destination() & 0xFFFF_FFFFL;
        int h = symmetricHash(version, proto, sHi, sLo, sourcePort, dHi, dLo, destinationPort);
        for (int i = h & indexMask; ; i = (i + 1) & indexMask) {
            int entry = index[i];
            if (entry == 0) {
                break;
            }
            int slot = entry - 1;
            if (hash[slot] != h || ipVersion[slot] != version || (protocol[slot] & 0xFF) != proto) {
                continue;
            }
            if (initiatorLo[slot] == sLo && initiatorHi[slot] == sHi && responderLo[slot] == dLo
                    && responderHi[slot] == dHi && initiatorPort[slot] == sourcePort
                    && responderPort[slot] == destinationPort) {
                lastFromInitiator = true;
                lastNewFlow = false;
                return slot;
            }
            if (initiatorLo[slot] == dLo && initiatorHi[slot] == dHi && responderLo[slot] == sLo
                    && responderHi[slot] == sHi && initiatorPort[slot] == destinationPort
                    && responderPort[slot] == sourcePort) {
                lastFromInitiator = false;
                lastNewFlow = false;
                return slot;
            }
        }
        boolean reversed = proto == IP_TCP ? (p.tcpFlags() & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)
                || ((p.tcpFlags() & TCP_SYN) == 0 && sourcePort < 1024 && destinationPort >= 1024)
                : proto == IP_UDP && sourcePort < 1024 && destinationPort >= 1024;
        int slot = allocate();
        hash[slot] = h;
        ipVersion[slot] = (byte) version;
        protocol[slot] = (byte) proto;
        initiatorHi[slot] = reversed ? dHi : sHi;
        initiatorLo[slot] = reversed ? dLo : sLo;
        responderHi[slot] = reversed ? sHi : dHi;
        responderLo[slot] = reversed ? sLo : dLo;
        initiatorPort[slot] = reversed ? destinationPort : sourcePort;
        responderPort[slot] = reversed ? sourcePort : destinationPort;
        packetsOut[slot] = 0;
        packetsIn[slot] = 0;
        bytesOut[slot] = 0;
        bytesIn[slot] = 0;
        payloadOut[slot] = 0;
        payloadIn[slot] = 0;
        flagsOut[slot] = 0;
        flagsIn[slot] = 0;
        tcpState[slot] = 0;
        insertIndex(slot, h);
        enqueue(slot, QUEUE_OTHER);
        size++;
        flowsStarted++;
        lastFromInitiator = !reversed;
        lastNewFlow = true;
        return slot;
    }

    /** A new SYN on a closed connection's ports, or a flow older than the active timeout, starts a new flow. */
    private boolean startsOver(int slot, PacketDecoder p, long timeNanos) {
        if (timeNanos - firstNanos[slot] >= activeNanos) {
            return true;
        }
        return (protocol[slot] & 0xFF) == IP_TCP && isClosed(slot)
                && (p.tcpFlags() & (TCP_SYN | TCP_ACK)) == TCP_SYN;
    }

    private void count(int slot, PacketDecoder p, long timeNanos, int wireLength) {
        if (timeNanos > lastNanos[slot]) {
            lastNanos[slot] = timeNanos;
        }
        int payload = p.transportProtocol() >= 0 ? p.payloadLength() : 0;
        boolean tcp = (protocol[slot] & 0xFF) == IP_TCP;
        int flags = tcp ? p.tcpFlags() : 0;
        if (lastFromInitiator) {
            packetsOut[slot]++;
            bytesOut[slot] += wireLength;
            payloadOut[slot] += payload;
            flagsOut[slot] |= flags;
        } else {
            packetsIn[slot]++;
            bytesIn[slot] += wireLength;
            payloadIn[slot] += payload;
            flagsIn[slot] |= flags;
        }
        if (tcp) {
            int state = tcpState[slot];
            if ((flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK) && !lastFromInitiator) {
                state |= STATE_SYNACK_SEEN;
            }
            if ((flags & TCP_FIN) != 0) {
                state |= lastFromInitiator ? STATE_FIN_INITIATOR : STATE_FIN_RESPONDER;
            }
            if ((flags & TCP_RST) != 0 && (state & STATE_CLOSED) == 0) {
                state |= lastFromInitiator ? STATE_RST_INITIATOR : STATE_RST_RESPONDER;
            }
            tcpState[slot] = state;
        }
        int queue = isClosed(slot) ? QUEUE_CLOSED
                : tcp && ((tcpState[slot] & STATE_SYNACK_SEEN) != 0 || (packetsOut[slot] > 0 && packetsIn[slot] > 0))
                        ? QUEUE_ESTABLISHED
                        : QUEUE_OTHER;
        dequeue(slot);
        enqueue(slot, queue);
    }

    private boolean isClosed(int slot) {
        int state = tcpState[slot];
        return (state & STATE_CLOSED) != 0
                || (state & (STATE_FIN_INITIATOR | STATE_FIN_RESPONDER)) == (STATE_FIN_INITIATOR | STATE_FIN_RESPONDER);
    }

    private void expireIdle() {
        expireQueue(QUEUE_CLOSED, closedNanos);
        expireQueue(QUEUE_ESTABLISHED, tcpIdleNanos);
        expireQueue(QUEUE_OTHER, idleNanos);
    }

    private void expireQueue(int queue, long timeout) {
        int slot;
        while ((slot = queueHead[queue]) != NONE && now - lastNanos[slot] >= timeout) {
            end(slot, queue == QUEUE_CLOSED ? FlowEnd.CLOSED : FlowEnd.IDLE);
        }
    }

    private int allocate() {
        if (freeCount == 0) {
            int oldest = NONE;
            for (int queue = 0; queue < QUEUES; queue++) {
                int head = queueHead[queue];
                if (head != NONE && (oldest == NONE || lastNanos[head] < lastNanos[oldest])) {
                    oldest = head;
                }
            }
            evictions++;
            end(oldest, FlowEnd.EVICTED);
        }
        return freeSlots[--freeCount];
    }

    private void end(int slot, FlowEnd reason) {
        listener.flowEnded(this, slot, reason);
        for (FlowObserver observer : observers) {
            observer.flowEnded(slot);
        }
        removeIndex(slot);
        dequeue(slot);
        freeSlots[freeCount++] = slot;
        size--;
    }

    private void insertIndex(int slot, int h) {
        int i = h & indexMask;
        while (index[i] != 0) {
            i = (i + 1) & indexMask;
        }
        index[i] = slot + 1;
    }

    /** Linear-probing removal by shifting later entries of the probe run back, so no tombstones accumulate. */
    private void removeIndex(int slot) {
        int i = hash[slot] & indexMask;
        while (index[i] != slot + 1) {
            i = (i + 1) & indexMask;
        }
        for (int j = (i + 1) & indexMask; index[j] != 0; j = (j + 1) & indexMask) {
            int home = hash[index[j] - 1] & indexMask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
    }

    private void enqueue(int slot, int queue) {
        queueOf[slot] = (byte) queue;
        prev[slot] = queueTail[queue];
        next[slot] = NONE;
        if (queueTail[queue] == NONE) {
            queueHead[queue] = slot;
        } else {
            next[queueTail[queue]] = slot;
        }
        queueTail[queue] = slot;
    }

    private void dequeue(int slot) {
        int queue = queueOf[slot];
        if (prev[slot] == NONE) {
            queueHead[queue] = next[slot];
        } else {
            next[prev[slot]] = next[slot];
        }
        if (next[slot] == NONE) {
            queueTail[queue] = prev[slot];
        } else {
            prev[next[slot]] = prev[slot];
        }
    }

    private static int symmetricHash(int version, int proto, long sHi, long sLo, int sPort, long dHi, long dLo,
            int dPort) {
        long a = mix(sHi * 0x9E3779B97F4A7C15L + sLo + ((long) sPort << 32));
        long b = mix(dHi * 0x9E3779B97F4A7C15L + dLo + ((long) dPort << 32));
        long h = mix((a + b) ^ (a * b) ^ ((long) proto << 8 | version));
        return (int) (h ^ (h >>> 32));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Flows held now. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Flows opened since the table was made. */
    public long flowsStarted() {
        return flowsStarted;
    }

    /** Flows ended early because the table was full. */
    public long evictions() {
        return evictions;
    }

    /** Packets that belonged to no flow (see {@link #track}). */
    public long packetsWithoutFlow() {
        return packetsWithoutFlow;
    }

    // The accessors below describe the flow in a slot; meaningful from its first packet until its end is told.

    /** 4 or 6. */
    public int ipVersion(int slot) {
        return ipVersion[slot];
    }

    /** The IP protocol number. */
    public int protocol(int slot) {
        return protocol[slot] & 0xFF;
    }

    /** The initiator's address: IPv4 in the low 32 bits of {@link #initiatorLo}, IPv6 as two halves. */
    public long initiatorHi(int slot) {
        return initiatorHi[slot];
    }

    public long initiatorLo(int slot) {
        return initiatorLo[slot];
    }

    public long responderHi(int slot) {
        return responderHi[slot];
    }

    public long responderLo(int slot) {
        return responderLo[slot];
    }

    /** TCP or UDP port; for ICMP the type of the initiator's first message. */
    public int initiatorPort(int slot) {
        return initiatorPort[slot];
    }

    /** TCP or UDP port; for ICMP the reply type, or the code of a message that has no reply. */
    public int responderPort(int slot) {
        return responderPort[slot];
    }

    public long firstNanos(int slot) {
        return firstNanos[slot];
    }

    public long lastNanos(int slot) {
        return lastNanos[slot];
    }

    /** Where the flow's first packet starts in its capture. */
    public long firstFileOffset(int slot) {
        return firstFileOffset[slot];
    }

    /** Packets from the initiator. */
    public long packetsOut(int slot) {
        return packetsOut[slot];
    }

    /** Packets from the responder. */
    public long packetsIn(int slot) {
        return packetsIn[slot];
    }

    /** Bytes on the wire (frame lengths) from the initiator. */
    public long bytesOut(int slot) {
        return bytesOut[slot];
    }

    public long bytesIn(int slot) {
        return bytesIn[slot];
    }

    /** Transport payload bytes captured from the initiator (what the application sent, as far as captured). */
    public long payloadOut(int slot) {
        return payloadOut[slot];
    }

    public long payloadIn(int slot) {
        return payloadIn[slot];
    }

    /** TCP flags the initiator sent, ORed over the flow. */
    public int flagsOut(int slot) {
        return flagsOut[slot];
    }

    public int flagsIn(int slot) {
        return flagsIn[slot];
    }

    /** True when the responder answered the initiator's SYN. */
    public boolean handshakeAnswered(int slot) {
        return (tcpState[slot] & STATE_SYNACK_SEEN) != 0;
    }

    /** True when both sides sent a FIN. */
    public boolean closedByBoth(int slot) {
        return (tcpState[slot] & (STATE_FIN_INITIATOR | STATE_FIN_RESPONDER))
                == (STATE_FIN_INITIATOR | STATE_FIN_RESPONDER);
    }

    /** True when the first RST came from the initiator; see {@link #resetByResponder}. */
    public boolean resetByInitiator(int slot) {
        return (tcpState[slot] & STATE_RST_INITIATOR) != 0;
    }

    public boolean resetByResponder(int slot) {
        return (tcpState[slot] & STATE_RST_RESPONDER) != 0;
    }

    /** The flow's Community ID v1; computed on demand, for the flow's record, not per packet. */
    public String communityId(int slot) {
        int proto = protocol(slot);
        int sourcePort = initiatorPort[slot];
        int destinationPort = responderPort[slot];
        if (ipVersion[slot] == 4) {
            return communityIds.ipv4((int) initiatorLo[slot], (int) responderLo[slot], proto, sourcePort,
                    destinationPort);
        }
        return communityIds.ipv6(initiatorHi[slot], initiatorLo[slot], responderHi[slot], responderLo[slot], proto,
                sourcePort, destinationPort);
    }
}
