package io.iotwatch.packet.flow;

import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;

import io.iotwatch.core.event.CommunityId;
import io.iotwatch.packet.decode.Ipv4Texts;
import io.iotwatch.packet.decode.PacketDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tracks flows keyed by the bidirectional 5-tuple (addresses, protocol, ports; ICMP type and reply type in
 * place of ports, as Zeek and Community ID do) and tells its listener of each flow as it ends.
 *
 * <p>Each slot is one record of {@value #FIELDS} longs in one array, followed by the words its observers keep
 * per flow (see {@link FlowObserver#wordsPerFlow()}), so a packet touches two or three adjacent cache lines of
 * its flow rather than one line per field and per observer; slots are found through an open-addressing
 * index whose entries hold the symmetric hash beside the slot number, so probing reads no record but the one
 * that matches. Nothing is allocated after construction. Flows wait for their idle timeout in five queues
 * (doubly linked through a small array beside the records), one per timeout: closed TCP, established TCP,
 * TCP only one side has spoken in, other protocols with both sides heard, and other protocols with one side
 * only. A flow moves to the tail of its queue when
 * it changes queue and at most once per {@link #MOVE_EVERY_NANOS} of its own activity, not on every packet;
 * the head is checked against the flow's real last packet, and re-queued if it was active since, so a flow
 * ends within a second of its timeout. The heads are looked at only once the earliest of them can have run
 * out. Time is the packets' own, never the wall clock: replaying a capture gives the flows it gave live.
 *
 * <p>The initiator is the sender of the flow's first packet, except that a SYN-ACK, or a first packet from a
 * port below 1024 to one above it, is taken as the responder speaking (the capture began mid-connection).
 * Not thread-safe: one table per packet thread.
 */
public final class FlowTable {

    /** The table's own longs per slot record. */
    static final int FIELDS = 15;
    private static final int LONGS_PER_CACHE_LINE = 8;
    /** How stale a flow's queue position may get before a packet moves it to the tail. */
    static final long MOVE_EVERY_NANOS = 1_000_000_000L;

    private static final int INITIATOR_HI = 0;
    private static final int INITIATOR_LO = 1;
    private static final int RESPONDER_HI = 2;
    private static final int RESPONDER_LO = 3;
    /** initiator port (bits 0-15), responder port (16-31), IP protocol (32-39), IP version (40-47). */
    private static final int KEY = 4;
    private static final int FIRST = 5;
    private static final int LAST = 6;
    private static final int PACKETS_OUT = 7;
    private static final int PACKETS_IN = 8;
    private static final int BYTES_OUT = 9;
    private static final int BYTES_IN = 10;
    private static final int PAYLOAD_OUT = 11;
    private static final int PAYLOAD_IN = 12;
    /** initiator's TCP flags (bits 0-7), responder's (8-15), TCP state (16-23), queue (24-31), hash (32-63). */
    private static final int STATE = 13;
    private static final int MOVED = 14;

    private static final int NONE = -1;
    private static final int QUEUE_CLOSED = 0;
    private static final int QUEUE_ESTABLISHED = 1;
    private static final int QUEUE_ATTEMPT = 2;
    private static final int QUEUE_OTHER = 3;
    private static final int QUEUE_UNANSWERED = 4;
    private static final int QUEUES = 5;

    private static final int TCP_FIN = 0x01;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;

    private static final int STATE_SYNACK_SEEN = 1;
    private static final int STATE_FIN_INITIATOR = 1 << 1;
    private static final int STATE_FIN_RESPONDER = 1 << 2;
    private static final int STATE_RST_INITIATOR = 1 << 3;
    private static final int STATE_RST_RESPONDER = 1 << 4;
    private static final int STATE_RESET = STATE_RST_INITIATOR | STATE_RST_RESPONDER;
    private static final int STATE_FIN_BOTH = STATE_FIN_INITIATOR | STATE_FIN_RESPONDER;

    private final int capacity;
    private final long[] timeouts = new long[QUEUES];
    private final long activeNanos;
    private final FlowEndListener listener;
    private final FlowObserver[] observers;
    private final Ipv4Texts ipv4Texts = new Ipv4Texts();

    /** Longs per slot record: {@link #FIELDS} and the observers' words, rounded up to whole cache lines. */
    private final int stride;
    private final long[] records;
    /**
     * Per slot, the previous slot in its queue (low 32 bits) and the next (high 32 bits), -1 for none: apart
     * from the records, so that taking a flow out of its queue or putting it at the tail touches this small
     * array, which stays in cache, rather than the records of two other flows.
     */
    private final long[] links;
    /** Open-addressing index: 0 empty, else the flow's symmetric hash (high 32 bits) and its slot + 1. */
    private final long[] index;
    private final int indexMask;
    private final int[] freeSlots;
    private int freeCount;
    private final int[] queueHead = filled(QUEUES, NONE);
    private final int[] queueTail = filled(QUEUES, NONE);

    private long now = Long.MIN_VALUE;
    /** No queue head can expire before this time, so packets before it need not look at the heads. */
    private long nextExpiry = Long.MIN_VALUE;
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
        timeouts[QUEUE_CLOSED] = config.closedTimeout().toNanos();
        timeouts[QUEUE_ESTABLISHED] = config.tcpIdleTimeout().toNanos();
        timeouts[QUEUE_ATTEMPT] = config.tcpAttemptTimeout().toNanos();
        timeouts[QUEUE_OTHER] = config.idleTimeout().toNanos();
        timeouts[QUEUE_UNANSWERED] = config.unansweredTimeout().toNanos();
        activeNanos = config.activeTimeout().toNanos();
        int[] firstWords = new int[this.observers.length];
        int words = FIELDS;
        for (int i = 0; i < firstWords.length; i++) {
            firstWords[i] = words;
            words = Math.addExact(words, this.observers[i].wordsPerFlow());
        }
        stride = Math.ceilDiv(words, LONGS_PER_CACHE_LINE) * LONGS_PER_CACHE_LINE;
        records = new long[Math.multiplyExact(capacity, stride)];
        links = new long[capacity];
        // At most half full, so probes stay short.
        int indexSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        index = new long[indexSize];
        indexMask = indexSize - 1;
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        for (int i = 0; i < firstWords.length; i++) {
            if (this.observers[i].wordsPerFlow() > 0) {
                this.observers[i].attach(this, firstWords[i]);
            }
        }
    }

    /**
     * Places one decoded packet in its flow, first ending the flows whose time ran out by this packet's time,
     * and shows it to the observers. Returns the flow's slot, or -1 for a packet that belongs to no flow (not
     * IP; a later fragment, which carries no ports; a TCP, UDP or ICMP header the capture cut off).
     */
    public int track(PacketDecoder p, long timeNanos, int wireLength) {
        if (timeNanos > now) {
            now = timeNanos;
            if (now >= nextExpiry) {
                expireIdle();
            }
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
                int r = slot * stride;
                records[r + FIRST] = timeNanos;
                records[r + LAST] = timeNanos;
                records[r + MOVED] = timeNanos;
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
            if (now >= nextExpiry) {
                expireIdle();
            }
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
        long forwardKey = key(sourcePort, destinationPort, proto, version);
        long reverseKey = key(destinationPort, sourcePort, proto, version);
        int h = symmetricHash(version, proto, sHi, sLo, sourcePort, dHi, dLo, destinationPort);
        for (int i = h & indexMask; ; i = (i + 1) & indexMask) {
            long entry = index[i];
            if (entry == 0) {
                break;
            }
            if ((int) (entry >>> 32) != h) {
                continue;
            }
            int slot = (int) entry - 1;
            int r = slot * stride;
            long key = records[r + KEY];
            if (key == forwardKey && records[r + INITIATOR_LO] == sLo && records[r + RESPONDER_LO] == dLo
                    && records[r + INITIATOR_HI] == sHi && records[r + RESPONDER_HI] == dHi) {
                lastFromInitiator = true;
                lastNewFlow = false;
                return slot;
            }
            if (key == reverseKey && records[r + INITIATOR_LO] == dLo && records[r + RESPONDER_LO] == sLo
                    && records[r + INITIATOR_HI] == dHi && records[r + RESPONDER_HI] == sHi) {
                lastFromInitiator = false;
                lastNewFlow = false;
                return slot;
            }
        }
        boolean reversed = proto == IP_TCP ? (p.tcpFlags() & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)
                || ((p.tcpFlags() & TCP_SYN) == 0 && sourcePort < 1024 && destinationPort >= 1024)
                : proto == IP_UDP && sourcePort < 1024 && destinationPort >= 1024;
        int slot = allocate();
        int r = slot * stride;
        Arrays.fill(records, r, r + stride, 0);
        records[r + INITIATOR_HI] = reversed ? dHi : sHi;
        records[r + INITIATOR_LO] = reversed ? dLo : sLo;
        records[r + RESPONDER_HI] = reversed ? sHi : dHi;
        records[r + RESPONDER_LO] = reversed ? sLo : dLo;
        records[r + KEY] = reversed ? reverseKey : forwardKey;
        records[r + STATE] = (long) h << 32;
        insertIndex(slot, h);
        enqueue(slot, proto == IP_TCP ? QUEUE_ATTEMPT : QUEUE_UNANSWERED);
        size++;
        flowsStarted++;
        lastFromInitiator = !reversed;
        lastNewFlow = true;
        return slot;
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        Arrays.fill(array, value);
        return array;
    }

    private static long key(int initiatorPort, int responderPort, int proto, int version) {
        return initiatorPort | (long) responderPort << 16 | (long) proto << 32 | (long) version << 40;
    }

    /** A new SYN on a closed connection's ports, or a flow older than the active timeout, starts a new flow. */
    private boolean startsOver(int slot, PacketDecoder p, long timeNanos) {
        if (timeNanos - records[slot * stride + FIRST] >= activeNanos) {
            return true;
        }
        return protocol(slot) == IP_TCP && isClosed(slot) && (p.tcpFlags() & (TCP_SYN | TCP_ACK)) == TCP_SYN;
    }

    private void count(int slot, PacketDecoder p, long timeNanos, int wireLength) {
        int r = slot * stride;
        if (timeNanos > records[r + LAST]) {
            records[r + LAST] = timeNanos;
        }
        long payload = p.transportProtocol() >= 0 ? p.payloadLength() : 0;
        boolean tcp = protocol(slot) == IP_TCP;
        int flags = tcp ? p.tcpFlags() : 0;
        long state = records[r + STATE];
        if (lastFromInitiator) {
            records[r + PACKETS_OUT]++;
            records[r + BYTES_OUT] += wireLength;
            records[r + PAYLOAD_OUT] += payload;
            state |= flags;
        } else {
            records[r + PACKETS_IN]++;
            records[r + BYTES_IN] += wireLength;
            records[r + PAYLOAD_IN] += payload;
            state |= (long) flags << 8;
        }
        int queue = (int) (state >>> 24 & 0xFF);
        if (tcp) {
            int tcpState = (int) (state >>> 16 & 0xFF);
            if ((flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK) && !lastFromInitiator) {
                tcpState |= STATE_SYNACK_SEEN;
            }
            if ((flags & TCP_FIN) != 0) {
                tcpState |= lastFromInitiator ? STATE_FIN_INITIATOR : STATE_FIN_RESPONDER;
            }
            if ((flags & TCP_RST) != 0 && (tcpState & STATE_RESET) == 0) {
                tcpState |= lastFromInitiator ? STATE_RST_INITIATOR : STATE_RST_RESPONDER;
            }
            state = state & ~(0xFFL << 16) | (long) tcpState << 16;
            if ((tcpState & STATE_RESET) != 0 || (tcpState & STATE_FIN_BOTH) == STATE_FIN_BOTH) {
                queue = QUEUE_CLOSED;
            } else if ((state & TCP_ACK) != 0 && records[r + PACKETS_IN] > 0) {
                // Both sides spoke and the initiator acknowledged: a SYN answered by a SYN-ACK alone is still an
                // attempt, as every SYN of a flood from forged sources is, since no forged host completes it.
                queue = QUEUE_ESTABLISHED;
            } else {
                queue = QUEUE_ATTEMPT;
            }
        } else {
            queue = records[r + PACKETS_OUT] > 0 && records[r + PACKETS_IN] > 0 ? QUEUE_OTHER : QUEUE_UNANSWERED;
        }
        records[r + STATE] = state;
        if (queue != (int) (state >>> 24 & 0xFF) || timeNanos - records[r + MOVED] >= MOVE_EVERY_NANOS) {
            dequeue(slot);
            enqueue(slot, queue);
            records[r + MOVED] = timeNanos;
        }
    }

    private boolean isClosed(int slot) {
        int tcpState = (int) (records[slot * stride + STATE] >>> 16 & 0xFF);
        return (tcpState & STATE_RESET) != 0 || (tcpState & STATE_FIN_BOTH) == STATE_FIN_BOTH;
    }

    private void expireIdle() {
        long next = Long.MAX_VALUE;
        for (int queue = 0; queue < QUEUES; queue++) {
            long timeout = timeouts[queue];
            int slot;
            while ((slot = queueHead[queue]) != NONE && now - records[slot * stride + MOVED] >= timeout) {
                int r = slot * stride;
                if (now - records[r + LAST] >= timeout) {
                    end(slot, queue == QUEUE_CLOSED ? FlowEnd.CLOSED : FlowEnd.IDLE);
                } else {
                    // Active since it last moved: its place is at the tail, at its last packet's time.
                    dequeue(slot);
                    enqueue(slot, queue);
                    records[r + MOVED] = records[r + LAST];
                }
            }
            if (slot != NONE) {
                next = Math.min(next, records[slot * stride + MOVED] + timeout);
            }
        }
        nextExpiry = next;
    }

    /** A free slot; in a full table, the least recently active flow's, that flow ended as evicted. */
    private int allocate() {
        while (freeCount == 0) {
            int oldest = NONE;
            for (int queue = 0; queue < QUEUES; queue++) {
                int head = queueHead[queue];
                if (head != NONE && (oldest == NONE || records[head * stride + MOVED] < records[oldest * stride + MOVED])) {
                    oldest = head;
                }
            }
            int r = oldest * stride;
            if (records[r + LAST] > records[r + MOVED]) {
                // Active since it last moved: not the least recent after all.
                int queue = (int) (records[r + STATE] >>> 24 & 0xFF);
                dequeue(oldest);
                enqueue(oldest, queue);
                records[r + MOVED] = records[r + LAST];
            } else {
                evictions++;
                end(oldest, FlowEnd.EVICTED);
            }
        }
        return freeSlots[--freeCount];
    }

    private void end(int slot, FlowEnd reason) {
        listener.flowEnded(this, slot, reason);
        for (FlowObserver observer : observers) {
            observer.flowEnded(this, slot);
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
        index[i] = (long) h << 32 | (slot + 1);
    }

    /** Linear-probing removal by shifting later entries of the probe run back, so no tombstones accumulate. */
    private void removeIndex(int slot) {
        int i = (int) (records[slot * stride + STATE] >>> 32) & indexMask;
        while ((int) index[i] != slot + 1) {
            i = (i + 1) & indexMask;
        }
        for (int j = (i + 1) & indexMask; index[j] != 0; j = (j + 1) & indexMask) {
            int home = (int) (index[j] >>> 32) & indexMask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
    }
    private void enqueue(int slot, int queue) {
        int r = slot * stride;
        int tail = queueTail[queue];
        records[r + STATE] = records[r + STATE] & ~(0xFFL << 24) | (long) queue << 24;
        links[slot] = links(tail, NONE);
        if (tail == NONE) {
            queueHead[queue] = slot;
            // A new head may expire before the others: look again at the next packet.
            nextExpiry = Long.MIN_VALUE;
        } else {
            links[tail] = links(previous(tail), slot);
        }
        queueTail[queue] = slot;
    }

    private void dequeue(int slot) {
        int queue = (int) (records[slot * stride + STATE] >>> 24 & 0xFF);
        int prev = previous(slot);
        int next = next(slot);
        if (prev == NONE) {
            queueHead[queue] = next;
        } else {
            links[prev] = links(previous(prev), next);
        }
        if (next == NONE) {
            queueTail[queue] = prev;
        } else {
            links[next] = links(prev, next(next));
        }
    }

    private static long links(int previous, int next) {
        return previous & 0xFFFF_FFFFL | (long) next << 32;
    }

    private int previous(int slot) {
        return (int) links[slot];
    }

    private int next(int slot) {
        return (int) (links[slot] >>> 32);
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
        return (int) (records[slot * stride + KEY] >>> 40 & 0xFF);
    }

    /** The IP protocol number. */
    public int protocol(int slot) {
        return (int) (records[slot * stride + KEY] >>> 32 & 0xFF);
    }

    /**
     * The initiator's address as text (dotted quad, or RFC 5952 IPv6), for a flow's end, not per packet: it may
     * allocate.
     */
    public String initiatorAddress(int slot) {
        return address(ipVersion(slot), initiatorHi(slot), initiatorLo(slot));
    }

    /** The responder's address as text, like {@link #initiatorAddress}. */
    public String responderAddress(int slot) {
        return address(ipVersion(slot), responderHi(slot), responderLo(slot));
    }

    private String address(int version, long hi, long lo) {
        return version == 4 ? ipv4Texts.text((int) lo) : PacketDecoder.ipv6ToString(hi, lo);
    }

    /** The initiator's address: IPv4 in the low 32 bits of {@link #initiatorLo}, IPv6 as two halves. */
    public long initiatorHi(int slot) {
        return records[slot * stride + INITIATOR_HI];
    }

    public long initiatorLo(int slot) {
        return records[slot * stride + INITIATOR_LO];
    }

    public long responderHi(int slot) {
        return records[slot * stride + RESPONDER_HI];
    }

    public long responderLo(int slot) {
        return records[slot * stride + RESPONDER_LO];
    }

    /** TCP or UDP port; for ICMP the type of the initiator's first message. */
    public int initiatorPort(int slot) {
        return (int) (records[slot * stride + KEY] & 0xFFFF);
    }

    /** TCP or UDP port; for ICMP the reply type, or the code of a message that has no reply. */
    public int responderPort(int slot) {
        return (int) (records[slot * stride + KEY] >>> 16 & 0xFFFF);
    }

    public long firstNanos(int slot) {
        return records[slot * stride + FIRST];
    }

    public long lastNanos(int slot) {
        return records[slot * stride + LAST];
    }

    /** Packets from the initiator. */
    public long packetsOut(int slot) {
        return records[slot * stride + PACKETS_OUT];
    }

    /** Packets from the responder. */
    public long packetsIn(int slot) {
        return records[slot * stride + PACKETS_IN];
    }

    /** Bytes on the wire (frame lengths) from the initiator. */
    public long bytesOut(int slot) {
        return records[slot * stride + BYTES_OUT];
    }

    public long bytesIn(int slot) {
        return records[slot * stride + BYTES_IN];
    }

    /** Transport payload bytes captured from the initiator (what the application sent, as far as captured). */
    public long payloadOut(int slot) {
        return records[slot * stride + PAYLOAD_OUT];
    }

    public long payloadIn(int slot) {
        return records[slot * stride + PAYLOAD_IN];
    }

    /** TCP flags the initiator sent, ORed over the flow. */
    public int flagsOut(int slot) {
        return (int) (records[slot * stride + STATE] & 0xFF);
    }

    public int flagsIn(int slot) {
        return (int) (records[slot * stride + STATE] >>> 8 & 0xFF);
    }

    /** True when the responder answered the initiator's SYN. */
    public boolean handshakeAnswered(int slot) {
        return (tcpState(slot) & STATE_SYNACK_SEEN) != 0;
    }

    /** True when both sides sent a FIN. */
    public boolean closedByBoth(int slot) {
        return (tcpState(slot) & STATE_FIN_BOTH) == STATE_FIN_BOTH;
    }

    /** True when the first RST came from the initiator; see {@link #resetByResponder}. */
    public boolean resetByInitiator(int slot) {
        return (tcpState(slot) & STATE_RST_INITIATOR) != 0;
    }

    public boolean resetByResponder(int slot) {
        return (tcpState(slot) & STATE_RST_RESPONDER) != 0;
    }

    private int tcpState(int slot) {
        return (int) (records[slot * stride + STATE] >>> 16 & 0xFF);
    }

    /**
     * The array of the slots' records, in which observers keep their per-flow words (see
     * {@link FlowObserver#wordsPerFlow()}) beside the table's own fields of the flow. An observer reads and
     * writes only its own words, found with {@link #wordIndex}; they are zero when a flow starts in the slot.
     */
    public long[] records() {
        return records;
    }

    /** Where word {@code word} of the record of {@code slot} is in {@link #records()}. */
    public int wordIndex(int slot, int word) {
        return slot * stride + word;
    }

    /** The flow's Community ID v1, hashed when its text is first read (most never are). */
    public CommunityId communityId(int slot) {
        int proto = protocol(slot);
        if (ipVersion(slot) == 4) {
            return CommunityId.ipv4(CommunityId.DEFAULT_SEED, (int) initiatorLo(slot), (int) responderLo(slot), proto,
                    initiatorPort(slot), responderPort(slot));
        }
        return CommunityId.ipv6(CommunityId.DEFAULT_SEED, initiatorHi(slot), initiatorLo(slot), responderHi(slot),
                responderLo(slot), proto, initiatorPort(slot), responderPort(slot));
    }
}
