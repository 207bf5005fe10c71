package io.iotwatch.packet.features;

import static io.iotwatch.packet.decode.Protocols.IP_ICMP;
import static io.iotwatch.packet.decode.Protocols.IP_ICMPV6;
import static io.iotwatch.packet.decode.Protocols.IP_TCP;
import static io.iotwatch.packet.decode.Protocols.IP_UDP;
import static io.iotwatch.packet.features.FeatureColumns.*;

import io.iotwatch.packet.decode.PacketDecoder;
import io.iotwatch.packet.flow.FlowTable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code flow} mode: the 46 CICIoT2023 columns with clean definitions over each flow's own packets, one
 * row per flow when the flow table ends it (see the package documentation for every column). Packets in no
 * flow (slot -1: ARP, other non-IP, fragments without ports) are not counted.
 *
 * <p>The state of a flow lives in the slot the flow table gave it: one record of doubles per slot in one
 * array, so that a packet touches a few adjacent cache lines rather than one line per field, and one pair of
 * times per slot in another. Both are allocated once for the table's capacity; nothing is allocated per
 * packet. Not thread-safe (one instance per packet thread).
 */
public final class FlowFeatureExtractor implements FeatureExtractor {

    private static final int PROTOCOL = 0;
    private static final int SOURCE_PORT = 1;
    private static final int DESTINATION_PORT = 2;
    private static final int PACKETS_OUT = 3;
    private static final int PACKETS_IN = 4;
    private static final int MEAN_OUT = 5;
    private static final int SQUARES_OUT = 6;
    private static final int MEAN_IN = 7;
    private static final int SQUARES_IN = 8;
    private static final int BYTES = 9;
    private static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 11;
    private static final int HEADER_BYTES = 12;
    private static final int PAYLOAD_BYTES = 13;
    private static final int TTL_SUM = 14;
    /** Eight counters, one per TCP flag bit from FIN (bit 0) to CWR (bit 7). */
    private static final int FLAG_COUNTS = 15;
    private static final int LAST_OUT_LENGTH = FLAG_COUNTS + 8;
    private static final int PAIRS = LAST_OUT_LENGTH + 1;
    private static final int PAIR_MEAN_OUT = PAIRS + 1;
    private static final int PAIR_MEAN_IN = PAIRS + 2;
    private static final int PAIR_COMOMENT = PAIRS + 3;
    private static final int STRIDE = PAIR_COMOMENT + 1;

    private static final int FIN_BIT = 0;
    private static final int SYN_BIT = 1;
    private static final int RST_BIT = 2;
    private static final int PSH_BIT = 3;
    private static final int ACK_BIT = 4;
    private static final int URG_BIT = 5;
    private static final int ECE_BIT = 6;
    private static final int CWR_BIT = 7;

    private static final int IPV6_HEADER = 40;
    private static final double NANOS_PER_SECOND = 1e9;

    private final FeatureRowSink sink;
    private final int capacity;
    private final double[] stats;
    /** First and last packet time of each slot, epoch nanoseconds. */
    private final long[] times;
    private final double[] row = new double[COUNT];

    /** Keeps the state of up to {@code capacity} flows, for slots 0 to {@code capacity - 1}. */
    public FlowFeatureExtractor(int capacity, FeatureRowSink sink) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.capacity = capacity;
        this.stats = new double[Math.multiplyExact(capacity, STRIDE)];
        this.times = new long[Math.multiplyExact(capacity, 2)];
    }

    @Override
    public void packet(PacketDecoder packet, long timeNanos, int wireLength, int slot, boolean fromInitiator,
            boolean newFlow) {
        if (slot < 0 || slot >= capacity) {
            return;
        }
        double[] s = stats;
        int f = slot * STRIDE;
        if (newFlow || packets(f) == 0) {
            start(slot, packet, timeNanos);
        }
        int length = Math.max(wireLength, 0);
        if (fromInitiator) {
            double n = ++s[f + PACKETS_OUT];
            addLength(f + MEAN_OUT, f + SQUARES_OUT, n, length);
            s[f + LAST_OUT_LENGTH] = length;
        } else {
            double n = ++s[f + PACKETS_IN];
            addLength(f + MEAN_IN, f + SQUARES_IN, n, length);
            if (s[f + PACKETS_OUT] > 0) {
                pairWithLastOut(f, length);
            }
        }
        s[f + BYTES] += length;
        s[f + MIN_LENGTH] = Math.min(s[f + MIN_LENGTH], length);
        s[f + MAX_LENGTH] = Math.max(s[f + MAX_LENGTH], length);
        int headerBytes = packet.ipVersion() != 0 ? packet.payloadOffset() - packet.networkOffset() : 0;
        s[f + HEADER_BYTES] += headerBytes;
        s[f + PAYLOAD_BYTES] += statedPayload(packet, headerBytes);
        s[f + TTL_SUM] += packet.ttl();
        if (packet.transportProtocol() == IP_TCP) {
            int flags = packet.tcpFlags();
            for (int bit = FIN_BIT; bit <= CWR_BIT; bit++) {
                s[f + FLAG_COUNTS + bit] += (flags >>> bit) & 1;
            }
        }
        int t = slot * 2;
        times[t] = Math.min(times[t], timeNanos);
        times[t + 1] = Math.max(times[t + 1], timeNanos);
    }

    @Override
    public void flowEnded(FlowTable flows, int slot) {
        if (slot >= 0 && slot < capacity && packets(slot * STRIDE) > 0) {
            emit(flows, slot);
        }
    }

    /**
     * Emits a row for every flow that has packets and was not ended, with no flow table to describe it: the
     * pipeline ends every flow at the end of its input, so this only finds flows of an extractor fed directly.
     */
    @Override
    public void finish() {
        for (int slot = 0; slot < capacity; slot++) {
            flowEnded(null, slot);
        }
    }

    private double packets(int f) {
        return stats[f + PACKETS_OUT] + stats[f + PACKETS_IN];
    }

    private void start(int slot, PacketDecoder packet, long timeNanos) {
        int f = slot * STRIDE;
        Arrays.fill(stats, f, f + STRIDE, 0.0);
        boolean ports = packet.transportProtocol() == IP_TCP || packet.transportProtocol() == IP_UDP;
        stats[f + PROTOCOL] = packet.ipProtocol();
        stats[f + SOURCE_PORT] = ports ? packet.sourcePort() : 0;
        stats[f + DESTINATION_PORT] = ports ? packet.destinationPort() : 0;
        stats[f + MIN_LENGTH] = Double.POSITIVE_INFINITY;
        times[slot * 2] = timeNanos;
        times[slot * 2 + 1] = timeNanos;
    }

    /** Welford's update of a running mean and sum of squared deviations with the {@code n}th value. */
    private void addLength(int meanAt, int squaresAt, double n, int length) {
        double delta = length - stats[meanAt];
        stats[meanAt] += delta / n;
        stats[squaresAt] += delta * (length - stats[meanAt]);
    }

    /** Pairs a responder packet with the initiator packet before it, updating their co-moment. */
    private void pairWithLastOut(int f, int inLength) {
        double[] s = stats;
        double outLength = s[f + LAST_OUT_LENGTH];
        double n = ++s[f + PAIRS];
        double deltaOut = outLength - s[f + PAIR_MEAN_OUT];
        s[f + PAIR_MEAN_OUT] += deltaOut / n;
        s[f + PAIR_MEAN_IN] += (inLength - s[f + PAIR_MEAN_IN]) / n;
        s[f + PAIR_COMOMENT] += deltaOut * (inLength - s[f + PAIR_MEAN_IN]);
    }

    /** The transport payload the IP header states, so that a capture cut short does not shrink it. */
    private static int statedPayload(PacketDecoder packet, int headerBytes) {
        int ipLength = switch (packet.ipVersion()) {
            case 4 -> packet.ipv4TotalLength();
            case 6 -> IPV6_HEADER + packet.ipv6PayloadLength();
            default -> 0;
        };
        return Math.max(ipLength - headerBytes, 0);
    }

    private void emit(FlowTable flows, int slot) {
        double[] s = stats;
        double[] r = row;
        int f = slot * STRIDE;
        double out = s[f + PACKETS_OUT];
        double in = s[f + PACKETS_IN];
        double packets = out + in;
        double seconds = (times[slot * 2 + 1] - times[slot * 2]) / NANOS_PER_SECOND;
        int protocol = (int) s[f + PROTOCOL];
        int source = (int) s[f + SOURCE_PORT];
        int destination = (int) s[f + DESTINATION_PORT];
        double varianceOut = out > 0 ? s[f + SQUARES_OUT] / out : 0;
        double varianceIn = in > 0 ? s[f + SQUARES_IN] / in : 0;
        double mean = s[f + BYTES] / packets;
        // The two directions' sums of squared deviations, joined around the flow's mean.
        double meanGap = s[f + MEAN_OUT] - s[f + MEAN_IN];
        double squares = s[f + SQUARES_OUT] + s[f + SQUARES_IN] + meanGap * meanGap * out * in / packets;

        // ARP and LLC stay 0: neither has a flow.
        Arrays.fill(r, 0.0);
        r[FLOW_DURATION] = seconds;
        r[HEADER_LENGTH] = s[f + HEADER_BYTES];
        r[PROTOCOL_TYPE] = protocol;
        r[DURATION] = s[f + TTL_SUM] / packets;
        r[RATE] = perSecond(packets, seconds);
        r[SRATE] = perSecond(out, seconds);
        r[DRATE] = perSecond(in, seconds);
        r[FIN_FLAG_NUMBER] = s[f + FLAG_COUNTS + FIN_BIT] / packets;
        r[SYN_FLAG_NUMBER] = s[f + FLAG_COUNTS + SYN_BIT] / packets;
        r[RST_FLAG_NUMBER] = s[f + FLAG_COUNTS + RST_BIT] / packets;
        r[PSH_FLAG_NUMBER] = s[f + FLAG_COUNTS + PSH_BIT] / packets;
        r[ACK_FLAG_NUMBER] = s[f + FLAG_COUNTS + ACK_BIT] / packets;
        r[ECE_FLAG_NUMBER] = s[f + FLAG_COUNTS + ECE_BIT] / packets;
        r[CWR_FLAG_NUMBER] = s[f + FLAG_COUNTS + CWR_BIT] / packets;
        r[ACK_COUNT] = s[f + FLAG_COUNTS + ACK_BIT];
        r[SYN_COUNT] = s[f + FLAG_COUNTS + SYN_BIT];
        r[FIN_COUNT] = s[f + FLAG_COUNTS + FIN_BIT];
        r[URG_COUNT] = s[f + FLAG_COUNTS + URG_BIT];
        r[RST_COUNT] = s[f + FLAG_COUNTS + RST_BIT];
        markService(r, protocol, source);
        markService(r, protocol, destination);
        r[TCP] = protocol == IP_TCP ? 1 : 0;
        r[UDP] = protocol == IP_UDP ? 1 : 0;
        r[ICMP] = protocol == IP_ICMP || protocol == IP_ICMPV6 ? 1 : 0;
        r[IPV] = 1;
        r[TOT_SUM] = s[f + BYTES];
        r[MIN] = s[f + MIN_LENGTH];
        r[MAX] = s[f + MAX_LENGTH];
        r[AVG] = mean;
        r[STD] = Math.sqrt(squares / packets);
        r[TOT_SIZE] = s[f + PAYLOAD_BYTES];
        r[IAT] = packets > 1 ? seconds / (packets - 1) : 0;
        r[NUMBER] = packets;
        r[MAGNITUE] = Math.sqrt(s[f + MEAN_IN] + s[f + MEAN_OUT]);
        r[RADIUS] = Math.sqrt(varianceIn + varianceOut);
        r[COVARIANCE] = s[f + PAIRS] > 0 ? s[f + PAIR_COMOMENT] / s[f + PAIRS] : 0;
        r[VARIANCE] = varianceOut > 0 ? varianceIn / varianceOut : 0;
        r[WEIGHT] = in * out;
        Arrays.fill(stats, f, f + STRIDE, 0.0);
        sink.row(r, flows, slot, times[slot * 2], times[slot * 2 + 1]);
    }

    /** Sets the column of the service whose well-known port {@code port} is, if any. */
    private static void markService(double[] r, int protocol, int port) {
        int column = switch (port) {
            case 80, 8080 -> HTTP;
            case 443, 8443 -> HTTPS;
            case 53 -> DNS;
            case 23, 2323 -> TELNET;
            case 25, 465, 587 -> SMTP;
            case 22 -> SSH;
            case 194, 6660, 6661, 6662, 6663, 6664, 6665, 6666, 6667, 6668, 6669, 6697 -> IRC;
            case 67, 68, 546, 547 -> protocol == IP_UDP ? DHCP : -1;
            default -> -1;
        };
        if (column >= 0) {
            r[column] = 1;
        }
    }

    private static double perSecond(double count, double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }
}
